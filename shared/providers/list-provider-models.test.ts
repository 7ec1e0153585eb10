import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import type { ProviderPreset } from '../catalog/catalog-types';
import { listProviderModels } from './list-provider-models';
import { findPreset, PROVIDER_PRESETS } from '../catalog/provider-presets';

const preset = (id: string) => findPreset(id) as ProviderPreset;
const now = () => Date.parse('2026-11-25T12:00:00Z');

describe('listProviderModels', () => {
  it('merges the live list with the catalog, catalog models first', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        object: 'list',
        data: [
          { id: 'whisper-large-v3', object: 'model', created: 1693721698, owned_by: 'OpenAI' },
          { id: 'llama-3.3-70b-versatile', object: 'model', created: 1733447754, owned_by: 'Meta' },
        ],
      }),
    );
    const listing = await listProviderModels(preset('groq'), {
      fetch,
      baseURL: 'https://api.groq.com/openai/v1',
      apiKey: 'gsk_k',
      now,
    });
    expect(fetch.calls[0]).toMatchObject({ url: 'https://api.groq.com/openai/v1/models' });
    expect(fetch.calls[0]?.headers.get('authorization')).toBe('Bearer gsk_k');
    expect(listing.live).toBe(true);
    expect(listing.models.map((model) => model.id)).toEqual(['llama-3.3-70b-versatile', 'whisper-large-v3']);
    expect(listing.models[0]).toMatchObject({
      object: 'model',
      created: 1733447754,
      owned_by: 'Meta',
      context_window: 131_072,
      free_tier: true,
      capabilities: { tools: true },
    });
    expect(listing.models[1]).toMatchObject({ free_tier: false, capabilities: undefined });
  });

  it('answers from the catalog without calling anyone when there is no key', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ data: [] }));
    const listing = await listProviderModels(preset('groq'), {
      fetch,
      baseURL: 'https://api.groq.com/openai/v1',
      now,
    });
    expect(fetch.calls).toHaveLength(0);
    expect(listing).toMatchObject({ live: false });
    expect(listing.models.map((model) => model.id)).toContain('openai/gpt-oss-120b');
    // Shut down on 2026-08-16: listing it would offer a model that only answers 404.
    expect(listing.models.map((model) => model.id)).not.toContain('llama-3.3-70b-versatile');
    expect(listing.models[0]).toMatchObject({
      object: 'model',
      created: Math.floor(now() / 1000),
      owned_by: 'groq',
    });
  });

  it('does not call a model free when its provider no longer has a free tier (Cerebras)', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({ object: 'list', data: [{ id: 'gpt-oss-120b', object: 'model', owned_by: 'Cerebras' }] }),
    );
    const live = await listProviderModels(preset('cerebras'), {
      fetch,
      baseURL: 'https://api.cerebras.ai/v1',
      apiKey: 'csk-k',
      now,
    });
    const catalog = await listProviderModels(preset('cerebras'), { fetch, baseURL: 'https://x', now });
    expect([...live.models, ...catalog.models].filter((model) => model.free_tier)).toEqual([]);
    expect(preset('groq').access.value).toBe('free');
  });

  it('falls back to the catalog, and says why, when the key is refused', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse(
        { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } },
        401,
      ),
    );
    const listing = await listProviderModels(preset('groq'), {
      fetch,
      baseURL: 'https://api.groq.com/openai/v1',
      apiKey: 'gsk_secret',
      now,
    });
    expect(listing).toMatchObject({ live: false, error: { kind: 'auth' } });
    expect(listing.error?.message).not.toContain('gsk_secret');
    expect(listing.models.length).toBe(preset('groq').models.filter((model) => !model.retired).length);
  });

  it("reads a refused key on a model list in the family's own terms: Gemini's 400 API_KEY_INVALID is a 401", async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse(
        {
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: 'API_KEY_INVALID',
                domain: 'googleapis.com',
              },
            ],
          },
        },
        400,
      ),
    );
    const listing = await listProviderModels(preset('gemini'), {
      fetch,
      baseURL: 'https://generativelanguage.googleapis.com/v1beta',
      apiKey: 'AIzaBad',
      now,
    });
    expect(listing).toMatchObject({
      live: false,
      error: { kind: 'auth', status: 401, code: 'API_KEY_INVALID' },
    });
  });

  it('falls back when the answer is not a model list', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ hello: 'world' }));
    const listing = await listProviderModels(preset('mistral'), {
      fetch,
      baseURL: 'https://api.mistral.ai/v1',
      apiKey: 'k',
      now,
    });
    expect(listing).toMatchObject({ live: false, error: { code: 'upstream_malformed' } });
  });

  it("reads Gemini's native list: key in a header, `models/` stripped, chat models only", async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        models: [
          {
            name: 'models/gemini-2.5-flash',
            inputTokenLimit: 1048576,
            supportedGenerationMethods: ['generateContent', 'countTokens'],
          },
          {
            name: 'models/text-embedding-004',
            inputTokenLimit: 2048,
            supportedGenerationMethods: ['embedContent'],
          },
        ],
      }),
    );
    const listing = await listProviderModels(preset('gemini'), {
      fetch,
      baseURL: 'https://generativelanguage.googleapis.com/v1beta',
      apiKey: 'AIzaK',
      now,
    });
    expect(fetch.calls[0]?.url).toBe('https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000');
    expect(fetch.calls[0]?.headers.get('x-goog-api-key')).toBe('AIzaK');
    expect(fetch.calls[0]?.url).not.toContain('AIzaK');
    expect(listing.models.map((model) => model.id)).toEqual(['gemini-2.5-flash']);
  });

  it("reads Anthropic's list with its own headers and RFC 3339 dates", async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        data: [
          {
            type: 'model',
            id: 'claude-haiku-4-5',
            display_name: 'Claude Haiku 4.5',
            created_at: '2025-10-15T00:00:00Z',
          },
        ],
        has_more: false,
      }),
    );
    const listing = await listProviderModels(preset('anthropic'), {
      fetch,
      baseURL: 'https://api.anthropic.com/v1',
      apiKey: 'sk-ant-k',
      now,
    });
    expect(fetch.calls[0]?.headers.get('x-api-key')).toBe('sk-ant-k');
    expect(fetch.calls[0]?.headers.get('anthropic-version')).toBe('2023-06-01');
    expect(listing.models[0]).toMatchObject({
      id: 'claude-haiku-4-5',
      created: Date.parse('2025-10-15T00:00:00Z') / 1000,
      context_window: 200_000,
    });
  });

  it("reads Cohere's v1 list of chat models", async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        models: [
          { name: 'command-a-03-2025', endpoints: ['generate', 'chat'], context_length: 256000 },
          { name: 'embed-v4.0', endpoints: ['embed'] },
        ],
      }),
    );
    const listing = await listProviderModels(preset('cohere'), {
      fetch,
      baseURL: 'https://api.cohere.com/v2',
      apiKey: 'k',
      now,
    });
    expect(fetch.calls[0]?.url).toBe('https://api.cohere.com/v1/models?endpoint=chat');
    expect(listing.models.map((model) => model.id)).toEqual(['command-a-03-2025']);
  });

  it('asks Cohere for its models beside the base URL the user set', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ models: [] }));
    await listProviderModels(preset('cohere'), {
      fetch,
      baseURL: 'http://127.0.0.1:4010/cohere/v2',
      apiKey: 'k',
      now,
    });
    expect(fetch.calls.map((call) => call.url)).toEqual([
      'http://127.0.0.1:4010/cohere/v1/models?endpoint=chat',
    ]);
  });

  it.each(PROVIDER_PRESETS.filter((entry) => entry.modelsEndpoint).map((entry) => entry.id))(
    "sends %s's model list request, and its key, only to the host the user set",
    async (id) => {
      const fetch = createFakeFetch(() => jsonResponse({ data: [], models: [] }));
      await listProviderModels(preset(id), { fetch, baseURL: 'http://127.0.0.1:4010/v1', apiKey: 'k', now });
      expect(fetch.calls.map((call) => new URL(call.url).host)).toEqual(['127.0.0.1:4010']);
    },
  );

  it('asks a local server for its models without any key', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        object: 'list',
        data: [{ id: 'llama3.2:latest', object: 'model', created: 1, owned_by: 'library' }],
      }),
    );
    const listing = await listProviderModels(preset('ollama'), {
      fetch,
      baseURL: 'http://localhost:11434/v1',
      now,
    });
    expect(fetch.calls[0]?.headers.get('authorization')).toBeNull();
    expect(listing).toMatchObject({ live: true, models: [{ id: 'llama3.2:latest', free_tier: true }] });
  });
});
