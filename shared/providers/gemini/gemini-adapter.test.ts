import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { collect, createFakeFetch, jsonResponse, sseResponse, withChoices } from '../../testing/fake-fetch';
import { adapterCall, FAMILY_TARGETS } from '../../testing/adapter-call';
import { readFixtures } from '../../testing/read-fixtures';
import type { FetchLike } from '../types';
import { createGeminiAdapter } from './gemini-adapter';

const { fixture, chunkLines } = readFixtures(import.meta.url);
/** Gemini sends no `[DONE]`: its stream ends at EOF. */
const geminiStream = (lines: string[]) => sseResponse(lines, { done: false });

const request: ChatCompletionRequest = { model: 'auto', messages: [{ role: 'user', content: 'Hi' }] };
const streamRequest: ChatCompletionRequest = { ...request, stream: true };
const adapter = createGeminiAdapter();

const callWith = (fetch: FetchLike) => adapterCall(fetch, FAMILY_TARGETS.gemini, 1_700_000_000_000);

describe('Gemini adapter', () => {
  it('posts to generateContent with the key in a header, never in the URL', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const completion = await adapter.complete(request, callWith(fetch));
    const [sent] = fetch.calls;
    expect(sent?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(sent?.url).not.toContain('AIza');
    expect(sent?.headers.get('x-goog-api-key')).toBe('AIzaTestKey');
    expect(sent?.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] });
    expect(completion).toEqual({
      id: 'chatcmpl-Un6LacrVMcjUxs0PmJfWoQc',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello! How can I help you today?' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 4, completion_tokens: 33, total_tokens: 37 },
    });
  });

  it('maps function calls to OpenAI tool calls with synthesized ids', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('tool-call.json')));
    const completion = await adapter.complete(request, callWith(fetch));
    expect(completion.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_m36LaZGyCLz1xs0PtNSB-QU_0',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
          },
          {
            id: 'call_m36LaZGyCLz1xs0PtNSB-QU_1',
            type: 'function',
            function: { name: 'get_time', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    });
  });

  it('streams text: role chunk first, content deltas, one finish chunk', async () => {
    const fetch = createFakeFetch(() => geminiStream(chunkLines('text.chunks.txt')));
    const chunks = withChoices(await collect(await adapter.stream(streamRequest, callWith(fetch))));
    expect(fetch.calls[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'Hello' },
      { content: ' there, friend' },
      { content: '!' },
      {},
    ]);
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual([null, null, null, null, 'stop']);
    expect(
      chunks.every(
        (chunk) =>
          chunk.id === 'chatcmpl-bH6LaZW8Fp_3nsEPqtaSwQ4' && chunk.object === 'chat.completion.chunk',
      ),
    ).toBe(true);
  });

  it('ends the stream with a usage chunk, asked for or not (the engine shows it only to callers who asked)', async () => {
    const fetch = createFakeFetch(() => geminiStream(chunkLines('text.chunks.txt')));
    const chunks = await collect(await adapter.stream(streamRequest, callWith(fetch)));
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 4, completion_tokens: 29, total_tokens: 33 },
    });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams each whole function call as a start fragment plus one arguments fragment', async () => {
    const fetch = createFakeFetch(() => geminiStream(chunkLines('tool-call.chunks.txt')));
    const chunks = withChoices(await collect(await adapter.stream(streamRequest, callWith(fetch))));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '' },
      {
        tool_calls: [
          {
            index: 0,
            id: 'call_b36LacjwM668nsEP2tbsgQQ_0',
            type: 'function',
            function: { name: 'get_weather', arguments: '' },
          },
        ],
      },
      { tool_calls: [{ index: 0, function: { arguments: '{"location":"Paris"}' } }] },
      {
        tool_calls: [
          {
            index: 1,
            id: 'call_b36LacjwM668nsEP2tbsgQQ_1',
            type: 'function',
            function: { name: 'get_time', arguments: '' },
          },
        ],
      },
      { tool_calls: [{ index: 1, function: { arguments: '{"city":"Paris"}' } }] },
      {},
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('turns a stream that ends without a finishReason into a classified server error', async () => {
    const fetch = createFakeFetch(() => geminiStream(chunkLines('text.chunks.txt').slice(0, 2)));
    const stream = await adapter.stream(streamRequest, callWith(fetch));
    await expect(collect(stream)).rejects.toMatchObject({
      kind: 'server',
      code: 'upstream_malformed',
      provider: 'gemini',
    });
  });

  it('turns garbage in the stream into a classified server error', async () => {
    const fetch = createFakeFetch(() => geminiStream([chunkLines('text.chunks.txt')[0] ?? '', '<html>oops']));
    await expect(collect(await adapter.stream(streamRequest, callWith(fetch)))).rejects.toMatchObject({
      kind: 'server',
      code: 'upstream_malformed',
    });
  });

  it('classifies an error Gemini sends inside a 200 stream', async () => {
    const fetch = createFakeFetch(() =>
      geminiStream([chunkLines('text.chunks.txt')[0] ?? '', fixture('stream-error.error.json').trim()]),
    );
    await expect(collect(await adapter.stream(streamRequest, callWith(fetch)))).rejects.toMatchObject({
      kind: 'overloaded',
      status: 503,
    });
  });

  it('classifies an error answer before the stream starts, so the router can fail over', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('daily-quota.error.json'), { status: 429 }));
    await expect(adapter.stream(streamRequest, callWith(fetch))).rejects.toMatchObject({
      kind: 'quota_exhausted',
      retryAfterMs: 37_000,
    });
  });

  it('answers a blocked prompt with a 400 content_filter error, streamed or not', async () => {
    const blocked = {
      promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
      usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
      responseId: 'x',
    };
    const expected = {
      status: 400,
      kind: 'request',
      code: 'content_filter',
      message: expect.stringContaining('PROHIBITED_CONTENT'),
    };
    await expect(
      adapter.complete(request, callWith(createFakeFetch(() => jsonResponse(blocked)))),
    ).rejects.toMatchObject(expected);
    const stream = await adapter.stream(
      streamRequest,
      callWith(createFakeFetch(() => geminiStream([JSON.stringify(blocked)]))),
    );
    await expect(collect(stream)).rejects.toMatchObject(expected);
  });

  it('turns a malformed function call into a classified server error', async () => {
    const body = {
      candidates: [
        {
          content: { parts: [] },
          finishReason: 'MALFORMED_FUNCTION_CALL',
          finishMessage: 'Malformed function call: print(',
        },
      ],
    };
    await expect(
      adapter.complete(request, callWith(createFakeFetch(() => jsonResponse(body)))),
    ).rejects.toMatchObject({ kind: 'server', message: expect.stringContaining('MALFORMED_FUNCTION_CALL') });
  });

  it('rejects a 200 answer that is not JSON', async () => {
    const fetch = createFakeFetch(() => new Response('<html></html>'));
    await expect(adapter.complete(request, callWith(fetch))).rejects.toMatchObject({
      kind: 'server',
      status: 502,
    });
  });
});
