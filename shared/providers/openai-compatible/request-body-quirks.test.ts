import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { createOpenAICompatibleAdapter } from './openai-compatible-adapter';
import { adapterCall } from '../../testing/adapter-call';
import { completion } from '../../testing/chat-builders';
import { createFakeFetch, jsonResponse } from '../../testing/fake-fetch';
import type { ProviderPreset } from '../../catalog/catalog-types';
import { findPreset } from '../../catalog/provider-presets';

const tools: ChatCompletionRequest['tools'] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
];

async function sendThrough(providerId: string, request: Partial<ChatCompletionRequest>, apiKey = 'key') {
  const preset = findPreset(providerId) as ProviderPreset;
  const fetch = createFakeFetch(() => jsonResponse(completion('ok')));
  const call = adapterCall(fetch, {
    providerId,
    providerName: preset.name,
    baseURL: preset.baseURL,
    apiKey,
    model: preset.defaultModel,
  });
  await createOpenAICompatibleAdapter(preset).complete(
    { model: 'auto', messages: [{ role: 'user', content: 'Hi', name: 'ann' }], ...request },
    call,
  );
  const [sent] = fetch.calls;
  if (!sent) throw new Error('nothing sent');
  return sent;
}

describe('what each preset sends', () => {
  it('Groq: no logprobs, logit_bias, top_logprobs or message names, and n: 1 is dropped', async () => {
    const { body } = await sendThrough('groq', {
      logprobs: true,
      logit_bias: { 1: 2 },
      top_logprobs: 2,
      n: 1,
    } as Partial<ChatCompletionRequest>);
    expect(body).not.toHaveProperty('logprobs');
    expect(body).not.toHaveProperty('logit_bias');
    expect(body).not.toHaveProperty('top_logprobs');
    expect(body).not.toHaveProperty('n');
    expect(body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('Groq: asking for several choices is a clear request error, not a provider 400', async () => {
    await expect(sendThrough('groq', { n: 2 })).rejects.toMatchObject({
      status: 400,
      kind: 'request',
      param: 'n',
    });
  });

  it('Mistral: seed becomes random_seed, and fields it rejects with 422 are dropped', async () => {
    const { body } = await sendThrough('mistral', {
      seed: 42,
      top_k: 5,
      min_p: 0.1,
      reasoning_effort: 'low',
    } as Partial<ChatCompletionRequest>);
    expect(body).toMatchObject({ random_seed: 42 });
    for (const field of ['seed', 'top_k', 'min_p', 'reasoning_effort'])
      expect(body).not.toHaveProperty(field);
  });

  it("Cerebras: a small completion cap when the caller sets none, the caller's cap otherwise", async () => {
    expect((await sendThrough('cerebras', {})).body).toMatchObject({ max_completion_tokens: 4_096 });
    const capped = (await sendThrough('cerebras', { max_tokens: 100 })).body;
    expect(capped).toMatchObject({ max_tokens: 100 });
    expect(capped).not.toHaveProperty('max_completion_tokens');
  });

  it('Cloudflare: always max_tokens, and the account id from the key goes into the URL', async () => {
    const account = '0123456789abcdef0123456789abcdef';
    const sent = await sendThrough('cloudflare', { max_completion_tokens: 300 }, `${account}:cf-token`);
    expect(sent.url).toBe(`https://api.cloudflare.com/client/v4/accounts/${account}/ai/v1/chat/completions`);
    expect(sent.headers.get('authorization')).toBe('Bearer cf-token');
    expect(sent.body).toMatchObject({ max_tokens: 300 });
    expect(sent.body).not.toHaveProperty('max_completion_tokens');
    expect((await sendThrough('cloudflare', {}, `${account}:cf-token`)).body).toMatchObject({
      max_tokens: 8_192,
    });
  });

  it('Cloudflare: a key without the account id is refused before any call, without echoing it', async () => {
    const error = await sendThrough('cloudflare', {}, 'just-a-token').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'auth', code: 'invalid_key_format' });
    expect(String((error as Error).message)).not.toContain('just-a-token');
  });

  it('NVIDIA: one tool call at a time when tools are offered, nothing added otherwise', async () => {
    expect((await sendThrough('nvidia', { tools })).body).toMatchObject({ parallel_tool_calls: false });
    expect((await sendThrough('nvidia', {})).body).not.toHaveProperty('parallel_tool_calls');
  });

  it('OpenRouter: sends the optional attribution title', async () => {
    expect((await sendThrough('openrouter', {})).headers.get('x-title')).toBe('FreeLLM');
  });

  it('OpenAI: max_tokens is sent as max_completion_tokens, which reasoning models require', async () => {
    const { body } = await sendThrough('openai', { max_tokens: 50 });
    expect(body).toMatchObject({ max_completion_tokens: 50 });
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('MiniMax: temperature 0, which it rejects, becomes the smallest it accepts', async () => {
    expect((await sendThrough('minimax', { temperature: 0 })).body).toMatchObject({ temperature: 0.01 });
  });
});
