import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { classifyOpenAICompatibleError } from './openai-compatible/classify-openai-compatible-error';
import { fetchUpstream, readJsonBody } from './upstream-fetch';

function call(fetch: ReturnType<typeof createFakeFetch>, seen: Headers[]) {
  return {
    fetch,
    baseURL: 'https://x',
    model: 'm',
    providerId: 'openrouter',
    providerName: 'OpenRouter',
    now: () => 0,
    onRateLimitHeaders: (headers: Headers) => seen.push(headers),
  };
}

describe('fetchUpstream', () => {
  it('hands every answer’s headers to the rate-limit hook', async () => {
    const seen: Headers[] = [];
    const fetch = createFakeFetch(() => jsonResponse({}, 200, { 'x-ratelimit-remaining-requests': '7' }));
    await fetchUpstream(call(fetch, seen), 'https://x/chat', {}, classifyOpenAICompatibleError);
    expect(seen[0]?.get('x-ratelimit-remaining-requests')).toBe('7');
  });

  it('also hands over the limits an OpenRouter 429 states in its body', async () => {
    const seen: Headers[] = [];
    const body = {
      error: {
        code: 429,
        message: 'Rate limit exceeded: free-models-per-day',
        metadata: {
          headers: {
            'X-RateLimit-Limit': '50',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': '1795651200000',
          },
        },
      },
    };
    const fetch = createFakeFetch(() => jsonResponse(body, 429));
    await expect(
      fetchUpstream(call(fetch, seen), 'https://x/chat', {}, classifyOpenAICompatibleError),
    ).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.get('x-ratelimit-remaining')).toBe('0');
  });
  it('names a user’s endpoint it cannot reach as they typed its name', async () => {
    const fetch = createFakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const laptop = { ...call(fetch, []), providerId: 'custom-my-laptop-3f2a9c', providerName: 'My laptop' };
    await expect(
      fetchUpstream(laptop, 'https://x/chat', {}, classifyOpenAICompatibleError),
    ).rejects.toMatchObject({
      code: 'upstream_unreachable',
      provider: 'custom-my-laptop-3f2a9c',
      message: 'My laptop could not be reached: Failed to fetch',
    });
  });
});

describe('readJsonBody', () => {
  const schema = z.object({ id: z.string() });

  it('answers the body parsed by the schema', async () => {
    await expect(
      readJsonBody(new Response('{"id":"a","extra":1}'), schema, {
        providerId: 'groq',
        providerName: 'Groq',
      }),
    ).resolves.toEqual({ id: 'a' });
  });

  it.each([
    ['<html>502</html>', 'Groq sent a response that is not JSON'],
    ['{"id":7}', 'Groq sent a response that is not an id'],
  ])('turns the 200 body %s into a classified server error', async (body, message) => {
    const failure = readJsonBody(
      new Response(body),
      schema,
      { providerId: 'groq', providerName: 'Groq' },
      'a response that is not an id',
    );
    await expect(failure).rejects.toMatchObject({
      status: 502,
      kind: 'server',
      code: 'upstream_malformed',
      provider: 'groq',
    });
    await expect(failure).rejects.toThrow(message);
  });

  it('lets an abort while reading the body stay an abort', async () => {
    const controller = new AbortController();
    const reason = new DOMException('stop', 'AbortError');
    controller.abort(reason);
    const body = new ReadableStream({ start: (stream) => stream.error(reason) });
    await expect(
      readJsonBody(new Response(body), schema, {
        providerId: 'groq',
        providerName: 'Groq',
        signal: controller.signal,
      }),
    ).rejects.toBe(reason);
  });
});
