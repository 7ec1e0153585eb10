/**
 * Test support for the router: a test engine with keys and settings, hand-driven timers,
 * optional limits and models, and a fake fetch answering per host.
 */
import type { EngineHost } from '../engine/create-engine';
import { createFakeFetch, type RecordedCall } from './fake-fetch';
import { createTestEngine } from './test-engine';
import type { Timers } from '../router/run-attempts';
import type { RoutingSettingsInput } from '../router/routing-settings';

/**
 * Waits for something the engine does (a call, a timer set or cleared) instead of for wall-clock
 * time, which a busy machine stretches: `check` runs again after each `changed()`.
 */
function conditions() {
  const waiting: { check: () => boolean; resolve: () => void }[] = [];
  return {
    until(check: () => boolean): Promise<void> {
      return check() ? Promise.resolve() : new Promise((resolve) => void waiting.push({ check, resolve }));
    },
    changed() {
      for (const waiter of [...waiting]) {
        if (!waiter.check()) continue;
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
  };
}

export interface ManualTimers extends Timers {
  advance(ms: number): void;
  /** Resolves once a timer of `ms` is waiting (the engine has armed that limit). */
  untilSet(ms: number): Promise<void>;
  /** Resolves once a timer of `ms` was cleared before firing (what it guarded happened). */
  untilCleared(ms: number): Promise<void>;
}

/** Timers that fire only when the test advances them. */
export function manualTimers(): ManualTimers {
  let elapsed = 0;
  let nextId = 0;
  const pending = new Map<number, { due: number; ms: number; callback: () => void }>();
  const cleared: number[] = [];
  const events = conditions();
  return {
    setTimeout(callback, ms) {
      pending.set(++nextId, { due: elapsed + ms, ms, callback });
      events.changed();
      return nextId;
    },
    clearTimeout(handle) {
      const timer = pending.get(handle as number);
      if (!timer) return;
      pending.delete(handle as number);
      cleared.push(timer.ms);
      events.changed();
    },
    advance(ms) {
      elapsed += ms;
      for (const [id, timer] of [...pending]) {
        if (timer.due > elapsed) continue;
        pending.delete(id);
        timer.callback();
      }
    },
    untilSet: (ms) => events.until(() => [...pending.values()].some((timer) => timer.ms === ms)),
    untilCleared: (ms) => events.until(() => cleared.includes(ms)),
  };
}

export type HostHandler = (call: RecordedCall, index: number) => Response | Promise<Response>;

export const hostOf = (call: RecordedCall) => new URL(call.url).host;

export interface KitOptions extends Pick<EngineHost, 'limits' | 'models' | 'backgroundReads'> {
  keys: { providerId: string; secret: string }[];
  settings?: RoutingSettingsInput;
}

export async function routingKit(handler: HostHandler, options: KitOptions) {
  const calls = conditions();
  const fetch = createFakeFetch((call, index) => {
    calls.changed();
    return handler(call, index);
  });
  const timers = manualTimers();
  const { engine, clock, restart } = createTestEngine(fetch, {
    limits: options.limits,
    models: options.models,
    timers,
    // Most tests count every upstream call: background reads happen only where a test asks.
    backgroundReads: options.backgroundReads ?? false,
  });
  const keyIds: string[] = [];
  for (const key of options.keys) keyIds.push((await engine.keys.add(key)).id);
  if (options.settings) await engine.routing.saveSettings(options.settings);
  const hosts = () => fetch.calls.map(hostOf);
  /** Resolves once the engine has made `count` upstream calls: the limits on them are armed by then. */
  const untilCalled = (count = 1) => calls.until(() => fetch.calls.length >= count);
  return { engine, fetch, clock, timers, keyIds, hosts, untilCalled, restart };
}
