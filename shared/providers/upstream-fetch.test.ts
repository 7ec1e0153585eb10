import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { classifyOpenAICompatibleError } from './openai-compatible/classify-openai-compatible-error';
import { fetchUpstream } from './upstream-fetch';

function call(fetch: ReturnType<typeof createFakeFetch>, seen: Headers[]) {
  return { fetch, baseURL: 'https://x', model: 'm', providerId: 'openrouter', now: () => 0, onRateLimitHeaders: (headers: Headers) => seen.push(headers) };
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
    const body = { error: { code: 429, message: 'Rate limit exceeded: free-models-per-day', metadata: { headers: { 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1795651200000' } } } };
    const fetch = createFakeFetch(() => jsonResponse(body, 429));
    await expect(fetchUpstream(call(fetch, seen), 'https://x/chat', {}, classifyOpenAICompatibleError)).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.get('x-ratelimit-remaining')).toBe('0');
  });
});
