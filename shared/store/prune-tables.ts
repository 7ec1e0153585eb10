/**
 * @module Bounded growth for the two tables that grow with every request: the request log keeps
 * at most a cap of entries and none older than a maximum age; the cache drops expired entries,
 * then the least recently used ones above its cap.
 */
import { REQUEST_LOG_CAP } from '../request-log/request-log-entry';
import type { FreeLLMDatabase } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A month of history is enough to answer "what happened last week?". */
export const REQUEST_LOG_MAX_AGE_MS = 30 * DAY_MS;

/** Default cap on cached responses; the cache module may pass its own. */
export const CACHE_ENTRY_CAP = 500;

export interface RequestLogBounds {
  cap?: number;
  maxAgeMs?: number;
}

/** Deletes entries older than `maxAgeMs`, then the oldest above `cap`; returns how many went. */
export async function pruneRequestLog(db: FreeLLMDatabase, now: number, bounds: RequestLogBounds = {}): Promise<number> {
  const { cap = REQUEST_LOG_CAP, maxAgeMs = REQUEST_LOG_MAX_AGE_MS } = bounds;
  return db.transaction('rw', db.requestLog, async () => {
    const expired = await db.requestLog.where('at').below(now - maxAgeMs).delete();
    const excess = (await db.requestLog.count()) - cap;
    const evicted = excess > 0 ? await db.requestLog.orderBy('at').limit(excess).delete() : 0;
    return expired + evicted;
  });
}

/** Deletes cache entries whose `expiresAt` has passed, then the least recently used above `cap`. */
export async function pruneCache(db: FreeLLMDatabase, now: number, cap: number = CACHE_ENTRY_CAP): Promise<number> {
  return db.transaction('rw', db.cache, async () => {
    const expired = await db.cache.where('expiresAt').belowOrEqual(now).delete();
    const excess = (await db.cache.count()) - cap;
    const evicted = excess > 0 ? await db.cache.orderBy('lastUsedAt').limit(excess).delete() : 0;
    return expired + evicted;
  });
}
