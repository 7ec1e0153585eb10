/**
 * @module In-process mock providers for the routing benchmark: one fake `fetch` that answers per
 * host, enforcing each provider's free-tier limits on the simulated clock exactly as a strict
 * provider would (a sliding minute, a UTC day) and answering 429 with Retry-After past them.
 */
import type { FetchLike } from '../shared/providers/types';

export interface MockProvider {
  name: string;
  rpm: number;
  rpd?: number;
}

/** The seed free-tier figures the issue names (about 148 RPM together). */
export const SEED_PROVIDERS: readonly MockProvider[] = [
  { name: 'openai', rpm: 3 },
  { name: 'anthropic', rpm: 5 },
  { name: 'gemini', rpm: 60 },
  { name: 'cohere', rpm: 10, rpd: 100 },
  { name: 'groq', rpm: 30 },
  { name: 'together', rpm: 10 },
  { name: 'fireworks', rpm: 20 },
  { name: 'deepinfra', rpm: 10 },
];

export const mockBaseURL = (provider: MockProvider) => `https://${provider.name}.mock.invalid/v1`;

const DAY_MS = 86_400_000;

export interface MockCounters {
  served: number;
  refused: number;
}

export function createMockUpstreams(
  providers: readonly MockProvider[],
  now: () => number,
): { fetch: FetchLike; counters: MockCounters } {
  const counters: MockCounters = { served: 0, refused: 0 };
  const state = new Map(
    providers.map((provider) => [
      `${provider.name}.mock.invalid`,
      { provider, minute: [] as number[], day: 0, dayStart: 0 },
    ]),
  );
  const fetch: FetchLike = async (input) => {
    const entry = state.get(new URL(input).host);
    if (!entry) return new Response('unknown host', { status: 404 });
    const at = now();
    while (entry.minute.length > 0 && (entry.minute[0] ?? 0) <= at - 60_000) entry.minute.shift();
    const dayStart = Math.floor(at / DAY_MS) * DAY_MS;
    if (dayStart !== entry.dayStart) Object.assign(entry, { dayStart, day: 0 });
    const { rpm, rpd } = entry.provider;
    if (entry.minute.length >= rpm || (rpd !== undefined && entry.day >= rpd)) {
      counters.refused += 1;
      const daily = rpd !== undefined && entry.day >= rpd;
      const retryAt = daily ? dayStart + DAY_MS : (entry.minute[0] ?? at) + 60_000;
      const message = daily
        ? 'You have reached the requests per day limit'
        : 'Rate limit reached for requests per minute';
      return Response.json(
        { error: { message, type: 'requests', code: 'rate_limit_exceeded' } },
        { status: 429, headers: { 'retry-after': String(Math.ceil((retryAt - at) / 1000)) } },
      );
    }
    entry.minute.push(at);
    entry.day += 1;
    counters.served += 1;
    return Response.json({
      id: 'chatcmpl-bench',
      object: 'chat.completion',
      created: Math.floor(at / 1000),
      model: entry.provider.name,
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 1, total_tokens: 13 },
    });
  };
  return { fetch, counters };
}

/** What the pool can serve in `minutes`: per provider, its minute rate or its daily cap. */
export function poolCapacity(providers: readonly MockProvider[], minutes: number): number {
  return providers.reduce(
    (sum, provider) => sum + Math.min(provider.rpm * minutes, provider.rpd ?? Infinity),
    0,
  );
}
