import { describe, expect, it } from 'vitest';
import { readFixtures } from '../../testing/read-fixtures';
import { classifyOpenAICompatibleError } from './classify-openai-compatible-error';

const { fixture } = readFixtures(import.meta.url);

const cases = [
  { file: 'invalid-key.error.json', status: 401, headers: {}, kind: 'auth', code: 'invalid_api_key' },
  { file: 'mistral-unauthorized.error.json', status: 401, headers: {}, kind: 'auth', code: 'auth' },
  {
    file: 'rate-limit.error.json',
    status: 429,
    headers: { 'retry-after': '2' },
    kind: 'rate_limit',
    retryAfterMs: 2000,
  },
  {
    file: 'daily-quota.error.json',
    status: 429,
    headers: { 'retry-after': '86' },
    kind: 'quota_exhausted',
    retryAfterMs: 86_000,
  },
  { file: 'insufficient-quota.error.json', status: 429, headers: {}, kind: 'credits_exhausted' },
  { file: 'context-length.error.json', status: 400, headers: {}, kind: 'context_length' },
  { file: 'bad-gateway.error.html', status: 502, headers: {}, kind: 'server' },
  {
    file: 'openrouter-free-daily.error.json',
    status: 429,
    headers: {},
    kind: 'quota_exhausted',
    code: '429',
  },
] as const;

describe('classifyOpenAICompatibleError', () => {
  it.each(cases)('$file with HTTP $status is $kind', ({ file, status, headers, ...expected }) => {
    const error = classifyOpenAICompatibleError({
      status,
      headers: new Headers(headers),
      bodyText: fixture(file),
      providerId: 'groq',
      providerName: 'Groq',
      now: 0,
    });
    expect(error).toMatchObject({ status, provider: 'groq', ...expected });
    expect(error.toBody().error.message).toMatch(/^Groq answered HTTP \d+: /);
  });

  it('names a user’s endpoint as they typed its name; its id is kept only for routing', () => {
    const error = classifyOpenAICompatibleError({
      status: 401,
      headers: new Headers(),
      bodyText: fixture('invalid-key.error.json'),
      providerId: 'custom-my-laptop-3f2a9c',
      providerName: 'My laptop',
      now: 0,
    });
    expect(error.message).toMatch(/^My laptop answered HTTP 401: /);
    expect(error.message).not.toContain('custom-my-laptop');
    expect(error.provider).toBe('custom-my-laptop-3f2a9c');
  });

  it('says so when a proxy answered with an HTML page', () => {
    const error = classifyOpenAICompatibleError({
      status: 502,
      headers: new Headers(),
      bodyText: fixture('bad-gateway.error.html'),
      providerId: 'groq',
      providerName: 'Groq',
      now: 0,
    });
    expect(error.message).toContain('HTML page');
  });

  it.each([
    [503, 'overloaded'],
    [529, 'overloaded'],
    [500, 'server'],
    [402, 'credits_exhausted'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'request'],
  ] as const)('a bare HTTP %i is %s', (status, kind) => {
    expect(
      classifyOpenAICompatibleError({
        status,
        headers: new Headers(),
        bodyText: '',
        providerId: 'x',
        providerName: 'X',
        now: 0,
      }).kind,
    ).toBe(kind);
  });

  it('waits for the reset OpenRouter names inside the body when there is no Retry-After', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    const error = classifyOpenAICompatibleError({
      status: 429,
      headers: new Headers(),
      bodyText: fixture('openrouter-free-daily.error.json'),
      providerId: 'openrouter',
      providerName: 'OpenRouter',
      now,
    });
    expect(error.retryAfterMs).toBe(Date.parse('2026-11-26T00:00:00Z') - now);
  });

  it('reads Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    const error = classifyOpenAICompatibleError({
      status: 429,
      headers: new Headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' }),
      bodyText: '',
      providerId: 'x',
      providerName: 'X',
      now,
    });
    expect(error.retryAfterMs).toBe(30_000);
  });
});
