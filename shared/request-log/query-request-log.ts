/**
 * @module One page of the request log for the options page: newest first, filtered by site,
 * provider (the one that answered or any one tried) and outcome, with the sites and providers
 * present so the filters offer only what the log has.
 */
import { z } from 'zod';
import { REQUEST_LOG_CAP, type RequestLogEntry } from './request-log-entry';
import { requestOutcome, requestOutcomeSchema } from './request-outcome';

export const requestLogQuerySchema = z.object({
  site: z.string().optional(),
  provider: z.string().optional(),
  outcome: requestOutcomeSchema.optional(),
  offset: z.number().int().nonnegative().default(0),
  /** Up to the whole log: an export asks for every matching line at once. */
  limit: z.number().int().min(1).max(REQUEST_LOG_CAP).default(20),
});
export type RequestLogQuery = z.output<typeof requestLogQuerySchema>;

export interface RequestLogPage {
  entries: RequestLogEntry[];
  /** Lines matching the filters, across every page. */
  total: number;
  sites: string[];
  providers: string[];
}

const providersOf = (entry: RequestLogEntry) => [
  ...new Set([
    ...entry.attempts.map((attempt) => attempt.provider),
    ...(entry.provider ? [entry.provider] : []),
  ]),
];

/** `newestFirst` is the whole log, newest first. */
export function queryRequestLog(newestFirst: RequestLogEntry[], query: RequestLogQuery): RequestLogPage {
  const matching = newestFirst.filter(
    (entry) =>
      (query.site === undefined || entry.origin === query.site) &&
      (query.provider === undefined || providersOf(entry).includes(query.provider)) &&
      (query.outcome === undefined || requestOutcome(entry) === query.outcome),
  );
  return {
    entries: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    sites: [...new Set(newestFirst.map((entry) => entry.origin))].sort(),
    providers: [...new Set(newestFirst.flatMap(providersOf))].sort(),
  };
}
