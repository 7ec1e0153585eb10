import { describe, expect, it } from 'vitest';
import { readFixtures } from '../../testing/read-fixtures';
import { classifyCohereError } from './classify-cohere-error';

const { fixture } = readFixtures(import.meta.url);

const cases = [
  { file: 'invalid-key.error.json', status: 401, headers: {}, kind: 'auth' },
  {
    file: 'rate-limit.error.json',
    status: 429,
    headers: { 'retry-after': '20' },
    kind: 'rate_limit',
    retryAfterMs: 20_000,
  },
  {
    file: 'monthly-limit.error.json',
    status: 429,
    headers: {},
    kind: 'quota_exhausted',
    type: 'rate_limit_error',
  },
  { file: 'payment-required.error.json', status: 402, headers: {}, kind: 'credits_exhausted' },
  { file: 'context-length.error.json', status: 400, headers: {}, kind: 'context_length' },
  { file: 'bad-request.error.json', status: 400, headers: {}, kind: 'request' },
  { file: 'bad-request.error.json', status: 422, headers: {}, kind: 'request' },
  { file: 'not-found.error.json', status: 404, headers: {}, kind: 'not_found' },
  { file: 'overloaded.error.json', status: 503, headers: {}, kind: 'overloaded' },
  { file: 'internal.error.json', status: 500, headers: {}, kind: 'server' },
  { file: 'bad-gateway.error.html', status: 502, headers: {}, kind: 'server' },
] as const;

describe('classifyCohereError', () => {
  it.each(cases)('$file with HTTP $status is $kind', ({ file, status, headers, ...expected }) => {
    const error = classifyCohereError({
      status,
      headers: new Headers(headers),
      bodyText: fixture(file),
      providerId: 'cohere',
      providerName: 'Cohere',
      now: 0,
    });
    expect(error).toMatchObject({ status, provider: 'cohere', ...expected });
    expect(error.message).toMatch(/^Cohere answered HTTP \d+: /);
  });

  it('says so when the body is empty or an HTML page', () => {
    expect(
      classifyCohereError({
        status: 500,
        headers: new Headers(),
        bodyText: '',
        providerId: 'cohere',
        providerName: 'Cohere',
        now: 0,
      }).message,
    ).toContain('empty body');
    expect(
      classifyCohereError({
        status: 502,
        headers: new Headers(),
        bodyText: fixture('bad-gateway.error.html'),
        providerId: 'cohere',
        providerName: 'Cohere',
        now: 0,
      }).message,
    ).toContain('HTML page');
  });
});
