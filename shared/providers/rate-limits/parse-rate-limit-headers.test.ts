import { describe, expect, it } from 'vitest';
import { headersFromErrorMetadata } from './headers-from-error-metadata';
import { parseRateLimitHeaders } from './parse-rate-limit-headers';
import type { RateLimitSnapshot } from './rate-limit-snapshot';

const now = Date.parse('2026-11-25T12:00:00Z');
const at = (ms: number) => now + ms;

// Header names and formats from each provider's docs; values from their examples where they give
// one (OpenAI, Groq, Cerebras), else from published captures (marked) or made up to fit the format.
const cases: {
  name: string;
  family: string;
  headers: Record<string, string>;
  expected: RateLimitSnapshot;
}[] = [
  {
    name: 'OpenAI: both windows per minute, Go durations',
    family: 'openai',
    headers: {
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-limit-tokens': '150000',
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-remaining-tokens': '149984',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-reset-tokens': '6m0s',
    },
    expected: {
      requests: { minute: { limit: 60, remaining: 59, resetAt: at(1_000) } },
      tokens: { minute: { limit: 150_000, remaining: 149_984, resetAt: at(360_000) } },
    },
  },
  {
    name: 'OpenAI: millisecond resets, extra usage-based headers ignored',
    family: 'openai',
    headers: {
      'x-ratelimit-limit-requests': '5000',
      'x-ratelimit-remaining-requests': '4999',
      'x-ratelimit-reset-requests': '12ms',
      'x-ratelimit-limit-tokens_usage_based': '160000',
    },
    expected: { requests: { minute: { limit: 5_000, remaining: 4_999, resetAt: at(12) } } },
  },
  {
    name: 'Groq: *-requests is per day, *-tokens per minute',
    family: 'groq',
    headers: {
      'retry-after': '2',
      'x-ratelimit-limit-requests': '14400',
      'x-ratelimit-limit-tokens': '18000',
      'x-ratelimit-remaining-requests': '14370',
      'x-ratelimit-remaining-tokens': '17997',
      'x-ratelimit-reset-requests': '2m59.56s',
      'x-ratelimit-reset-tokens': '7.66s',
    },
    expected: {
      requests: { day: { limit: 14_400, remaining: 14_370, resetAt: at(179_560) } },
      tokens: { minute: { limit: 18_000, remaining: 17_997, resetAt: at(7_660) } },
    },
  },
  {
    name: 'Cerebras: periods in the names, resets in float seconds',
    family: 'cerebras',
    headers: {
      'x-ratelimit-limit-requests-day': '14400',
      'x-ratelimit-limit-tokens-minute': '60000',
      'x-ratelimit-remaining-requests-day': '14399',
      'x-ratelimit-remaining-tokens-minute': '59832',
      'x-ratelimit-reset-requests-day': '33011.38',
      'x-ratelimit-reset-tokens-minute': '11.38',
    },
    expected: {
      requests: { day: { limit: 14_400, remaining: 14_399, resetAt: at(33_011_380) } },
      tokens: { minute: { limit: 60_000, remaining: 59_832, resetAt: at(11_380) } },
    },
  },
  {
    name: 'Anthropic: RFC 3339 resets, input and output tokens apart',
    family: 'anthropic',
    headers: {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '49',
      'anthropic-ratelimit-requests-reset': '2026-11-25T12:00:01Z',
      'anthropic-ratelimit-input-tokens-limit': '30000',
      'anthropic-ratelimit-input-tokens-remaining': '29000',
      'anthropic-ratelimit-input-tokens-reset': '2026-11-25T12:00:02Z',
      'anthropic-ratelimit-output-tokens-limit': '8000',
      'anthropic-ratelimit-output-tokens-remaining': '7900',
      'anthropic-ratelimit-output-tokens-reset': '2026-11-25T12:00:03Z',
      'retry-after': '1',
    },
    expected: {
      requests: { minute: { limit: 50, remaining: 49, resetAt: at(1_000) } },
      inputTokens: { minute: { limit: 30_000, remaining: 29_000, resetAt: at(2_000) } },
      outputTokens: { minute: { limit: 8_000, remaining: 7_900, resetAt: at(3_000) } },
    },
  },
  {
    name: 'Mistral (captured): per-minute token window with the reset in seconds, and the month',
    family: 'mistral',
    headers: {
      'x-ratelimitbysize-remaining-minute': '467993',
      'ratelimitbysize-query-cost': '32007',
      'ratelimitbysize-limit': '500000',
      'ratelimitbysize-reset': '40',
      'x-ratelimitbysize-limit-month': '1000000000',
      'x-ratelimitbysize-remaining-month': '999500000',
    },
    expected: {
      tokens: {
        minute: { limit: 500_000, remaining: 467_993, resetAt: at(40_000) },
        month: { limit: 1_000_000_000, remaining: 999_500_000 },
      },
    },
  },
  {
    name: 'Cohere (captured): trial calls per minute and the monthly cap',
    family: 'cohere',
    headers: {
      'x-endpoint-monthly-call-limit': '1000',
      'x-trial-endpoint-call-limit': '20',
      'x-trial-endpoint-call-remaining': '19',
    },
    expected: { requests: { minute: { limit: 20, remaining: 19 }, month: { limit: 1_000 } } },
  },
  {
    name: 'Gemini sends none',
    family: 'gemini',
    headers: { 'x-ratelimit-limit-requests': '10' },
    expected: {},
  },
  {
    name: 'an unknown family reads nothing',
    family: 'acme',
    headers: { 'x-ratelimit-limit-requests': '10' },
    expected: {},
  },
  {
    name: 'unreadable values are left out, not zero',
    family: 'openai',
    headers: {
      'x-ratelimit-limit-requests': 'lots',
      'x-ratelimit-remaining-requests': '3',
      'x-ratelimit-reset-requests': 'soon',
    },
    expected: { requests: { minute: { remaining: 3 } } },
  },
];

describe('parseRateLimitHeaders', () => {
  it.each(cases)('$name', ({ family, headers, expected }) => {
    expect(parseRateLimitHeaders(family, new Headers(headers), now)).toEqual(expected);
  });
});

describe('OpenRouter limits inside a 429 body', () => {
  const body = (reset: number, limit = '50') =>
    JSON.stringify({
      error: {
        code: 429,
        message:
          'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day',
        metadata: {
          headers: {
            'X-RateLimit-Limit': limit,
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(reset),
          },
        },
      },
    });

  it('reads the daily free-model window when the reset is hours away', () => {
    const midnight = Date.parse('2026-11-26T00:00:00Z');
    expect(parseRateLimitHeaders('openrouter', headersFromErrorMetadata(body(midnight)), now)).toEqual({
      requests: { day: { limit: 50, remaining: 0, resetAt: midnight } },
    });
  });

  it('reads the per-minute window when the reset is seconds away', () => {
    expect(
      parseRateLimitHeaders('openrouter', headersFromErrorMetadata(body(now + 20_000, '20')), now),
    ).toEqual({
      requests: { minute: { limit: 20, remaining: 0, resetAt: now + 20_000 } },
    });
  });

  it('finds no headers in a body without metadata, or that is not JSON', () => {
    expect([...headersFromErrorMetadata('{"error":{"code":429,"message":"slow down"}}').keys()]).toEqual([]);
    expect([...headersFromErrorMetadata('<html>Bad gateway</html>').keys()]).toEqual([]);
  });
});
