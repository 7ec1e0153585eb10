import { describe, expect, it } from 'vitest';
import { readFixtures } from '../../testing/read-fixtures';
import { classifyGeminiError } from './classify-gemini-error';

const { fixture } = readFixtures(import.meta.url);
const classify = (status: number, bodyText: string, headers: Record<string, string> = {}) =>
  classifyGeminiError({
    status,
    headers: new Headers(headers),
    bodyText,
    providerId: 'gemini',
    providerName: 'Google Gemini',
    now: 0,
  });

const cases = [
  {
    file: 'rate-limit.error.json',
    status: 429,
    kind: 'rate_limit',
    retryAfterMs: 4350,
    code: 'RESOURCE_EXHAUSTED',
  },
  { file: 'daily-quota.error.json', status: 429, kind: 'quota_exhausted', retryAfterMs: 37_000 },
  { file: 'bare-exhausted.error.json', status: 429, kind: 'rate_limit' },
  { file: 'service-disabled.error.json', status: 403, kind: 'forbidden', code: 'SERVICE_DISABLED' },
  { file: 'location.error.json', status: 400, kind: 'forbidden', type: 'permission_error' },
  { file: 'context-length.error.json', status: 400, kind: 'context_length' },
  { file: 'bad-request.error.json', status: 400, kind: 'request', type: 'invalid_request_error' },
  { file: 'not-found.error.json', status: 404, kind: 'not_found' },
  { file: 'overloaded.error.json', status: 503, kind: 'overloaded' },
  { file: 'internal.error.json', status: 500, kind: 'server' },
  { file: 'stream-error.error.json', status: 503, kind: 'overloaded' },
  { file: 'bad-gateway.error.html', status: 502, kind: 'server' },
] as const;

describe('classifyGeminiError', () => {
  it.each(cases)('$file with HTTP $status is $kind', ({ file, status, ...expected }) => {
    const error = classify(status, fixture(file));
    expect(error).toMatchObject({ status, provider: 'gemini', ...expected });
    expect(error.message).toMatch(/^Google Gemini answered HTTP \d+: /);
  });

  it("reads a refused key, invalid (400) or leaked (403), as auth: a 401 for callers, Google's reason kept", () => {
    expect(classify(400, fixture('invalid-key.error.json'))).toMatchObject({
      status: 401,
      kind: 'auth',
      code: 'API_KEY_INVALID',
      type: 'authentication_error',
    });
    expect(classify(403, fixture('leaked-key.error.json'))).toMatchObject({ status: 401, kind: 'auth' });
  });

  it('tells the user to enable the API when the project has it switched off', () => {
    expect(classify(403, fixture('service-disabled.error.json')).message).toContain(
      'enable the Generative Language API',
    );
  });

  it('treats a retryDelay of hours as a spent daily quota', () => {
    const body = JSON.stringify({
      error: {
        code: 429,
        message: 'quota',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7200s' }],
      },
    });
    expect(classify(429, body)).toMatchObject({ kind: 'quota_exhausted', retryAfterMs: 7_200_000 });
  });

  it('falls back to Retry-After and the status for empty and HTML bodies', () => {
    expect(classify(429, '', { 'retry-after': '3' })).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: 3000,
    });
    expect(classify(503, '')).toMatchObject({ kind: 'overloaded' });
    expect(classify(502, fixture('bad-gateway.error.html')).message).toContain('HTML page');
  });
});
