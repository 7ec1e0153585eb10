/**
 * @module Writes request-log lines behind the answer (a page should not wait for IndexedDB), in
 * order; readers wait for pending writes. Bounded: old lines are pruned every few writes.
 */
import { pruneRequestLog } from '../store/prune-tables';
import type { FreeLLMDatabase } from '../store/database';
import type { RequestLogEntry } from './request-log-entry';

const PRUNE_EVERY = 20;

export interface RequestLogWriter {
  write(entry: RequestLogEntry): void;
  recent(limit: number): Promise<RequestLogEntry[]>;
}

export function createRequestLogWriter(db: FreeLLMDatabase, now: () => number): RequestLogWriter {
  let writes: Promise<unknown> = Promise.resolve();
  let sincePrune = 0;
  return {
    write(entry) {
      writes = writes
        .then(async () => {
          await db.requestLog.add(entry);
          if (++sincePrune < PRUNE_EVERY) return;
          sincePrune = 0;
          await pruneRequestLog(db, now());
        })
        .catch(() => undefined);
    },
    async recent(limit) {
      await writes;
      return db.requestLog.orderBy('at').reverse().limit(limit).toArray();
    },
  };
}
