/**
 * @module Writes request-log lines behind the answer (a page should not wait for IndexedDB), in
 * order; readers wait for pending writes. Bounded: old lines are pruned every few writes.
 */
import { pruneRequestLog } from '../store/prune-request-log';
import type { FreeLLMDatabase } from '../store/database';
import { createWriteBehind, type WriteBehind } from '../store/write-behind';
import type { RequestLogEntry } from './request-log-entry';

const PRUNE_EVERY = 20;

export interface RequestLogWriter {
  write(entry: RequestLogEntry): void;
  recent(limit: number): Promise<RequestLogEntry[]>;
  /** Every line of a request that started at `at` or later. */
  since(at: number): Promise<RequestLogEntry[]>;
}

export function createRequestLogWriter(
  db: FreeLLMDatabase,
  now: () => number,
  writeBehind: WriteBehind = createWriteBehind(),
): RequestLogWriter {
  let sincePrune = 0;
  let unwritten: RequestLogEntry[] = [];
  const writeUnwritten = async () => {
    const entries = unwritten;
    unwritten = [];
    await db.requestLog.bulkAdd(entries);
    sincePrune += entries.length;
    if (sincePrune < PRUNE_EVERY) return;
    sincePrune = 0;
    await pruneRequestLog(db, now());
  };
  return {
    write(entry) {
      unwritten.push(entry);
      void writeBehind.once(writeUnwritten);
    },
    async recent(limit) {
      await writeBehind.settled();
      return db.requestLog.orderBy('at').reverse().limit(limit).toArray();
    },
    async since(at) {
      await writeBehind.settled();
      return db.requestLog.where('at').aboveOrEqual(at).toArray();
    },
  };
}
