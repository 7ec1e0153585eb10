/** An engine on a fresh fake-IndexedDB database, with a fake fetch and a settable clock. */
import { createEngine, type Engine, type EngineHost } from '../engine/create-engine';
import { openDatabase } from '../store/database';
import type { FetchLike } from '../providers/types';

export interface TestEngine {
  engine: Engine;
  clock: { now: number };
  /** A new engine on the same database, as after a worker restart. */
  restart(): Engine;
}

export function createTestEngine(fetch: FetchLike, host: Partial<EngineHost> = {}): TestEngine {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const db = openDatabase(`engine-test-${crypto.randomUUID()}`);
  const restart = () =>
    createEngine({ fetch, now: () => clock.now, db, crypto, backgroundReads: false, ...host });
  return { engine: restart(), clock, restart };
}
