/**
 * Test support for the router: a test engine with keys and settings, hand-driven timers,
 * optional limits and models, and a fake fetch answering per host.
 */
import type { EngineHost } from '../engine/create-engine';
import { createFakeFetch, type RecordedCall } from './fake-fetch';
import { createTestEngine } from './test-engine';
import type { Timers } from '../router/run-attempts';
import type { RoutingSettingsInput } from '../router/routing-settings';

/** Timers that fire only when the test advances them. */
export function manualTimers(): Timers & { advance(ms: number): void } {
  let elapsed = 0;
  let nextId = 0;
  const pending = new Map<number, { due: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      pending.set(++nextId, { due: elapsed + ms, callback });
      return nextId;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    advance(ms) {
      elapsed += ms;
      for (const [id, timer] of [...pending]) {
        if (timer.due > elapsed) continue;
        pending.delete(id);
        timer.callback();
      }
    },
  };
}

export type HostHandler = (call: RecordedCall, index: number) => Response | Promise<Response>;

export const hostOf = (call: RecordedCall) => new URL(call.url).host;

export interface KitOptions extends Pick<EngineHost, 'limits' | 'models'> {
  keys: { providerId: string; secret: string }[];
  settings?: RoutingSettingsInput;
}

export async function routingKit(handler: HostHandler, options: KitOptions) {
  const fetch = createFakeFetch(handler);
  const timers = manualTimers();
  const { engine, clock, restart } = createTestEngine(fetch, {
    limits: options.limits,
    models: options.models,
    timers,
  });
  const keyIds: string[] = [];
  for (const key of options.keys) keyIds.push((await engine.keys.add(key)).id);
  if (options.settings) await engine.routing.saveSettings(options.settings);
  const hosts = () => fetch.calls.map(hostOf);
  return { engine, fetch, clock, timers, keyIds, hosts, restart };
}
