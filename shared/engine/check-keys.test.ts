import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';

const modelList = { object: 'list', data: [{ id: 'm', object: 'model', created: 1, owned_by: 'x' }] };
const refused = () =>
  jsonResponse(
    { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } },
    401,
  );

describe('engine.keys.check', () => {
  it('proves keys by their provider’s model list, without a chat request, and names the refused one', async () => {
    const fetch = createFakeFetch((call) =>
      call.headers.get('authorization') === 'Bearer gsk_good_key_00000001'
        ? jsonResponse(modelList)
        : refused(),
    );
    const { engine } = createTestEngine(fetch);
    const good = await engine.keys.add({ providerId: 'groq', secret: 'gsk_good_key_00000001' });
    const bad = await engine.keys.add({ providerId: 'groq', secret: 'gsk_bad_key_000000002' });

    expect(await engine.keys.check([good.id, bad.id])).toEqual([
      { id: good.id, ok: true, method: 'model-list', verdict: 'works', providerName: 'Groq' },
      { id: bad.id, ok: false, method: 'model-list', verdict: 'invalid', providerName: 'Groq' },
    ]);
    expect(fetch.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/openai/v1/models',
      '/openai/v1/models',
    ]);
  });

  it('says when it had to spend a one-token request, and when the provider could not be reached', async () => {
    let online = true;
    const fetch = createFakeFetch((call) => {
      if (!online) return Promise.reject(new TypeError('Failed to fetch'));
      expect(call.body).toMatchObject({ model: 'my-model', max_tokens: 1 });
      return jsonResponse({
        id: 'c',
        object: 'chat.completion',
        created: 1,
        model: 'my-model',
        choices: [{ index: 0, message: { role: 'assistant', content: 'H' }, finish_reason: 'length' }],
      });
    });
    const { engine } = createTestEngine(fetch);
    const provider = await engine.providers.addCustom({
      name: 'My server',
      baseURL: 'https://llm.example/v1',
      defaultModel: 'my-model',
    });
    const key = await engine.keys.add({ providerId: provider.id, secret: 'my-server-secret-1' });

    expect(await engine.keys.check([key.id])).toEqual([
      { id: key.id, ok: true, method: 'one-token', verdict: 'works', providerName: 'My server' },
    ]);
    online = false;
    expect((await engine.keys.check([key.id]))[0]).toMatchObject({
      ok: false,
      verdict: 'unreachable',
    });
  });
});
