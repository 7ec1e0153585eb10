import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from '../openai/chat';
import { createCacheKey } from './cache-key';

const keyFor = createCacheKey(crypto);
const request = (body: Record<string, unknown>) => chatCompletionRequestSchema.parse(body);
const base = { model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2 };

describe('cache key', () => {
  it('is a SHA-256 hex digest', async () => {
    expect(await keyFor(request(base))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('ignores field order, null fields and n: 1, at every depth', async () => {
    const reordered = request({
      temperature: 0.2, n: 1, top_p: null,
      messages: [{ content: 'hi', role: 'user' }], model: 'groq/llama-3.3-70b-versatile',
    });
    expect(await keyFor(reordered)).toBe(await keyFor(request(base)));
  });

  it('gives a streamed and a non-streamed request the same key, whoever the caller is', async () => {
    const streamed = request({ ...base, stream: true, stream_options: { include_usage: true }, user: 'u-1', freellm: { cache: 'refresh' }, metadata: { a: 1 } });
    expect(await keyFor(streamed)).toBe(await keyFor(request({ ...base, stream: false })));
  });

  it('changes with anything that can change the answer', async () => {
    const tool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } };
    const variants = [
      base,
      { ...base, messages: [{ role: 'user', content: 'hello' }] },
      { ...base, messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }] },
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
