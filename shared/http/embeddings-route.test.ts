/**
 * `POST /embeddings` through the official `openai` client (which asks for base64 vectors unless
 * told otherwise), with providers answering in their own wire formats: OpenAI-compatible
 * (Mistral, Cloudflare, NVIDIA), Gemini's `batchEmbedContents` and Cohere's v2 `/embed`. Each
 * fake vector says who made it and for which text, so a mixed or reordered answer shows.
 */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse, type RecordedCall } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';
import { createEngineFetch } from './engine-fetch';

const CLOUDFLARE_KEY = `${'a'.repeat(32)}:cf-token`;
const KEYS = {
  cloudflare: CLOUDFLARE_KEY,
  nvidia: 'nvapi-aaaaaaaaaaaa',
  gemini: 'AIzaaaaaaaaaaaaa',
  cohere: 'cohere-key-aaaaaaaa',
  mistral: 'mistral-key-aaaaaaaa',
  groq: 'gsk_aaaaaaaaaaaa',
} as const;
type ProviderId = keyof typeof KEYS;

const MAKER: Record<ProviderId, number> = {
  cloudflare: 1,
  nvidia: 2,
  gemini: 3,
  cohere: 4,
  mistral: 5,
  groq: 6,
};

/** `[maker, the text's number]` for texts like `t17`, `[maker, length]` for others. */
const vectorOf = (provider: ProviderId, text: string) => [
  MAKER[provider],
  /^t\d+$/.test(text) ? Number(text.slice(1)) : text.length,
];

const providerOf = (url: string): ProviderId =>
  url.includes('cloudflare')
    ? 'cloudflare'
    : url.includes('nvidia')
      ? 'nvidia'
      : url.includes('googleapis')
        ? 'gemini'
        : url.includes('cohere')
          ? 'cohere'
          : 'mistral';

const textsOf = (call: RecordedCall): string[] => {
  const body = call.body as {
    input?: string[];
    texts?: string[];
    requests?: { content: { parts: { text: string }[] } }[];
  };
  return body.input ?? body.texts ?? body.requests!.map((request) => request.content.parts[0]!.text);
};

/** Each provider's real answer shape. */
function answer(call: RecordedCall): Response {
  const provider = providerOf(call.url);
  const vectors = textsOf(call).map((text) => vectorOf(provider, text));
  if (provider === 'gemini') return jsonResponse({ embeddings: vectors.map((values) => ({ values })) });
  if (provider === 'cohere')
    return jsonResponse({
      id: 'embed-1',
      embeddings: { float: vectors },
      texts: textsOf(call),
      meta: { billed_units: { input_tokens: 7 } },
    });
  return jsonResponse({
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: call.body.model,
    usage: { prompt_tokens: 7, total_tokens: 7 },
  });
}

const rateLimited = () =>
  jsonResponse({ error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, 429, {
    'retry-after': '20',
  });

async function serving(providers: ProviderId[], limited: ProviderId[] = []) {
  const upstream = createFakeFetch((call) =>
    limited.includes(providerOf(call.url)) ? rateLimited() : answer(call),
  );
  const { engine } = createTestEngine(upstream);
  for (const providerId of providers) await engine.keys.add({ providerId, secret: KEYS[providerId] });
  const fetch = createEngineFetch(engine, { kind: 'extension' });
  const client = new OpenAI({
    apiKey: 'unused',
    baseURL: 'https://freellm.invalid/v1',
    fetch,
    maxRetries: 0,
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch('https://freellm.invalid/v1/embeddings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    upstream,
    engine,
    client,
    post,
    providersCalled: () => upstream.calls.map((c) => providerOf(c.url)),
  };
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; param?: string } }).error;

describe('POST /embeddings', () => {
  it('answers the openai client (base64 vectors, decoded) with one vector per input, in order, from the named model', async () => {
    const { client, upstream } = await serving(['mistral']);
    const result = await client.embeddings.create({ model: 'mistral-embed', input: ['hello', 'hi'] });
    expect(result).toMatchObject({
      object: 'list',
      model: 'mistral-embed',
      data: [
        { object: 'embedding', index: 0, embedding: [5, 5] },
        { object: 'embedding', index: 1, embedding: [5, 2] },
      ],
      usage: { prompt_tokens: 7, total_tokens: 7 },
    });
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.calls[0]!.url).toBe('https://api.mistral.ai/v1/embeddings');
    expect(upstream.calls[0]!.body).toEqual({
      model: 'mistral-embed',
      input: ['hello', 'hi'],
      encoding_format: 'float',
    });
  });

  it('answers floats when asked, a single string as one vector', async () => {
    const { post } = await serving(['gemini']);
    const response = await post({
      model: 'gemini-embedding-001',
      input: 'hello',
      encoding_format: 'float',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      model: 'gemini-embedding-001',
      data: [{ index: 0, embedding: [3, 5] }],
    });
  });

  it('fails over to another provider serving the same model, never to another model', async () => {
    const { client, providersCalled } = await serving(['cloudflare', 'gemini', 'nvidia'], ['cloudflare']);
    const response = await client.embeddings
      .create({ model: 'bge-m3', input: ['hello'], encoding_format: 'float' })
      .withResponse();
    expect(response.data).toMatchObject({ model: 'bge-m3', data: [{ embedding: [2, 5] }] });
    expect(response.response.headers.get('x-freellm-provider')).toBe('nvidia');
    expect(response.response.headers.get('x-freellm-model')).toBe('baai/bge-m3');
    expect(providersCalled()).toEqual(['cloudflare', 'nvidia']);
  });

  it('answers a clear error when no key of the same model is left, though another embedding model is', async () => {
    const { post, providersCalled } = await serving(['cloudflare', 'gemini'], ['cloudflare']);
    const response = await post({ model: 'bge-m3', input: ['hello'] });
    expect(response.status).toBe(429);
    expect(await errorOf(response)).toMatchObject({ code: 'all_providers_rate_limited' });
    expect(providersCalled()).toEqual(['cloudflare']);
  });

  it('pins auto to one model (the first key with an embedding model), and answers which', async () => {
    const { post, providersCalled } = await serving(['gemini', 'mistral'], ['gemini']);
    const refused = await post({ model: 'auto', input: ['hello'] });
    expect(refused.status).toBe(429);
    expect(providersCalled()).toEqual(['gemini']);

    // Groq serves no embedding model: the first key that does decides.
    const { post: postAgain } = await serving(['groq', 'mistral']);
    const served = await postAgain({ model: 'auto', input: ['hello'], encoding_format: 'float' });
    expect(await served.json()).toMatchObject({
      model: 'mistral/mistral-embed',
      data: [{ embedding: [5, 5] }],
    });
  });

  it("splits a long input to the provider's batch limit and rejoins the vectors in order", async () => {
    const { post, upstream } = await serving(['cohere']);
    const input = Array.from({ length: 200 }, (_, index) => `t${index}`);
    const response = await post({ model: 'embed-v4.0', input, encoding_format: 'float' });
    const list = (await response.json()) as { data: { index: number; embedding: number[] }[] };
    expect(upstream.calls.map((call) => textsOf(call).length)).toEqual([96, 96, 8]);
    expect(upstream.calls[0]!.body).toMatchObject({
      model: 'embed-v4.0',
      input_type: 'search_document',
      embedding_types: ['float'],
    });
    expect(list.data.map((item) => item.index)).toEqual(input.map((_, index) => index));
    expect(list.data.map((item) => item.embedding)).toEqual(input.map((_, index) => [4, index]));
  });

  it('keeps vectors per model and text: repeated texts are not sent again, new ones are', async () => {
    const { post, upstream } = await serving(['mistral']);
    const first = await post({ model: 'mistral-embed', input: ['a', 'bb', 'a'], encoding_format: 'float' });
    expect(first.headers.get('x-freellm-cache')).toBe('miss');
    expect(upstream.calls.map(textsOf)).toEqual([['a', 'bb']]);
    expect(((await first.json()) as { data: unknown[] }).data).toHaveLength(3);

    const again = await post({ model: 'mistral-embed', input: ['bb', 'a'], encoding_format: 'float' });
    expect(again.headers.get('x-freellm-cache')).toBe('hit');
    expect(await again.json()).toMatchObject({ data: [{ embedding: [5, 2] }, { embedding: [5, 1] }] });

    await post({ model: 'mistral-embed', input: ['a', 'ccc'] });
    expect(upstream.calls.map(textsOf)).toEqual([['a', 'bb'], ['ccc']]);

    await post({ model: 'mistral-embed', input: ['a'] }, { 'cache-control': 'no-cache' });
    expect(upstream.calls.map(textsOf).at(-1)).toEqual(['a']);
  });

  it('answers malformed bodies with OpenAI-shaped 400s and calls no provider', async () => {
    const { post, upstream } = await serving(['mistral']);
    const cases: [unknown, string][] = [
      ['{not json', 'invalid_request'],
      [{ input: ['a'] }, 'invalid_request'],
      [{ model: 'mistral-embed' }, 'invalid_request'],
      [{ model: 'mistral-embed', input: [] }, 'invalid_request'],
      [{ model: 'mistral-embed', input: [''] }, 'invalid_request'],
      [{ model: 'mistral-embed', input: [1, 2, 3] }, 'invalid_request'],
      [{ model: 'mistral-embed', input: 'a', encoding_format: 'int8' }, 'invalid_request'],
      [{ model: 'mistral-embed', input: 'a', dimensions: 256 }, 'invalid_request'],
      [[1, 2], 'invalid_request'],
    ];
    for (const [body, code] of cases) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code });
    }
    const tokens = await post({ model: 'mistral-embed', input: [[1, 2, 3]] });
    expect((await errorOf(tokens)).message).toMatch(/Token arrays are not supported/);
    expect(upstream.calls).toHaveLength(0);
  });

  it('sends dimensions only where the model offers them', async () => {
    const { post, upstream } = await serving(['gemini']);
    expect((await post({ model: 'gemini-embedding-001', input: 'a', dimensions: 768 })).status).toBe(200);
    expect(upstream.calls[0]!.body).toMatchObject({ requests: [{ outputDimensionality: 768 }] });
    const refused = await post({ model: 'gemini-embedding-001', input: 'a', dimensions: 100 });
    expect(await errorOf(refused)).toMatchObject({ param: 'dimensions' });
  });

  it('tells a newcomer who asks a chat model for embeddings which embedding models to use', async () => {
    const { post, upstream } = await serving(['mistral', 'gemini']);
    const response = await post({ model: 'mistral-small-latest', input: 'a' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('not_an_embedding_model');
    expect(error.message).toMatch(/chat model/);
    expect(error.message).toContain('mistral/mistral-embed');
    expect(error.message).toContain('gemini/gemini-embedding-001');
    expect(upstream.calls).toHaveLength(0);
  });

  it('refuses a model pinned to a provider whose API embeds nothing, without calling it', async () => {
    const { post, engine, upstream } = await serving(['mistral']);
    await engine.keys.add({ providerId: 'anthropic', secret: 'sk-ant-api03-aaaaaaaa' });
    const response = await post({ model: 'anthropic/some-new-model', input: 'a' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'not_an_embedding_model', param: 'model' });
    expect(error.message).toContain('Anthropic');
    expect(error.message).toContain('mistral/mistral-embed');
    expect(upstream.calls).toHaveLength(0);
  });

  it('tells a newcomer who asks an embedding model for a chat to use POST /embeddings', async () => {
    const { engine, upstream } = await serving(['mistral']);
    const response = await createEngineFetch(engine, { kind: 'extension' })(
      'https://freellm.invalid/v1/chat/completions',
      {
        method: 'POST',
        body: JSON.stringify({ model: 'mistral-embed', messages: [{ role: 'user', content: 'hi' }] }),
      },
    );
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('not_a_chat_model');
    expect(error.message).toContain('POST /embeddings');
    expect(upstream.calls).toHaveLength(0);
  });

  it('lists embedding models in GET /models with their type', async () => {
    const { engine } = await serving(['cloudflare', 'nvidia']);
    const models = (await (
      await createEngineFetch(engine, { kind: 'extension' })('https://freellm.invalid/v1/models')
    ).json()) as { data: { id: string; type?: string }[] };
    const typed = (id: string) => models.data.find((model) => model.id === id);
    expect(typed('bge-m3')?.type).toBe('embedding');
    expect(typed('cloudflare/@cf/baai/bge-m3')?.type).toBe('embedding');
    expect(typed('cloudflare/@cf/meta/llama-3.3-70b-instruct-fp8-fast')?.type).toBeUndefined();
  });

  it('logs the request and counts it in the ledger like a chat request', async () => {
    const { post, engine } = await serving(['mistral']);
    await post({ model: 'mistral-embed', input: ['hello'] });
    await engine.settled();
    const [entry] = await engine.requestLog(1);
    expect(entry).toMatchObject({
      model: 'mistral-embed',
      status: 200,
      provider: 'mistral',
      servedModel: 'mistral-embed',
      attempts: [{ provider: 'mistral', model: 'mistral-embed', outcome: 'ok' }],
    });
    const { models } = await engine.health();
    expect(models.find((model) => model.model === 'mistral-embed')).toBeDefined();
  });
});
