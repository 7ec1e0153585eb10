/**
 * @module Bounded growth for the request log: at most a cap of entries and none older than a
 * maximum age. (The response cache bounds itself by bytes: see response-cache.ts.)
 */
import { REQUEST_LOG_CAP } from '../request-log/request-log-entry';
import type { FreeLLMDatabase } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A month of history is enough to answer "what happened last week?". */
export const REQUEST_LOG_MAX_AGE_MS = 30 * DAY_MS;

export interface RequestLogBounds {
  cap?: number;
  maxAgeMs?: number;
}

/** Deletes entries older than `maxAgeMs`, then the oldest above `cap`; returns how many went. */
export async function pruneRequestLog(
  db: FreeLLMDatabase,
  now: number,
  bounds: RequestLogBounds = {},
): Promise<number> {
  const { cap = REQUEST_LOG_CAP, maxAgeMs = REQUEST_LOG_MAX_AGE_MS } = bounds;
  return db.transaction('rw', db.requestLog, async () => {
    const expired = await db.requestLog
      .where('at')
      .below(now - maxAgeMs)
      .delete();
    const excess = (await db.requestLog.count()) - cap;
    const evicted = excess > 0 ? await db.requestLog.orderBy('at').limit(excess).delete() : 0;
    return expired + evicted;
  });
}
