import { describe, expect, it } from 'vitest';
import type { ProviderPreset } from '../../shared/catalog/catalog-types';
import { listProviderModels } from '../../shared/providers/list-provider-models';
import { readOpenRouterAllowance } from '../../shared/providers/rate-limits/openrouter-key-allowance';
import { findPreset } from '../../shared/catalog/provider-presets';
import { createOpenAICompatibleAdapter } from '../../shared/providers/openai-compatible/openai-compatible-adapter';
import { useMockProvider } from './mock-test-kit';
import { startOpenAIMock } from './openai-mock';
import { mockEmbedding } from './mock-server';

describe('the OpenAI-compatible mock as OpenRouter and Groq', () => {
  const kit = useMockProvider(
    () =>
      startOpenAIMock({
        models: ['openai/gpt-oss-20b'],
        gone: ['openai/gpt-oss-120b'],
        openRouterKey: { is_free_tier: false, limit: null, limit_remaining: null, usage: 0 },
      }),
    { model: 'openai/gpt-oss-120b', providerId: 'openrouter', providerName: 'OpenRouter' },
  );

  it('states the key’s allowance at GET /key, read as a learned daily limit, apart from chat calls', async () => {
    expect(await readOpenRouterAllowance(kit.call())).toEqual({ requests: { day: { limit: 1_000 } } });
    expect(kit.mock.reads).toMatchObject([{ path: '/v1/key', authorization: 'Bearer mock-key-1' }]);
    expect(kit.mock.calls).toEqual([]);
  });

  it('lists its models, and answers a gone one with a 404 the router reads as not found', async () => {
    const listing = await listProviderModels(findPreset('groq') as ProviderPreset, {
      ...kit.call(),
      apiKey: 'mock-key-1',
    });
    expect(listing).toMatchObject({ live: true, models: [{ id: 'openai/gpt-oss-20b' }] });
    await expect(
      createOpenAICompatibleAdapter().complete(
        { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'hi' }] },
        kit.call(),
      ),
    ).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('embeds a batch at /v1/embeddings, vectors in input order, with the usage it reports', async () => {
    const adapter = createOpenAICompatibleAdapter();
    const embedded = await adapter.embed!(
      { texts: ['ab', 'c d'] },
      { ...kit.call(), model: 'mistral-embed' },
    );
    expect(embedded).toEqual({ vectors: [mockEmbedding('ab'), mockEmbedding('c d')], promptTokens: 3 });
    expect(kit.mock.calls[0]).toMatchObject({
      path: '/v1/embeddings',
      body: { model: 'mistral-embed', input: ['ab', 'c d'], encoding_format: 'float' },
    });
    await expect(adapter.embed!({ texts: ['a'] }, kit.call('mock-limited-1'))).rejects.toMatchObject({
      kind: 'rate_limit',
    });
  });
});
