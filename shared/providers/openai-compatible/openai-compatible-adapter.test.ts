import { describe, expect, it } from 'vitest';
import {
  chatCompletionChunkSchema,
  chatCompletionSchema,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
} from '../../openai/chat';
import { collect, createFakeFetch, jsonResponse, sseResponse } from '../../testing/fake-fetch';
import { adapterCall, FAMILY_TARGETS } from '../../testing/adapter-call';
import { readFixtures } from '../../testing/read-fixtures';
import type { FetchLike } from '../types';
import { createOpenAICompatibleAdapter } from './openai-compatible-adapter';

const { fixture, chunkLines } = readFixtures(import.meta.url);

const request: ChatCompletionRequest = {
  model: 'auto',
  messages: [{ role: 'user', content: 'Hi' }],
  logprobs: true,
  seed: 7,
};

const callWith = (fetch: FetchLike) => adapterCall(fetch, FAMILY_TARGETS.groq, 1_000);

describe('OpenAI-compatible adapter', () => {
  it('sends the provider model and key, drops unsupported params, and parses the completion', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const adapter = createOpenAICompatibleAdapter({ unsupportedParams: ['logprobs'] });
    const completion = await adapter.complete(request, callWith(fetch));
    expect(completion.choices[0]?.message.content).toBe('Hello! How can I help?');
    expect(completion.usage?.total_tokens).toBe(16);
    const [sent] = fetch.calls;
    expect(sent?.url).toBe('https://api.groq.com/openai/v1/chat/completions');
    expect(sent?.headers.get('authorization')).toBe('Bearer gsk_test');
    expect(sent?.body).toMatchObject({ model: 'llama-3.3-70b-versatile', stream: false, seed: 7 });
    expect(sent?.body).not.toHaveProperty('logprobs');
  });

  it('streams text chunks, including the usage chunk', async () => {
    const fetch = createFakeFetch(() => sseResponse(chunkLines('text.chunks.txt')));
    const chunks = await collect(
      await createOpenAICompatibleAdapter().stream({ ...request, stream: true }, callWith(fetch)),
    );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello there');
    expect(chunks.at(-1)?.usage?.total_tokens).toBe(11);
    expect(fetch.calls[0]?.body.stream).toBe(true);
  });

  it('streams tool-call deltas unchanged', async () => {
    const fetch = createFakeFetch(() => sseResponse(chunkLines('tool-call.chunks.txt')));
    const chunks = await collect(
      await createOpenAICompatibleAdapter().stream({ ...request, stream: true }, callWith(fetch)),
    );
    const args = chunks
      .flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? [])
      .map((call) => call.function?.arguments ?? '')
      .join('');
    expect(chunks[0]?.choices[0]?.delta.tool_calls?.[0]).toMatchObject({
      id: 'call_abc',
      function: { name: 'get_weather' },
    });
    expect(JSON.parse(args)).toEqual({ location: 'Paris' });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('turns a truncated stream into a classified server error', async () => {
    const lines = chunkLines('text.chunks.txt').slice(0, 2);
    const fetch = createFakeFetch(() => sseResponse(lines, { done: false }));
    const stream = await createOpenAICompatibleAdapter().stream(
      { ...request, stream: true },
      callWith(fetch),
    );
    await expect(collect(stream)).rejects.toMatchObject({ kind: 'server', code: 'upstream_malformed' });
  });

  it('classifies an error inside a 200 stream by the status it names', async () => {
    const fetch = createFakeFetch(() => sseResponse(chunkLines('openrouter-stream-error.chunks.txt')));
    const stream = await createOpenAICompatibleAdapter().stream(
      { ...request, stream: true },
      callWith(fetch),
    );
    await expect(collect(stream)).rejects.toMatchObject({
      kind: 'rate_limit',
      status: 429,
      provider: 'groq',
    });
  });

  it('treats an in-stream error without a status as a server error', async () => {
    const fetch = createFakeFetch(() =>
      sseResponse([chunkLines('text.chunks.txt')[0] ?? '', '{"error":{"message":"upstream died"}}']),
    );
    const stream = await createOpenAICompatibleAdapter().stream(
      { ...request, stream: true },
      callWith(fetch),
    );
    await expect(collect(stream)).rejects.toMatchObject({ kind: 'server', status: 502 });
  });

  it("applies a preset's body transform before dropping its unsupported params, and sends its headers", async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const adapter = createOpenAICompatibleAdapter({
      transformRequestBody: ({ seed, ...body }) => ({ ...body, random_seed: seed }),
      unsupportedParams: ['logprobs'],
      headers: { 'x-title': 'FreeLLM' },
    });
    await adapter.complete(request, callWith(fetch));
    expect(fetch.calls[0]?.body).toMatchObject({ random_seed: 7 });
    expect(fetch.calls[0]?.body).not.toHaveProperty('seed');
    expect(fetch.calls[0]?.body).not.toHaveProperty('logprobs');
    expect(fetch.calls[0]?.headers.get('x-title')).toBe('FreeLLM');
  });

  it('lets a preset rewrite the URL and key before the call', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const adapter = createOpenAICompatibleAdapter({
      prepareCall: (call) => ({ ...call, baseURL: `${call.baseURL}/v2`, apiKey: 'inner' }),
    });
    await adapter.complete(request, callWith(fetch));
    expect(fetch.calls[0]?.url).toBe('https://api.groq.com/openai/v1/v2/chat/completions');
    expect(fetch.calls[0]?.headers.get('authorization')).toBe('Bearer inner');
  });

  it('rejects a 200 answer that is not a chat completion', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ hello: 'world' }));
    await expect(createOpenAICompatibleAdapter().complete(request, callWith(fetch))).rejects.toMatchObject({
      kind: 'server',
      status: 502,
    });
  });

  it('classifies an unreachable provider as unreachable (no connection at all)', async () => {
    const fetch = createFakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createOpenAICompatibleAdapter().complete(request, callWith(fetch))).rejects.toMatchObject({
      kind: 'unreachable',
      code: 'upstream_unreachable',
    });
  });

  it('lets an abort stay an abort', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    const fetch = createFakeFetch(() => Promise.reject(new DOMException('stop', 'AbortError')));
    await expect(
      createOpenAICompatibleAdapter().complete(request, { ...callWith(fetch), signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe("OpenAI-compatible adapter, with a provider's quirks", () => {
  /** Streams a fixture; every chunk must fit what FreeLLM promises its callers. */
  async function streamed(name: string): Promise<ChatCompletionChunk[]> {
    const fetch = createFakeFetch(() => sseResponse(chunkLines(name)));
    const chunks = await collect(
      await createOpenAICompatibleAdapter().stream({ ...request, stream: true }, callWith(fetch)),
    );
    for (const chunk of chunks) expect(chatCompletionChunkSchema.safeParse(chunk).error).toBeUndefined();
    return chunks;
  }

  async function completed(name: string) {
    const fetch = createFakeFetch(() => new Response(fixture(name)));
    const completion = await createOpenAICompatibleAdapter().complete(request, callWith(fetch));
    expect(chatCompletionSchema.safeParse(completion).error).toBeUndefined();
    return completion;
  }

  const text = (chunks: ChatCompletionChunk[]) =>
    chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

  it("ends a stream whose finish reason is the host's own (eos) as a normal stop", async () => {
    const chunks = await streamed('eos-finish-reason.chunks.txt');
    expect(text(chunks)).toBe('Hello there');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it("reads an empty role as the assistant's", async () => {
    const chunks = await streamed('empty-role.chunks.txt');
    expect(text(chunks)).toBe('Hello there');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.role)).toEqual([
      'assistant',
      'assistant',
      'assistant',
    ]);
  });

  it('numbers tool calls sent without an index by their position', async () => {
    const chunks = await streamed('tool-call-without-index.chunks.txt');
    const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(calls.map((call) => [call.index, call.id, call.function?.arguments])).toEqual([
      [0, 'call_paris', '{"location":"Paris"}'],
      [1, 'call_rome', '{"location":"Rome"}'],
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('gives chunks without id, created or model those of the call', async () => {
    const chunks = await streamed('chunk-without-ids.chunks.txt');
    expect(text(chunks)).toBe('Hello there');
    expect(new Set(chunks.map((chunk) => `${chunk.id} ${chunk.created} ${chunk.model}`))).toEqual(
      new Set(['chatcmpl-groq-1000 1 llama-3.3-70b-versatile']),
    );
  });

  it('adds up a usage that comes without its total', async () => {
    const completion = await completed('usage-without-total.json');
    expect(completion.usage).toEqual({ prompt_tokens: 9, completion_tokens: 7, total_tokens: 16 });
  });

  it("passes fields of the provider's own on to the caller, tool calls' included", async () => {
    const completion = await completed('extra-fields.json');
    expect(completion).toMatchObject({
      provider: 'Google',
      system_fingerprint: 'fp_1',
      usage: { total_tokens: 28, cost: 0 },
    });
    expect(completion.choices[0]).toMatchObject({
      native_finish_reason: 'STOP',
      finish_reason: 'tool_calls',
    });
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: 'call_paris',
      extra_content: { google: { thought_signature: 'c2lnbmF0dXJl' } },
    });
  });
});
