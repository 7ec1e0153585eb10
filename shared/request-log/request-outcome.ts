/**
 * @module How a logged request ended, in four kinds the log is filtered by: answered by the first
 * provider asked, answered after moving on from one that failed, answered without asking anyone
 * (a cached or shared answer), or not answered.
 */
import { z } from 'zod';
import type { RequestLogEntry } from './request-log-entry';

export const requestOutcomeSchema = z.enum(['answered', 'moved', 'cached', 'failed']);
export type RequestOutcome = z.infer<typeof requestOutcomeSchema>;

export function requestOutcome(entry: Pick<RequestLogEntry, 'status' | 'attempts'>): RequestOutcome {
  if (entry.status >= 400) return 'failed';
  if (entry.attempts.length === 0) return 'cached';
  return entry.attempts.length === 1 ? 'answered' : 'moved';
}
