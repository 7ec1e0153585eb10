/**
 * @module What the accounting needs to know about a provider's limits, as plain input: the
 * catalog (or a test, or the benchmark) implements `LimitSource`; nothing here knows the catalog.
 */
import { z } from 'zod';

/** Requests and tokens per minute and per day; a missing number means "not limited / unknown". */
export interface Limits {
  rpm?: number;
  rpd?: number;
  tpm?: number;
  tpd?: number;
}

/**
 * Who shares one allowance: every model of one key (`key`), every key of one account
 * (`account`, e.g. a Gemini project or an OpenRouter account), or each model of a key (`model`).
 */
export type LimitScope = 'key' | 'account' | 'model';

export interface LimitSpec extends Limits {
  scope: LimitScope;
  /** Limits the user set: they win over the catalog and over anything learned at run time. */
  userSet?: readonly (keyof Limits)[];
  /** IANA time zone whose midnight resets the daily windows; UTC when absent (Gemini: America/Los_Angeles). */
  dailyResetTimeZone?: string;
}

/** Feeds the accounting: the free-tier limits of one model at one provider, if known. */
export interface LimitSource {
  limitsFor(providerId: string, model: string): LimitSpec | undefined;
}

/** A limit source from a plain table: `{ groq: { rpm: 30, scope: 'model' } }`, optionally per model. */
export function createTableLimitSource(
  byProvider: Record<string, LimitSpec>,
  byModel: Record<string, LimitSpec> = {},
): LimitSource {
  return { limitsFor: (providerId, model) => byModel[`${providerId}/${model}`] ?? byProvider[providerId] };
}

const limitValue = z.number().int().positive().nullable();

/** The user's overrides, by `provider` or `provider/model`; `null` clears a limit the catalog has. */
export const userLimitsSchema = z.record(
  z.string().regex(/^[a-z0-9-]+(\/.+)?$/, 'Name a provider (groq) or a model (groq/openai/gpt-oss-120b)'),
  z.strictObject({
    rpm: limitValue.optional(),
    rpd: limitValue.optional(),
    tpm: limitValue.optional(),
    tpd: limitValue.optional(),
  }),
);
export type UserLimits = z.infer<typeof userLimitsSchema>;

/** `base` with the user's overrides on top (a model's own before its provider's). */
export function withUserLimits(base: LimitSource, current: () => UserLimits): LimitSource {
  return {
    limitsFor(providerId, model) {
      const spec = base.limitsFor(providerId, model);
      const overrides = { ...current()[providerId], ...current()[`${providerId}/${model}`] };
      const names = Object.keys(overrides) as (keyof Limits)[];
      if (names.length === 0) return spec;
      const merged: LimitSpec = { ...(spec ?? { scope: 'model' }), userSet: names };
      for (const name of names) {
        const value = overrides[name];
        if (value === null || value === undefined) delete merged[name];
        else merged[name] = value;
      }
      return merged;
    },
  };
}
