import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorWithCode, invalidRequest, toFreeLLMError, type FreeLLMError } from './error';
import { ERROR_CODES, type ErrorCode } from './error-codes';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

const sources = ['shared', 'extension', 'web']
  .flatMap(sourceFiles)
  .filter((file) => !file.includes('node_modules') && !file.includes('__fixtures__'))
  .map((file) => ({ file: file.slice(root.length), text: readFileSync(file, 'utf8') }));

const matches = (pattern: RegExp) =>
  sources.flatMap(({ file, text }) =>
    [...text.matchAll(pattern)].map((match) => ({ file, code: match[1]! })),
  );

describe('the table of error codes', () => {
  it('is where every error FreeLLM makes comes from: no error is built by hand', () => {
    const byHand = sources.filter(
      ({ file, text }) => file !== join('shared', 'openai', 'error.ts') && text.includes('new FreeLLMError('),
    );
    expect(byHand.map(({ file }) => file)).toEqual([]);
  });

  it('holds every code the code compares errors with', () => {
    // A zod issue's code (`issue.code === 'unrecognized_keys'`) is zod's, not an error of ours.
    const zodIssueCodes = new Set([
      'invalid_type',
      'unrecognized_keys',
      'invalid_union',
      'invalid_value',
      'too_small',
      'too_big',
      'custom',
    ]);
    const compared = matches(/\.code [!=]== '(\w+)'/g).filter(({ code }) => !zodIssueCodes.has(code));
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.filter(({ code }) => !Object.hasOwn(ERROR_CODES, code))).toEqual([]);
  });

  it('holds no code that nothing answers with', () => {
    const code = sources.filter(({ file }) => !file.endsWith('.d.ts'));
    const used = new Set(code.flatMap(({ text }) => [...text.matchAll(/'(\w+)'/g)].map((match) => match[1])));
    expect(Object.keys(ERROR_CODES).filter((code) => !used.has(code))).toEqual([]);
  });

  it('gives the statuses and types the page API has always documented', () => {
    const documented: Record<string, [number, string]> = {
      invalid_request: [400, 'invalid_request_error'],
      provider_has_no_key: [400, 'invalid_request_error'],
      provider_key_disabled: [400, 'invalid_request_error'],
      origin_not_allowed: [403, 'permission_error'],
      frame_not_allowed: [403, 'permission_error'],
      origin_revoked: [403, 'permission_error'],
      unknown_url: [404, 'invalid_request_error'],
      vault_locked: [423, 'vault_locked'],
      origin_rate_limited: [429, 'rate_limit_error'],
      all_providers_rate_limited: [429, 'rate_limit_error'],
      provider_cooling_down: [429, 'rate_limit_error'],
      upstream_stream_broken: [502, 'server_error'],
      stream_stalled: [504, 'server_error'],
      network_unreachable: [503, 'server_error'],
      upstream_timeout: [504, 'server_error'],
    };
    const tabled = Object.fromEntries(
      Object.keys(documented).map((code) => {
        const entry = ERROR_CODES[code as ErrorCode];
        return [code, [entry.status, entry.type]];
      }),
    );
    expect(tabled).toEqual(documented);
  });

  it.each(Object.keys(ERROR_CODES) as ErrorCode[])(
    '%s: the error a caller gets carries its entry’s status, type and routing kind',
    (code) => {
      const entry: { status: number; type: string; kind?: string } = ERROR_CODES[code];
      const error = errorWithCode(code, 'What happened.', { param: 'field', retryAfterMs: 5 });
      expect(error).toMatchObject({ status: entry.status, kind: entry.kind, retryAfterMs: 5 });
      expect(error.toBody()).toEqual({
        error: { message: 'What happened.', type: entry.type, code, param: 'field' },
      });
    },
  );

  it('is what the shorthands and the catch-all answer with', () => {
    const codes = (error: FreeLLMError) => [error.status, error.type, error.code];
    expect(codes(invalidRequest('bad', 'model'))).toEqual([400, 'invalid_request_error', 'invalid_request']);
    expect(codes(toFreeLLMError(new Error('boom')))).toEqual([500, 'internal_error', 'internal_error']);
    expect(codes(toFreeLLMError(new DOMException('stop', 'AbortError')))).toEqual([
      499,
      'request_aborted',
      'aborted',
    ]);
  });
});
