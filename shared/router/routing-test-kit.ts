/**
 * Test support for the router: an engine on a fresh fake-IndexedDB database with a settable
 * clock, hand-driven timers, optional limits and models, and a fake fetch answering per host.
 */
import { createEngine, type Engine, type EngineHost } from '../engine/create-engine';
import { openDatabase } from '../store/database';
import { createFakeFetch, jsonResponse, type RecordedCall } from '../testing/fake-fetch';
import type { Timers } from './run-attempts';
import type { RoutingSettingsInput } from './routing-settings';

export const completion = (
  content: string,
  usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage,
});

export const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  JSON.stringify({
    id: 'c',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

export const errorResponse = (
  status: number,
  message: string,
  code: string | null = null,
  headers: Record<string, string> = {},
) => jsonResponse({ error: { message, type: 'error', code } }, status, headers);

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

export interface KitOptions extends Pick<EngineHost, 'limits' | 'models' | 'backgroundReads'> {
  keys: { providerId: string; secret: string }[];
  settings?: RoutingSettingsInput;
}

export async function routingKit(handler: HostHandler, options: KitOptions) {
  const fetch = createFakeFetch(handler);
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const db = openDatabase(`routing-test-${crypto.randomUUID()}`);
  const timers = manualTimers();
  const start = (): Engine =>
    createEngine({
      fetch,
      now: () => clock.now,
      db,
      crypto,
      limits: options.limits,
      models: options.models,
      timers,
      // Most tests count every upstream call: background reads happen only where a test asks.
      backgroundReads: options.backgroundReads ?? false,
    });
  const engine = start();
  const keyIds: string[] = [];
  for (const key of options.keys) keyIds.push((await engine.keys.add(key)).id);
  if (options.settings) await engine.routing.saveSettings(options.settings);
  const hosts = () => fetch.calls.map(hostOf);
  return { engine, fetch, clock, timers, keyIds, hosts, restart: start };
}

export const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'auto',
  messages: [{ role: 'user', content }],
  ...extra,
});
export const extension = { kind: 'extension' } as const;
