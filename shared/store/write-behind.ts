/**
 * @module Bookkeeping writes (usage, a site's request counts, the request log, cached answers)
 * wait a moment and go out together: each IndexedDB call costs the worker a tenth of a
 * millisecond or more of script time, which a request should not pay before its answer, nor the
 * next request before it is read. Memory stays the authority; the disk copy trails by at most
 * `delayMs` (MV3 keeps a worker alive 30 s after its last event, far longer). Writes run in the
 * order queued; a failed write loses only itself.
 */

export interface WriteBehind {
  /** Runs `write` with the next batch; resolves once it has run (failed or not). */
  queue(write: () => unknown): Promise<void>;
  /**
   * Queues `write` unless it is already waiting to run: a write that reads what to write when it
   * runs (the latest state of whatever changed) needs queuing once per batch.
   */
  once(write: () => unknown): Promise<void>;
  /** Writes everything queued so far now; resolves once it is written. */
  settled(): Promise<void>;
}

export const WRITE_BEHIND_DELAY_MS = 250;

export function createWriteBehind(delayMs = WRITE_BEHIND_DELAY_MS): WriteBehind {
  let pending: (() => Promise<void>)[] = [];
  let draining: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting = new Map<() => unknown, Promise<void>>();
  const drainNow = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const writes = pending;
    pending = [];
    draining = draining.then(async () => {
      for (const write of writes) await write();
    });
    return draining;
  };
  const queue = (write: () => unknown) =>
    new Promise<void>((resolve) => {
      pending.push(async () => {
        try {
          await write();
        } catch {
          // Durability only: what failed to be written still lives in memory.
        }
        resolve();
      });
      timer ??= setTimeout(drainNow, delayMs);
    });
  const once = (write: () => unknown): Promise<void> => {
    const queued = waiting.get(write);
    if (queued) return queued;
    const run = queue(() => {
      waiting.delete(write);
      return write();
    });
    waiting.set(write, run);
    return run;
  };
  return { queue, once, settled: drainNow };
}
