import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk, ChatCompletionRequest } from '../../openai/chat';
import { collect, createFakeFetch, withChoices } from '../../testing/fake-fetch';
import { adapterCall, FAMILY_TARGETS } from '../../testing/adapter-call';
import { readFixtures } from '../../testing/read-fixtures';
import type { FetchLike } from '../types';
import { createAnthropicAdapter } from './anthropic-adapter';

const { fixture, chunkLines } = readFixtures(import.meta.url);

/** Anthropic's wire form: each payload's `type` is also its `event:` line. */
function anthropicSse(lines: string[]): Response {
  const text = lines
    .map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`)
    .join('');
  return new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const request: ChatCompletionRequest = {
  model: 'auto',
  messages: [{ role: 'user', content: 'Hi' }],
  stream: true,
};

const callWith = (fetch: FetchLike) => adapterCall(fetch, FAMILY_TARGETS.anthropic);

async function streamOf(lines: string[], options: Partial<ChatCompletionRequest> = {}) {
  const fetch = createFakeFetch(() => anthropicSse(lines));
  const chunks = await createAnthropicAdapter().stream({ ...request, ...options }, callWith(fetch));
  return { fetch, chunks };
}

const deltas = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta);
const text = (chunks: ChatCompletionChunk[]) =>
  chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

describe('Anthropic adapter: stream', () => {
  it('asks Anthropic to stream', async () => {
    const { fetch } = await streamOf(chunkLines('text.chunks.txt'));
    expect(fetch.calls[0]?.body).toMatchObject({ stream: true, model: 'claude-sonnet-4-5' });
    expect(fetch.calls[0]?.headers.get('anthropic-version')).toBe('2023-06-01');
  });

  it('streams text as OpenAI chunks: role first, content, then one finish chunk', async () => {
    const chunks = withChoices(await collect((await streamOf(chunkLines('text.chunks.txt'))).chunks));
    expect(chunks[0]).toEqual({
      id: 'msg_01QC4g3HwBThD4BaNtBckFDJ',
      object: 'chat.completion.chunk',
      created: 1_764_000_000,
      model: 'claude-sonnet-4-5-20250929',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    expect(text(chunks)).toBe('Hello! How can I help you today?');
    expect(chunks.at(-1)?.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
  });

  it('ends with a usage chunk, asked for or not (the engine shows it only to callers who asked)', async () => {
    const chunks = await collect((await streamOf(chunkLines('text.chunks.txt'))).chunks);
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 },
    });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams tool calls in OpenAI’s delta shape, numbered from 0, with arguments that parse', async () => {
    const chunks = withChoices(await collect((await streamOf(chunkLines('tool-use.chunks.txt'))).chunks));
    const toolDeltas = deltas(chunks).flatMap((delta) => delta?.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(toolDeltas.slice(1, 4)).toEqual([
      { index: 0, function: { arguments: '{"location":' } },
      { index: 0, function: { arguments: ' "San Francisco' } },
      { index: 0, function: { arguments: ', CA", "unit": "fahrenheit"}' } },
    ]);
    expect(toolDeltas[4]).toEqual({
      index: 1,
      id: 'toolu_01X5k3TRMbqvZ9b2c6yq8mVe',
      type: 'function',
      function: { name: 'get_time', arguments: '' },
    });
    const argumentsOf = (index: number) =>
      toolDeltas
        .filter((delta) => delta.index === index)
        .map((delta) => delta.function?.arguments ?? '')
        .join('');
    expect(JSON.parse(argumentsOf(0))).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(JSON.parse(argumentsOf(1))).toEqual({});
    expect(text(chunks)).toBe("Okay, let's check the weather for San Francisco, CA:");
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('reads usage from message_delta when it also reports input tokens', async () => {
    const lines = chunkLines('text.chunks.txt').map((line) =>
      line.includes('"message_delta"')
        ? '{"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"input_tokens":30,"output_tokens":20}}'
        : line,
    );
    const chunks = await collect((await streamOf(lines, { stream_options: { include_usage: true } })).chunks);
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 30, completion_tokens: 20, total_tokens: 50 });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('length');
  });

  it('skips event and delta types it does not know', async () => {
    const lines = chunkLines('text.chunks.txt');
    lines.splice(
      3,
      0,
      '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}',
      '{"type":"brand_new_event","x":1}',
    );
    expect(text(await collect((await streamOf(lines)).chunks))).toBe('Hello! How can I help you today?');
  });

  it('turns a stream cut before message_stop into a classified server error', async () => {
    const { chunks } = await streamOf(chunkLines('text.chunks.txt').slice(0, -1));
    await expect(collect(chunks)).rejects.toMatchObject({
      status: 502,
      kind: 'server',
      code: 'upstream_malformed',
      provider: 'anthropic',
    });
  });

  it('turns an event that is not JSON into a classified server error', async () => {
    const fetch = createFakeFetch(
      () =>
        new Response('event: message_start\ndata: {not json\n\n', {
          headers: { 'content-type': 'text/event-stream' },
        }),
    );
    const chunks = await createAnthropicAdapter().stream(request, callWith(fetch));
    await expect(collect(chunks)).rejects.toMatchObject({ kind: 'server', code: 'upstream_malformed' });
  });

  it('turns an error event after output into a classified error (overloaded mid-stream)', async () => {
    const lines = [...chunkLines('text.chunks.txt').slice(0, 5), fixture('overloaded.error.json').trim()];
    const chunks: ChatCompletionChunk[] = [];
    const failure = (async () => {
      for await (const chunk of (await streamOf(lines)).chunks) chunks.push(chunk);
    })();
    await expect(failure).rejects.toMatchObject({
      status: 529,
      kind: 'overloaded',
      code: 'overloaded_error',
      provider: 'anthropic',
    });
    expect(text(chunks)).toBe('Hello! How can I');
  });

  it('fails on the first read when the error event comes before any output, so the router can fail over', async () => {
    const lines = [...chunkLines('text.chunks.txt').slice(0, 3), fixture('overloaded.error.json').trim()];
    const iterator = (await streamOf(lines)).chunks[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'overloaded' });
  });
});
