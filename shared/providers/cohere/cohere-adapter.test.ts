import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { collect, createFakeFetch, jsonResponse, sseResponse, withChoices } from '../../testing/fake-fetch';
import { adapterCall, FAMILY_TARGETS } from '../../testing/adapter-call';
import { readFixtures } from '../../testing/read-fixtures';
import type { FetchLike } from '../types';
import { createCohereAdapter } from './cohere-adapter';

const { fixture, chunkLines } = readFixtures(import.meta.url);

const request: ChatCompletionRequest = { model: 'auto', messages: [{ role: 'user', content: 'Hi' }] };
const streamRequest: ChatCompletionRequest = { ...request, stream: true };
const adapter = createCohereAdapter();

const callWith = (fetch: FetchLike) => adapterCall(fetch, FAMILY_TARGETS.cohere, 1_700_000_000_000);

describe('Cohere adapter', () => {
  it('posts to /v2/chat with a Bearer key and maps the answer', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const completion = await adapter.complete(request, callWith(fetch));
    const [sent] = fetch.calls;
    expect(sent?.url).toBe('https://api.cohere.com/v2/chat');
    expect(sent?.headers.get('authorization')).toBe('Bearer co-test-key');
    expect(sent?.body).toEqual({
      model: 'command-a-03-2025',
      stream: false,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion).toEqual({
      id: 'chatcmpl-e7592632-1e3d-424f-b129-bd5f9f980f7b',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'command-a-03-2025',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'The capital of France is Paris.' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 507, completion_tokens: 10, total_tokens: 517 },
    });
  });

  it('maps tool calls, giving a call without arguments an empty object', async () => {
    const completion = await adapter.complete(
      request,
      callWith(createFakeFetch(() => new Response(fixture('tool-call.json')))),
    );
    expect(completion.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'get_weather_dqgshstja6p9',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
          },
          {
            id: 'current_time_tf4dywn8wgnk',
            type: 'function',
            function: { name: 'current_time', arguments: '{}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    });
  });

  it('streams text: role chunk first, content deltas, one finish chunk', async () => {
    const fetch = createFakeFetch(() => sseResponse(chunkLines('text.chunks.txt')));
    const chunks = withChoices(await collect(await adapter.stream(streamRequest, callWith(fetch))));
    expect(fetch.calls[0]?.body.stream).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'The capital' },
      { content: ' is' },
      { content: ' Paris.' },
      {},
    ]);
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual([null, null, null, null, 'stop']);
    expect(chunks.every((chunk) => chunk.id === 'chatcmpl-321d178c-2c12-44d3-ae42-2f5510f6b1cc')).toBe(true);
  });

  it('ends the stream with a usage chunk, asked for or not (the engine shows it only to callers who asked)', async () => {
    const fetch = createFakeFetch(() => sseResponse(chunkLines('text.chunks.txt'), { done: false }));
    const chunks = await collect(await adapter.stream(streamRequest, callWith(fetch)));
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 507, completion_tokens: 10, total_tokens: 517 },
    });
  });

  it('streams tool calls in the OpenAI delta shape', async () => {
    const fetch = createFakeFetch(() => sseResponse(chunkLines('tool-call.chunks.txt')));
    const chunks = withChoices(await collect(await adapter.stream(streamRequest, callWith(fetch))));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '' },
      {
        tool_calls: [
          {
            index: 0,
            id: 'get_weather_e8p4pn45zt0t',
            type: 'function',
            function: { name: 'get_weather', arguments: '' },
          },
        ],
      },
      { tool_calls: [{ index: 0, function: { arguments: '{"location":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: ' "Paris"}' } }] },
      {
        tool_calls: [
          {
            index: 1,
            id: 'current_time_y46ar19t5gvw',
            type: 'function',
            function: { name: 'current_time', arguments: '' },
          },
        ],
      },
      { tool_calls: [{ index: 1, function: { arguments: '{}' } }] },
      {},
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('turns a stream without message-end into a classified server error', async () => {
    const fetch = createFakeFetch(() =>
      sseResponse(chunkLines('text.chunks.txt').slice(0, 4), { done: false }),
    );
    await expect(collect(await adapter.stream(streamRequest, callWith(fetch)))).rejects.toMatchObject({
      kind: 'server',
      code: 'upstream_malformed',
      provider: 'cohere',
    });
  });

  it('turns garbage and mid-stream error envelopes into classified errors', async () => {
    const first = chunkLines('text.chunks.txt')[0] ?? '';
    await expect(
      collect(
        await adapter.stream(
          streamRequest,
          callWith(createFakeFetch(() => sseResponse([first, 'not json']))),
        ),
      ),
    ).rejects.toMatchObject({ kind: 'server', code: 'upstream_malformed' });
    await expect(
      collect(
        await adapter.stream(
          streamRequest,
          callWith(createFakeFetch(() => sseResponse([first, '{"message":"internal error"}']))),
        ),
      ),
    ).rejects.toMatchObject({ kind: 'server', message: expect.stringContaining('internal error') });
  });

  it('raises a generation that finished with ERROR as a server error', async () => {
    const body = { id: 'x', message: { role: 'assistant', content: [] }, finish_reason: 'ERROR' };
    await expect(
      adapter.complete(request, callWith(createFakeFetch(() => jsonResponse(body)))),
    ).rejects.toMatchObject({ kind: 'server', message: expect.stringContaining('ERROR') });
  });

  it('classifies an error answer before the stream starts, so the router can fail over', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('monthly-limit.error.json'), { status: 429 }));
    await expect(adapter.stream(streamRequest, callWith(fetch))).rejects.toMatchObject({
      kind: 'quota_exhausted',
      provider: 'cohere',
    });
  });
});
