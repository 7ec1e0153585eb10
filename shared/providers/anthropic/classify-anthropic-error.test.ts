import { describe, expect, it } from 'vitest';
import { readFixtures } from '../../testing/read-fixtures';
import { classifyAnthropicError, classifyAnthropicStreamError } from './classify-anthropic-error';

const { fixture } = readFixtures(import.meta.url);
const NOW = Date.parse('2026-11-25T10:00:00Z');

const cases = [
  {
    file: 'rate-limit.error.json',
    status: 429,
    headers: { 'retry-after': '12' },
    kind: 'rate_limit',
    type: 'rate_limit_error',
    retryAfterMs: 12_000,
  },
  {
    file: 'overloaded.error.json',
    status: 529,
    headers: {},
    kind: 'overloaded',
    type: 'server_error',
    code: 'overloaded_error',
  },
  {
    file: 'invalid-key.error.json',
    status: 401,
    headers: {},
    kind: 'auth',
    type: 'authentication_error',
    code: 'authentication_error',
  },
  { file: 'permission.error.json', status: 403, headers: {}, kind: 'forbidden', type: 'permission_error' },
  {
    file: 'prompt-too-long.error.json',
    status: 400,
    headers: {},
    kind: 'context_length',
    type: 'invalid_request_error',
  },
  {
    file: 'request-too-large.error.json',
    status: 413,
    headers: {},
    kind: 'context_length',
    code: 'context_length_exceeded',
  },
  {
    file: 'credit-balance.error.json',
    status: 400,
    headers: {},
    kind: 'credits_exhausted',
    type: 'insufficient_quota',
  },
  {
    file: 'spend-limit.error.json',
    status: 400,
    headers: {},
    kind: 'credits_exhausted',
    retryAfterMs: Date.parse('2026-12-01T00:00:00Z') - NOW,
  },
  { file: 'not-found.error.json', status: 404, headers: {}, kind: 'not_found', type: 'not_found_error' },
  { file: 'api-error.error.json', status: 500, headers: {}, kind: 'server', type: 'server_error' },
  { file: 'bad-gateway.error.html', status: 502, headers: {}, kind: 'server', code: 'server' },
] as const;

describe('classifyAnthropicError', () => {
  it.each(cases)('$file with HTTP $status is $kind', ({ file, status, headers, ...expected }) => {
    const error = classifyAnthropicError({
      status,
      headers: new Headers(headers),
      bodyText: fixture(file),
      providerId: 'anthropic',
      providerName: 'Anthropic',
      now: NOW,
    });
    expect(error).toMatchObject({ status, provider: 'anthropic', ...expected });
    expect(error.message).toMatch(/^Anthropic answered HTTP \d+: /);
  });

  it('keeps Anthropic’s own message, so the user learns why', () => {
    const error = classifyAnthropicError({
      status: 400,
      headers: new Headers(),
      bodyText: fixture('credit-balance.error.json'),
      providerId: 'anthropic',
      providerName: 'Anthropic',
      now: NOW,
    });
    expect(error.message).toBe(
      'Anthropic answered HTTP 400: invalid_request_error: Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
    );
  });

  it('says so when a proxy answered with an HTML page', () => {
    const error = classifyAnthropicError({
      status: 502,
      headers: new Headers(),
      bodyText: fixture('bad-gateway.error.html'),
      providerId: 'anthropic',
      providerName: 'Anthropic',
      now: NOW,
    });
    expect(error.message).toContain('HTML page');
  });

  it('treats a spend-limit 429 as credits, not a per-minute limit', () => {
    const body = JSON.stringify({
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message: 'Spend limit reached.',
        details: { error_code: 'enforced_spend_limit_reached' },
      },
    });
    const error = classifyAnthropicError({
      status: 429,
      headers: new Headers(),
      bodyText: body,
      providerId: 'anthropic',
      providerName: 'Anthropic',
      now: NOW,
    });
    expect(error).toMatchObject({ kind: 'credits_exhausted', code: 'enforced_spend_limit_reached' });
  });

  it.each([
    [402, 'credits_exhausted'],
    [429, 'rate_limit'],
    [503, 'overloaded'],
    [529, 'overloaded'],
    [500, 'server'],
    [422, 'request'],
  ] as const)('a bare HTTP %i is %s', (status, kind) => {
    expect(
      classifyAnthropicError({
        status,
        headers: new Headers(),
        bodyText: '',
        providerId: 'x',
        providerName: 'X',
        now: NOW,
      }).kind,
    ).toBe(kind);
  });

  it('reads retry-after-ms before Retry-After', () => {
    const headers = new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' });
    expect(
      classifyAnthropicError({
        status: 429,
        headers,
        bodyText: fixture('rate-limit.error.json'),
        providerId: 'x',
        providerName: 'X',
        now: NOW,
      }).retryAfterMs,
    ).toBe(1500);
  });
});

const ANTHROPIC = { providerId: 'anthropic', providerName: 'Anthropic' };

describe('classifyAnthropicStreamError', () => {
  it.each([
    ['overloaded.error.json', 529, 'overloaded'],
    ['rate-limit.error.json', 429, 'rate_limit'],
    ['api-error.error.json', 500, 'server'],
  ] as const)('an error event like %s gets status %i and kind %s', (file, status, kind) => {
    const error = classifyAnthropicStreamError(fixture(file).trim(), ANTHROPIC, NOW);
    expect(error).toMatchObject({ status, kind, provider: 'anthropic' });
    expect(error.message).toMatch(/^Anthropic failed mid-stream: /);
  });

  it('treats an error event it cannot read as a server error', () => {
    expect(classifyAnthropicStreamError('{"type":"error"}', ANTHROPIC, NOW)).toMatchObject({
      status: 502,
      kind: 'server',
    });
  });
});
