import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from '../openai/chat';
import { createCacheKey } from './cache-key';

const secret = crypto.subtle.importKey(
  'raw',
  new Uint8Array(32).fill(7),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['sign'],
);
const keyWith = createCacheKey(crypto, () => secret);
const keyFor = (body: ChatCompletionRequest, model?: string) => keyWith(body, 'https://app.example', model);
const request = (body: Record<string, unknown>) => chatCompletionRequestSchema.parse(body);
const base = {
  model: 'groq/llama-3.3-70b-versatile',
  messages: [{ role: 'user', content: 'hi' }],
  temperature: 0.2,
};

describe('cache key', () => {
  it('is an HMAC-SHA-256 under the secret, so the prompt cannot be confirmed without it', async () => {
    const key = await keyFor(request(base));
    expect(key).toMatch(/^hmac:[0-9a-f]{64}$/);
    const otherSecret = crypto.subtle.importKey(
      'raw',
      new Uint8Array(32).fill(8),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    expect(await createCacheKey(crypto, () => otherSecret)(request(base), 'https://app.example')).not.toBe(
      key,
    );
  });

  it('differs per partition, and no body field can pose as another partition', async () => {
    const key = await keyFor(request(base));
    expect(await keyWith(request(base), 'https://other.example')).not.toBe(key);
    expect(await keyWith(request(base), 'extension')).not.toBe(key);
    expect(
      await keyWith(request({ ...base, partition: 'https://app.example' }), 'https://other.example'),
    ).not.toBe(key);
  });

  it('ignores field order, null fields and n: 1, at every depth', async () => {
    const reordered = request({
      temperature: 0.2,
      n: 1,
      top_p: null,
      messages: [{ content: 'hi', role: 'user' }],
      model: 'groq/llama-3.3-70b-versatile',
    });
    expect(await keyFor(reordered)).toBe(await keyFor(request(base)));
  });

  it('gives a streamed and a non-streamed request the same key, whoever the caller is', async () => {
    const streamed = request({
      ...base,
      stream: true,
      stream_options: { include_usage: true },
      user: 'u-1',
      freellm: { cache: 'refresh' },
      metadata: { a: 1 },
    });
    expect(await keyFor(streamed)).toBe(await keyFor(request({ ...base, stream: false })));
  });

  it('changes with anything that can change the answer', async () => {
    const tool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } };
    const variants = [
      base,
      { ...base, messages: [{ role: 'user', content: 'hello' }] },
      {
        ...base,
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: 'hi' },
        ],
      },
      { ...base, temperature: 0.3 },
      { ...base, tools: [tool] },
      { ...base, tools: [{ ...tool, function: { ...tool.function, name: 'get_time' } }] },
      { ...base, response_format: { type: 'json_object' } },
      { ...base, max_tokens: 10 },
      { ...base, seed: 7 },
      { ...base, logit_bias: { '50256': -100 } },
      { ...base, model: 'groq/llama-3.1-8b-instant' },
    ];
    const keys = await Promise.all(variants.map((variant) => keyFor(request(variant))));
    expect(new Set(keys).size).toBe(variants.length);
  });

  it('uses the model the router resolved, so an alias and its target share a key', async () => {
    const alias = request({ ...base, model: 'auto' });
    expect(await keyFor(alias, 'groq/llama-3.3-70b-versatile')).toBe(await keyFor(request(base)));
    expect(await keyFor(alias, 'cerebras/llama-3.3-70b')).not.toBe(await keyFor(request(base)));
  });
});
