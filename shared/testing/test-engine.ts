/** An engine on a fresh fake-IndexedDB database, with a fake fetch and a settable clock. */
import { createEngine, type Engine, type EngineHost } from '../engine/create-engine';
import { openDatabase } from '../store/database';
import type { FetchLike } from '../providers/types';

export interface TestEngine {
  engine: Engine;
  clock: { now: number };
}

export function createTestEngine(fetch: FetchLike, host: Partial<EngineHost> = {}): TestEngine {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const engine = createEngine({
    fetch,
    now: () => clock.now,
    db: openDatabase(`engine-test-${crypto.randomUUID()}`),
    crypto,
    ...host,
  });
  return { engine, clock };
}

export const userMessage = (content: string) => ({ model: 'auto', messages: [{ role: 'user', content }] });
