/**
 * @module Reads a provider's rate-limit headers into one RateLimitSnapshot. Header names and
 * units differ per provider family; the table in docs/providers.md lists them with sources.
 * Families: `openai`, `groq`, `cerebras`, `anthropic`, `openrouter`, `mistral`, `cohere`,
 * `gemini` (sends none) — anything else reads as an empty snapshot.
 */
import { parseCount, resetAfter, resetAtEpoch, resetAtTimestamp } from './parse-reset-value';
import {
  setWindowField,
  type RateLimitPeriod,
  type RateLimitQuantity,
  type RateLimitSnapshot,
} from './rate-limit-snapshot';

export const RATE_LIMIT_HEADER_FAMILIES = [
  'openai',
  'groq',
  'cerebras',
  'anthropic',
  'openrouter',
  'mistral',
  'cohere',
  'gemini',
  'none',
] as const;
export type RateLimitHeaderFamily = (typeof RATE_LIMIT_HEADER_FAMILIES)[number];

type HeaderParser = (headers: Headers, now: number) => RateLimitSnapshot;

const X_RATELIMIT = /^x-ratelimit-(limit|remaining|reset)-(requests|tokens)(?:-(minute|hour|day|month))?$/;
const FIELD_BY_WORD = { limit: 'limit', remaining: 'remaining', reset: 'resetAt' } as const;

/**
 * `x-ratelimit-{limit,remaining,reset}-{requests,tokens}[-{minute,hour,day,month}]`: resets are
 * durations. Without a period suffix the family decides the window: OpenAI counts both per
 * minute; Groq counts requests per day and tokens per minute.
 * @see https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers
 * @see https://console.groq.com/docs/rate-limits#handling-rate-limits
 * @see https://inference-docs.cerebras.ai/support/rate-limits
 */
function xRateLimitParser(unsuffixed: Record<'requests' | 'tokens', RateLimitPeriod>): HeaderParser {
  return (headers, now) => {
    const snapshot: RateLimitSnapshot = {};
    headers.forEach((value, name) => {
      const match = X_RATELIMIT.exec(name.toLowerCase());
      if (!match) return;
      const [, word, quantity, period] = match as unknown as [
        string,
        keyof typeof FIELD_BY_WORD,
        'requests' | 'tokens',
        RateLimitPeriod | undefined,
      ];
      const field = FIELD_BY_WORD[word];
      const parsed = field === 'resetAt' ? resetAfter(value, now) : parseCount(value);
      setWindowField(snapshot, quantity, period ?? unsuffixed[quantity], field, parsed);
    });
    return snapshot;
  };
}

const ANTHROPIC_QUANTITIES: Record<string, RateLimitQuantity> = {
  requests: 'requests',
  tokens: 'tokens',
  'input-tokens': 'inputTokens',
  'output-tokens': 'outputTokens',
};

/**
 * `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`,
 * per minute, resets as RFC 3339 timestamps.
 * @see https://docs.anthropic.com/en/api/rate-limits#response-headers
 */
const parseAnthropic: HeaderParser = (headers) => {
  const snapshot: RateLimitSnapshot = {};
  for (const [word, quantity] of Object.entries(ANTHROPIC_QUANTITIES)) {
    const prefix = `anthropic-ratelimit-${word}`;
    setWindowField(snapshot, quantity, 'minute', 'limit', parseCount(headers.get(`${prefix}-limit`)));
    setWindowField(snapshot, quantity, 'minute', 'remaining', parseCount(headers.get(`${prefix}-remaining`)));
    setWindowField(snapshot, quantity, 'minute', 'resetAt', resetAtTimestamp(headers.get(`${prefix}-reset`)));
  }
  return snapshot;
};

/** A reset further away than this is the daily free-model window, not the per-minute one. */
const OPENROUTER_MINUTE_HORIZON_MS = 2 * 60_000;

/**
 * `X-RateLimit-{Limit,Remaining,Reset}` (reset in epoch ms), sent inside a 429 body's
 * `error.metadata.headers` (see `headersFromErrorMetadata`). OpenRouter counts free-model
 * requests per minute and per day under the same names; the reset's distance tells which.
 * @see https://openrouter.ai/docs/api-reference/limits
 */
const parseOpenRouter: HeaderParser = (headers, now) => {
  const snapshot: RateLimitSnapshot = {};
  const resetAt = resetAtEpoch(headers.get('x-ratelimit-reset'));
  const period: RateLimitPeriod =
    resetAt !== undefined && resetAt - now > OPENROUTER_MINUTE_HORIZON_MS ? 'day' : 'minute';
  setWindowField(snapshot, 'requests', period, 'limit', parseCount(headers.get('x-ratelimit-limit')));
  setWindowField(snapshot, 'requests', period, 'remaining', parseCount(headers.get('x-ratelimit-remaining')));
  setWindowField(snapshot, 'requests', period, 'resetAt', resetAt);
  return snapshot;
};

/**
 * Observed, not documented: `ratelimitbysize-{limit,remaining,reset}` is the per-minute token
 * window (reset in seconds); `x-ratelimitbysize-{limit,remaining}-{minute,month}` add the
 * monthly token budget.
 */
const parseMistral: HeaderParser = (headers, now) => {
  const snapshot: RateLimitSnapshot = {};
  const count = (name: string) => parseCount(headers.get(name));
  setWindowField(
    snapshot,
    'tokens',
    'minute',
    'limit',
    count('x-ratelimitbysize-limit-minute') ?? count('ratelimitbysize-limit'),
  );
  setWindowField(
    snapshot,
    'tokens',
    'minute',
    'remaining',
    count('x-ratelimitbysize-remaining-minute') ?? count('ratelimitbysize-remaining'),
  );
  setWindowField(
    snapshot,
    'tokens',
    'minute',
    'resetAt',
    resetAfter(headers.get('ratelimitbysize-reset'), now),
  );
  setWindowField(snapshot, 'tokens', 'month', 'limit', count('x-ratelimitbysize-limit-month'));
  setWindowField(snapshot, 'tokens', 'month', 'remaining', count('x-ratelimitbysize-remaining-month'));
  return snapshot;
};

/**
 * Trial keys only: `x-trial-endpoint-call-{limit,remaining}` per minute (absent on a 429) and
 * `x-endpoint-monthly-call-limit`; there is no monthly "remaining", so usage counts it locally.
 * @see https://docs.cohere.com/docs/rate-limits
 */
const parseCohere: HeaderParser = (headers) => {
  const snapshot: RateLimitSnapshot = {};
  setWindowField(
    snapshot,
    'requests',
    'minute',
    'limit',
    parseCount(headers.get('x-trial-endpoint-call-limit')),
  );
  setWindowField(
    snapshot,
    'requests',
    'minute',
    'remaining',
    parseCount(headers.get('x-trial-endpoint-call-remaining')),
  );
  setWindowField(
    snapshot,
    'requests',
    'month',
    'limit',
    parseCount(headers.get('x-endpoint-monthly-call-limit')),
  );
  return snapshot;
};

const PARSERS: Record<RateLimitHeaderFamily, HeaderParser> = {
  openai: xRateLimitParser({ requests: 'minute', tokens: 'minute' }),
  groq: xRateLimitParser({ requests: 'day', tokens: 'minute' }),
  cerebras: xRateLimitParser({ requests: 'minute', tokens: 'minute' }),
  anthropic: parseAnthropic,
  openrouter: parseOpenRouter,
  mistral: parseMistral,
  cohere: parseCohere,
  // Gemini sends no rate-limit headers; its 429 body carries RetryInfo.retryDelay instead.
  gemini: () => ({}),
  none: () => ({}),
};

function isHeaderFamily(family: string): family is RateLimitHeaderFamily {
  return (RATE_LIMIT_HEADER_FAMILIES as readonly string[]).includes(family);
}

/**
 * Reads one answer's rate-limit headers into the normalized snapshot.
 * @param family how the provider writes them (a preset's `rateLimitHeaders`); unknown → `{}`
 * @param now the clock, to turn relative resets into epoch-ms instants
 * @example parseRateLimitHeaders('groq', response.headers, now()).requests?.day?.remaining
 */
export function parseRateLimitHeaders(family: string, headers: Headers, now: number): RateLimitSnapshot {
  return isHeaderFamily(family) ? PARSERS[family](headers, now) : {};
}
