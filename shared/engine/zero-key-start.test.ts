/**
 * A start with no keys: a keyless endpoint or the browser's own model, turned on like a local
 * server, answers; the on-device model waits until everything else is spent unless it is named.
 */
import { describe, expect, it } from 'vitest';
import { createFakePromptApi } from '../testing/fake-prompt-api';
import { collect, createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';
import { ask } from '../testing/chat-builders';

const extension = { kind: 'extension' } as const;
const completion = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const rateLimited = () =>
  jsonResponse({ error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, 429, {
    'retry-after': '30',
  });

function bodyOf(answer: unknown) {
  return (answer as { body: { choices?: { message: { content: string } }[]; error?: unknown } }).body;
}

describe('a start with zero keys', () => {
  it.each([
    [
      'ovh',
      'https://oai.endpoints.kepler.ai.cloud.ovh.net/v1/chat/completions',
      'Meta-Llama-3_3-70B-Instruct',
    ],
    ['kilo', 'https://api.kilo.ai/api/gateway/chat/completions', 'z-ai/glm-5:free'],
  ])('%s answers once turned on, asked without any key', async (providerId, url, model) => {
    const fetch = createFakeFetch(() => jsonResponse(completion('Bonjour')));
    const { engine } = createTestEngine(fetch);
    await engine.keys.add({ providerId, secret: '' });
    const answer = await engine.chat(ask('hi'), extension);
    expect(answer.status).toBe(200);
    expect(bodyOf(answer).choices?.[0]?.message.content).toBe('Bonjour');
    const [sent] = fetch.calls.filter((call) => call.url.endsWith('/chat/completions'));
    expect(sent?.url).toBe(url);
    expect(sent?.body.model).toBe(model);
    expect(sent?.headers.has('authorization')).toBe(false);
  });

  it('keeps to the per-IP limit: OVHcloud allows 2 requests a minute per model', async () => {
    const fetch = createFakeFetch(() => jsonResponse(completion('ok')));
    const { engine } = createTestEngine(fetch);
    await engine.keys.add({ providerId: 'ovh', secret: '' });
    for (const _ of [1, 2]) expect((await engine.chat(ask(`hi ${_}`), extension)).status).toBe(200);
    const third = await engine.chat(ask('hi 3'), extension);
    expect(third.status).toBe(429);
    expect(fetch.calls.filter((call) => call.url.endsWith('/chat/completions'))).toHaveLength(2);
  });

  it('answers from the on-device model when it is the only provider turned on', async () => {
    const api = createFakePromptApi();
    const { engine } = createTestEngine(
      createFakeFetch(() => jsonResponse({}, 500)),
      { promptApi: api },
    );
    await engine.keys.add({ providerId: 'on-device', secret: '' });
    const answer = await engine.chat({ ...ask('hi'), stream: true }, extension);
    expect(answer.kind).toBe('stream');
    expect(answer.headers['x-freellm-provider']).toBe('on-device');
    const chunks = await collect(
      (answer as { chunks: AsyncIterable<{ choices: { delta: { content?: string } }[] }> }).chunks,
    );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'Hello from the device.',
    );
  });

  it('tries the on-device model last, even when it was turned on first', async () => {
    const api = createFakePromptApi();
    let busy = false;
    const fetch = createFakeFetch(() => (busy ? rateLimited() : jsonResponse(completion('from OVH'))));
    const { engine } = createTestEngine(fetch, { promptApi: api });
    await engine.keys.add({ providerId: 'on-device', secret: '' });
    await engine.keys.add({ providerId: 'ovh', secret: '' });
    const first = await engine.chat(ask('hi'), extension);
    expect(first.headers['x-freellm-provider']).toBe('ovh');
    expect(api.sessions).toHaveLength(0);
    busy = true;
    const second = await engine.chat(ask('hi again'), extension);
    expect(second.status).toBe(200);
    expect(second.headers['x-freellm-provider']).toBe('on-device');
  });

  it('asks the on-device model first when the request or an alias names it', async () => {
    const api = createFakePromptApi();
    const fetch = createFakeFetch(() => jsonResponse(completion('from OVH')));
    const { engine } = createTestEngine(fetch, { promptApi: api });
    await engine.keys.add({ providerId: 'ovh', secret: '' });
    await engine.keys.add({ providerId: 'on-device', secret: '' });
    const pinned = await engine.chat({ ...ask('hi'), model: 'on-device/gemini-nano' }, extension);
    expect(pinned.headers['x-freellm-provider']).toBe('on-device');
    await engine.routing.saveSettings({
      ...(await engine.routing.settings()),
      aliases: { private: ['on-device/gemini-nano', 'auto'] },
    });
    const aliased = await engine.chat({ ...ask('hi again'), model: 'private' }, extension);
    expect(aliased.headers['x-freellm-provider']).toBe('on-device');
    expect(fetch.calls.filter((call) => call.url.endsWith('/chat/completions'))).toHaveLength(0);
  });

  it('in a browser without the model, turning it on answers with a plain OpenAI-shaped error', async () => {
    const { engine } = createTestEngine(createFakeFetch(() => jsonResponse({}, 500)));
    expect((await engine.onDevice.status()).state).toBe('unsupported');
    await engine.keys.add({ providerId: 'on-device', secret: '' });
    const answer = await engine.chat({ ...ask('hi'), model: 'on-device/gemini-nano' }, extension);
    expect(answer.status).toBe(503);
    expect(bodyOf(answer).error).toMatchObject({
      message: expect.stringContaining('no built-in model'),
      type: 'server_error',
    });
  });
});
