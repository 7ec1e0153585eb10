import { describe, expect, it } from 'vitest';
import { PROVIDER_PRESETS } from '../catalog/provider-presets';
import { openDatabase } from '../store/database';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { createOnDeviceModel } from './on-device/on-device-model';
import { createProviderDirectory } from './provider-directory';
import { adapterCall } from '../testing/adapter-call';

const directoryOnFreshDb = () => {
  const db = openDatabase(`directory-test-${crypto.randomUUID()}`);
  return {
    db,
    directory: createProviderDirectory(db, () => crypto.randomUUID(), createOnDeviceModel(undefined).adapter),
  };
};

/** Sends one request through a resolved provider and returns the URL the adapter called. */
async function urlCalledBy(providerId: string): Promise<string | undefined> {
  const { directory } = directoryOnFreshDb();
  const provider = await directory.resolve(providerId);
  if (!provider) throw new Error(`${providerId} did not resolve`);
  const fetch = createFakeFetch(() => jsonResponse({ error: { message: 'stop here' } }, 400));
  const call = adapterCall(fetch, {
    providerId,
    providerName: provider.name,
    baseURL: provider.baseURL,
    apiKey: 'k',
    model: provider.defaultModel,
  });
  await provider.adapter
    .complete({ model: 'auto', messages: [{ role: 'user', content: 'Hi' }] }, call)
    .catch(() => undefined);
  return fetch.calls[0]?.url;
}

describe('provider directory', () => {
  it('gives each provider the adapter of its wire family', async () => {
    expect(await urlCalledBy('groq')).toBe('https://api.groq.com/openai/v1/chat/completions');
    expect(await urlCalledBy('anthropic')).toBe('https://api.anthropic.com/v1/messages');
    expect(await urlCalledBy('cohere')).toBe('https://api.cohere.com/v2/chat');
    expect(await urlCalledBy('gemini')).toMatch(
      /^https:\/\/generativelanguage\.googleapis\.com\/v1beta\/models\/gemini-2\.5-flash:generateContent/,
    );
  });

  it("sends every provider's chat requests, answered or streamed, only to the base URL the user set", async () => {
    const { directory } = directoryOnFreshDb();
    const fetch = createFakeFetch(() => jsonResponse({ error: { message: 'stop here' } }, 400));
    for (const { id } of PROVIDER_PRESETS) {
      await directory.setBaseURLOverride(id, 'http://127.0.0.1:4010/v1');
      const provider = await directory.resolve(id);
      if (!provider) throw new Error(`${id} did not resolve`);
      const target = {
        providerId: id,
        providerName: provider.name,
        baseURL: provider.baseURL,
        apiKey: 'account:k',
        model: provider.defaultModel,
      };
      const call = adapterCall(fetch, target);
      const request = { model: 'auto', messages: [{ role: 'user' as const, content: 'Hi' }] };
      await provider.adapter.complete(request, call).catch(() => undefined);
      await provider.adapter.stream({ ...request, stream: true }, call).catch(() => undefined);
    }
    expect(fetch.calls).toHaveLength(PROVIDER_PRESETS.length * 2);
    expect(new Set(fetch.calls.map((call) => new URL(call.url).host))).toEqual(new Set(['127.0.0.1:4010']));
  });

  it('lists presets with their family and whether they need a key', async () => {
    const { directory } = directoryOnFreshDb();
    const list = await directory.list();
    expect(list.find((provider) => provider.id === 'anthropic')).toMatchObject({
      family: 'anthropic',
      keyless: false,
      custom: false,
    });
    expect(list.find((provider) => provider.id === 'ollama')).toMatchObject({
      keyless: true,
      local: true,
      baseURL: 'http://localhost:11434/v1',
    });
  });

  it('uses a base-URL override until it is cleared', async () => {
    const { directory } = directoryOnFreshDb();
    await directory.setBaseURLOverride('ollama', 'http://192.168.1.20:11434/v1/');
    expect(await directory.resolve('ollama')).toMatchObject({
      baseURL: 'http://192.168.1.20:11434/v1',
      baseURLOverridden: true,
    });
    expect((await directory.list()).find((provider) => provider.id === 'ollama')).toMatchObject({
      baseURLOverridden: true,
    });
    await directory.setBaseURLOverride('ollama', null);
    expect(await directory.resolve('ollama')).toMatchObject({
      baseURL: 'http://localhost:11434/v1',
      baseURLOverridden: false,
    });
  });

  it('refuses an override that is not an http(s) URL, or for a provider it does not know', async () => {
    const { directory } = directoryOnFreshDb();
    await expect(directory.setBaseURLOverride('groq', 'javascript:alert(1)')).rejects.toMatchObject({
      status: 400,
      param: 'baseURL',
    });
    await expect(directory.setBaseURLOverride('nope', 'https://example.com/v1')).rejects.toMatchObject({
      status: 400,
      param: 'providerId',
    });
  });

  it('ignores a stored override that does not parse', async () => {
    const { db, directory } = directoryOnFreshDb();
    await db.providerSettings.put({ providerId: 'groq', baseURL: 'ftp://nowhere' });
    expect(await directory.resolve('groq')).toMatchObject({
      baseURL: 'https://api.groq.com/openai/v1',
      baseURLOverridden: false,
    });
  });

  it('still resolves custom endpoints with the plain OpenAI-compatible adapter', async () => {
    const { directory } = directoryOnFreshDb();
    const custom = await directory.addCustom({
      name: 'Mine',
      baseURL: 'https://llm.example.com/v1/',
      defaultModel: 'm',
    });
    expect(await directory.resolve(custom.id)).toMatchObject({
      baseURL: 'https://llm.example.com/v1',
      custom: true,
      family: 'openai-compatible',
    });
    await directory.removeCustom(custom.id);
    expect(await directory.resolve(custom.id)).toBeUndefined();
  });
});
