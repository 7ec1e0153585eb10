import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from '../openai/chat';
import { FreeLLMError } from '../openai/error';
import { cachePolicyFor, withoutCacheOptions } from './cache-policy';

const request = (extra: Record<string, unknown> = {}) =>
  chatCompletionRequestSchema.parse({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], ...extra });

describe('cachePolicyFor', () => {
  it('reads and keeps an ordinary request', () => {
    expect(cachePolicyFor(request(), undefined)).toEqual({ read: true, write: true, reason: 'default' });
    expect(cachePolicyFor(request({ temperature: 1 }), {})).toMatchObject({ read: true, write: true });
  });

  it('neither reads nor keeps a sampled request: temperature above the threshold, or n > 1', () => {
    expect(cachePolicyFor(request({ temperature: 1.5 }), undefined)).toEqual({
      read: false,
      write: false,
      reason: 'sampled',
    });
    expect(cachePolicyFor(request({ n: 2 }), undefined)).toMatchObject({
      read: false,
      write: false,
      reason: 'sampled',
    });
    expect(cachePolicyFor(request({ temperature: 0.5 }), undefined, { maxTemperature: 0.3 })).toMatchObject({
      reason: 'sampled',
    });
  });

  it('caches sampled requests when the user or the request opts in', () => {
    expect(cachePolicyFor(request({ temperature: 1.5 }), undefined, { cacheSampled: true })).toMatchObject({
      read: true,
      write: true,
    });
    expect(cachePolicyFor(request({ n: 3, freellm: { cache: 'always' } }), undefined)).toEqual({
      read: true,
      write: true,
      reason: 'always',
    });
  });

  it('opts out with Cache-Control: no-store (any case, any header form) or freellm.cache', () => {
    const noStore = { read: false, write: false, reason: 'no-store' };
    expect(cachePolicyFor(request(), { 'Cache-Control': 'private, no-store' })).toEqual(noStore);
    expect(cachePolicyFor(request(), new Headers({ 'cache-control': 'NO-STORE' }))).toEqual(noStore);
    expect(cachePolicyFor(request({ freellm: { cache: 'no-store' } }), undefined)).toEqual(noStore);
    expect(
      cachePolicyFor(request({ freellm: { cache: 'always' } }), { 'cache-control': 'no-store' }),
    ).toEqual(noStore);
  });

  it('asks for a fresh answer, still kept, with Cache-Control: no-cache or freellm.cache refresh', () => {
    const refresh = { read: false, write: true, reason: 'refresh' };
    expect(cachePolicyFor(request(), { 'cache-control': 'no-cache' })).toEqual(refresh);
    expect(cachePolicyFor(request({ freellm: { cache: 'refresh' } }), undefined)).toEqual(refresh);
  });

  it('rejects a malformed freellm option with a 400 naming the field', () => {
    const attempt = () => cachePolicyFor(request({ freellm: { cache: 'sometimes' } }), undefined);
    expect(attempt).toThrow(FreeLLMError);
    expect(attempt).toThrow(expect.objectContaining({ status: 400, param: 'freellm.cache' }));
    expect(() => cachePolicyFor(request({ freellm: { cahce: 'refresh' } }), undefined)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('strips the freellm field before a request goes to a provider', () => {
    const stripped = withoutCacheOptions(request({ freellm: { cache: 'refresh' }, temperature: 0 }));
    expect(stripped).not.toHaveProperty('freellm');
    expect(stripped.temperature).toBe(0);
  });
});
