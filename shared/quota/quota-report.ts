/**
 * @module The answer to `GET /quota` and to the dashboard's `quota.get`: the pool's headroom per
 * provider and model, and a forecast of when it runs out. Counts and limits only: no key id,
 * label, account or secret, so a page learns how many keys a provider has and how much the pool
 * has spent, never which key is which (docs/page-api.md, "What a site learns from /quota").
 */
import { z } from 'zod';

/** Times are Unix seconds, as OpenAI's `created`; a window with no known limit has `limit: null`. */
export const quotaWindowSchema = z.strictObject({
  limit: z.number().int().nonnegative().nullable(),
  used: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative().nullable(),
  /** Day: the provider's daily reset. Minute (sliding): when the oldest counted request leaves it; null when none is counted. */
  resets_at: z.number().int().nullable(),
});
export type QuotaWindow = z.infer<typeof quotaWindowSchema>;

const quotaWindowsSchema = z.strictObject({ minute: quotaWindowSchema, day: quotaWindowSchema });

export const forecastStatusSchema = z.enum([
  /** At the recent pace the day's allowance is spent at `runs_out_at`, before the daily reset. */
  'runs_out',
  /** At the recent pace the allowance outlasts the day: it resets first. */
  'lasts_until_reset',
  /** Nothing was spent in the recent window: no pace, no prediction. */
  'idle',
  /** Some allowance has no known daily limit, so it cannot be predicted to run out. */
  'no_daily_limit',
  /** Nothing is left today (`runs_out_at` is now). */
  'exhausted',
]);
export type ForecastStatus = z.infer<typeof forecastStatusSchema>;

export const forecastSchema = z.strictObject({
  status: forecastStatusSchema,
  runs_out_at: z.number().int().nullable(),
  /** The pace: attempts sent upstream over the recent window, per minute. */
  requests_per_minute: z.number().nonnegative(),
  /** The request pace times today's average tokens per request. */
  tokens_per_minute: z.number().nonnegative(),
});
export type Forecast = z.infer<typeof forecastSchema>;

const headroomFields = {
  requests: quotaWindowsSchema,
  tokens: quotaWindowsSchema,
  forecast: forecastSchema,
};

export const modelQuotaSchema = z.strictObject({ id: z.string(), ...headroomFields });

export const providerQuotaSchema = z.strictObject({
  id: z.string(),
  /** The catalog's name; null for the user's own endpoints (their names are the user's words). */
  name: z.string().nullable(),
  /** Enabled keys (a local server counts as one): the figures are their sum. */
  keys: z.number().int().positive(),
  ...headroomFields,
  models: z.array(modelQuotaSchema),
});

export const quotaReportSchema = z.strictObject({
  object: z.literal('freellm.quota'),
  created: z.number().int(),
  /** How far back the pace is measured. */
  pace_window_seconds: z.number().int().positive(),
  /** Every provider together: what `auto` can still spend. */
  pool: z.strictObject(headroomFields),
  /** The asking site's own limits set by the user (requests only); null for the extension's pages. */
  site: z.strictObject({ origin: z.string(), requests: quotaWindowsSchema }).nullable(),
  providers: z.array(providerQuotaSchema),
});
export type QuotaReport = z.infer<typeof quotaReportSchema>;
export type ProviderQuota = z.infer<typeof providerQuotaSchema>;
export type ModelQuota = z.infer<typeof modelQuotaSchema>;
export type Headroom = Pick<ModelQuota, 'requests' | 'tokens' | 'forecast'>;
