import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstIssue, invalidRequestFrom, parseOrInvalidRequest } from './parse-or-invalid-request';

const limits = z.record(z.string(), z.object({ rpm: z.number().int().min(0) }));

describe('parseOrInvalidRequest', () => {
  it('returns the value as the schema reads it', () => {
    expect(parseOrInvalidRequest(z.string().trim(), '  groq ')).toBe('groq');
  });

  it('throws the 400 naming the first field that does not parse, below where the value sits', () => {
    expect(() =>
      parseOrInvalidRequest(limits, { groq: { rpm: -1 } }, { what: 'Invalid limits', param: 'limits' }),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        type: 'invalid_request_error',
        code: 'invalid_request',
        param: 'limits.groq.rpm',
        message: 'Invalid limits at limits.groq.rpm: Too small: expected number to be >=0',
      }),
    );
  });

  it('says only what zod says when nothing opens the message, and names no field for the whole value', () => {
    expect(() => parseOrInvalidRequest(z.string().min(8, 'Use at least 8 characters'), 'short')).toThrow(
      expect.objectContaining({ param: null, message: 'Use at least 8 characters' }),
    );
    expect(() =>
      parseOrInvalidRequest(z.string().min(8, 'Use at least 8 characters'), 'short', { param: 'passphrase' }),
    ).toThrow(expect.objectContaining({ param: 'passphrase', message: 'Use at least 8 characters' }));
  });

  it('appends the hint, so the caller learns the shape it should send', () => {
    expect(() =>
      parseOrInvalidRequest(
        z.strictObject({ cache: z.literal('default').optional() }),
        { cach: 1 },
        {
          what: 'Invalid FreeLLM option',
          param: 'freellm',
          hint: 'Use freellm: { cache?: ... }.',
        },
      ),
    ).toThrow(
      expect.objectContaining({
        param: 'freellm',
        message: 'Invalid FreeLLM option at freellm: Unrecognized key: "cach". Use freellm: { cache?: ... }.',
      }),
    );
  });
});

describe('invalidRequestFrom and firstIssue', () => {
  it('tell the first issue of an error already in hand, with its dotted path', () => {
    const parsed = limits.safeParse({ groq: { rpm: 'ten' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(firstIssue(parsed.error)).toEqual({
      message: 'Invalid input: expected number, received string',
      path: 'groq.rpm',
      values: { reason: 'invalid_type' },
    });
    expect(invalidRequestFrom(parsed.error, { what: 'Malformed message' }).toBody().error).toEqual({
      message: 'Malformed message at groq.rpm: Invalid input: expected number, received string',
      type: 'invalid_request_error',
      param: 'groq.rpm',
      code: 'invalid_request',
    });
  });
});
