import { describe, expect, it } from 'vitest';
import { listModels, streamChatTurn } from './chat-client';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';

const sse = (events: unknown[], done = true) =>
  events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
const chunk = (delta: object) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta, finish_reason: null }],
});
const usage = { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 };

const ask = (fetch: typeof globalThis.fetch, now: () => number) =>
  streamChatTurn({
    fetch,
    baseURL: 'https://freellm.invalid/v1',
    model: 'auto',
    messages: [{ role: 'user', content: 'hi' }],
    onDelta: () => {},
    now,
  });

/** A clock that moves only when the fake transport says so. */
function fakeClock() {
  let time = 1_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('streamChatTurn', () => {
  it('tells how the answer was served: provider, attempts, cache, times and tokens', async () => {
    const clock = fakeClock();
    const sent: unknown[] = [];
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      sent.push(JSON.parse(init?.body as string));
      clock.advance(250);
      // Read as pulled: the first text 250 ms after the question, the rest 500 ms later.
      const parts: [number, string][] = [
        [0, sse([chunk({ content: 'Hel' })], false)],
        [500, sse([chunk({ content: 'lo' }), { ...chunk({}), choices: [], usage }])],
      ];
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            const part = parts.shift();
            if (!part) return controller.close();
            clock.advance(part[0]);
            controller.enqueue(new TextEncoder().encode(part[1]));
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, {
        headers: {
          'x-freellm-provider': 'groq',
          'x-freellm-model': 'llama',
          'x-freellm-attempts': '2',
          'x-freellm-cache': 'miss',
        },
      });
    };
    const result = await ask(fetch, clock.now);
    expect(result.content).toBe('Hello');
    expect(result.figures).toEqual({
      provider: 'groq',
      model: 'llama',
      attempts: 2,
      cache: 'miss',
      firstTokenMs: 250,
      totalMs: 750,
      usage,
    });
    expect(sent[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('has no figures for an answer no provider is named for', async () => {
    const fetch: typeof globalThis.fetch = async () => new Response(sse([chunk({ content: 'x' })]));
    const result = await ask(fetch, () => 0);
    expect(result.figures).toBeUndefined();
  });
});

describe('the chat’s model list', () => {
  it('offers the chat models GET /models lists, not the embedding models', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        object: 'list',
        data: [
          { id: 'auto', object: 'model' },
          { id: 'bge-m3', object: 'model', type: 'embedding' },
          { id: 'mistral/mistral-small-latest', object: 'model' },
          { id: 'mistral/mistral-embed', object: 'model', type: 'embedding' },
        ],
      }),
    );
    expect(
      (await listModels(fetch as typeof globalThis.fetch, 'https://freellm.invalid/v1')).map(
        (model) => model.id,
      ),
    ).toEqual(['auto', 'mistral/mistral-small-latest']);
  });
});
