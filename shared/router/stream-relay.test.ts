import { describe, expect, it } from 'vitest';
import { collect, sseResponse, type RecordedCall } from '../testing/fake-fetch';
import { ask, chunk, errorResponse, extension } from '../testing/chat-builders';
import { hostOf, routingKit } from '../testing/routing-test-kit';

const GROQ = { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' };
const CEREBRAS = { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' };
const role = chunk({ role: 'assistant', content: '' });
const good = () => sseResponse([role, chunk({ content: 'Hi' }), chunk({}, 'stop')]);
const streamOf = (text: string, { close = true } = {}) =>
  new Response(
    new ReadableStream({
      start: (controller) => (
        controller.enqueue(new TextEncoder().encode(text)),
        close ? controller.close() : undefined
      ),
    }),
    {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    },
  );

/** A body that delivers `text`, then fails the next read as fetch does when the connection resets. */
const breaksAfter = (text: string) => {
  let reads = 0;
  return new Response(
    new ReadableStream({
      pull: (controller) =>
        reads++ === 0
          ? controller.enqueue(new TextEncoder().encode(text))
          : controller.error(new TypeError('network error')),
    }),
    {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    },
  );
};

describe('streaming failover', () => {
  it('fails over when a stream breaks after its role chunk but before the first token', async () => {
    const broken = () =>
      streamOf(`data: ${role}\n\ndata: {"error":{"message":"upstream died","code":"server_error"}}\n\n`);
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? broken() : good()), {
      keys: [GROQ, CEREBRAS],
    });
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    if (answer.kind !== 'stream') throw new Error(`expected a stream, got ${answer.status}`);
    expect(answer.headers).toMatchObject({ 'x-freellm-provider': 'cerebras', 'x-freellm-attempts': '2' });
    const chunks = await collect(answer.chunks);
    expect(
      chunks.map((item) => ('choices' in item ? (item.choices[0]?.delta.content ?? null) : 'error')),
    ).toEqual(['', 'Hi', null]);
  });

  it('does not fail over after the first token: the caller gets an error chunk', async () => {
    const kit = await routingKit(
      () => streamOf(`data: ${chunk({ content: 'Hel' })}\n\ndata: {"error":{"message":"boom"}}\n\n`),
      { keys: [GROQ, CEREBRAS] },
    );
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    if (answer.kind !== 'stream') throw new Error('expected a stream');
    const chunks = await collect(answer.chunks);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toHaveProperty('error');
    expect(kit.fetch.calls).toHaveLength(1);
  });

  it('a connection that breaks after the first token ends the stream with an error naming the provider, and the attempt is logged as failed', async () => {
    const kit = await routingKit(
      () => breaksAfter(`data: ${role}\n\ndata: ${chunk({ content: 'Hello' })}\n\n`),
      { keys: [GROQ, CEREBRAS] },
    );
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    if (answer.kind !== 'stream') throw new Error('expected a stream');
    const chunks = await collect(answer.chunks);
    expect(chunks.at(-2)).toMatchObject({ choices: [{ delta: { content: 'Hello' } }] });
    expect(chunks.at(-1)).toEqual({
      error: {
        message: "Groq's stream broke off after 5 characters: network error",
        type: 'server_error',
        code: 'upstream_stream_broken',
        param: null,
      },
    });
    expect(kit.fetch.calls).toHaveLength(1);
    const [entry] = await kit.engine.requestLog();
    expect(entry).toMatchObject({
      status: 502,
      provider: 'groq',
      attempts: [{ provider: 'groq', outcome: 'server' }],
    });
  });

  it('a connection that breaks before the first token is the provider failing: the router fails over', async () => {
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.groq.com' ? breaksAfter(`data: ${role}\n\n`) : good()),
      { keys: [GROQ, CEREBRAS] },
    );
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    expect(answer.headers).toMatchObject({ 'x-freellm-provider': 'cerebras', 'x-freellm-attempts': '2' });
    if (answer.kind === 'stream') await collect(answer.chunks);
    const [entry] = await kit.engine.requestLog();
    expect(entry?.attempts.map((attempt) => attempt.outcome)).toEqual(['server', 'ok']);
  });

  it('the caller leaving mid-stream is no failure of the provider: its attempt stays ok', async () => {
    const endless = (call: RecordedCall) =>
      new Response(
        new ReadableStream({
          start: (controller) => {
            controller.enqueue(new TextEncoder().encode(`data: ${chunk({ content: 'Hel' })}\n\n`));
            call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
          },
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      );
    const kit = await routingKit(endless, { keys: [GROQ, CEREBRAS] });
    const caller = new AbortController();
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension, caller.signal);
    if (answer.kind !== 'stream') throw new Error('expected a stream');
    const iterator = answer.chunks[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    caller.abort(new DOMException('The page aborted the request.', 'AbortError'));
    expect((await pending).value).toMatchObject({ error: { code: 'aborted' } });
    expect((await iterator.next()).done).toBe(true);
    const [entry] = await kit.engine.requestLog();
    expect(entry).toMatchObject({ status: 499, attempts: [{ provider: 'groq', outcome: 'ok' }] });
  });

  it('commits to a reasoning model once it starts reasoning, and hands the reasoning on', async () => {
    const reasoningThenBroken = () =>
      streamOf(
        `data: ${role}\n\ndata: ${chunk({ reasoning_content: 'Let me think.' })}\n\ndata: {"error":{"message":"boom"}}\n\n`,
      );
    const kit = await routingKit(reasoningThenBroken, { keys: [GROQ, CEREBRAS] });
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    if (answer.kind !== 'stream') throw new Error('expected a stream');
    const chunks = await collect(answer.chunks);
    expect(chunks[1]).toMatchObject({ choices: [{ delta: { reasoning_content: 'Let me think.' } }] });
    expect(chunks.at(-1)).toHaveProperty('error');
    // Reasoning is output the provider produced: no second provider was asked.
    expect(kit.fetch.calls).toHaveLength(1);
  });

  it('fails over a stream refused with HTTP 429 before it started', async () => {
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.groq.com' ? errorResponse(429, 'slow down') : good()),
      { keys: [GROQ, CEREBRAS] },
    );
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    expect(answer.headers['x-freellm-provider']).toBe('cerebras');
  });

  it('ends a stream that stalls after its first token with an error chunk (watchdog)', async () => {
    const kit = await routingKit(() => streamOf(`data: ${chunk({ content: 'Hi' })}\n\n`, { close: false }), {
      keys: [GROQ],
      settings: { streamStallMs: 10_000 },
    });
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    if (answer.kind !== 'stream') throw new Error('expected a stream');
    const iterator = answer.chunks[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ choices: [{ delta: { content: 'Hi' } }] });
    const pending = iterator.next();
    await kit.timers.untilSet(10_000);
    kit.timers.advance(10_000);
    expect((await pending).value).toMatchObject({
      error: {
        code: 'stream_stalled',
        message: "Groq's stream broke off after 2 characters: nothing came for 10000 ms",
      },
    });
    expect((await iterator.next()).done).toBe(true);
    expect((await kit.engine.requestLog())[0]).toMatchObject({
      status: 504,
      attempts: [{ outcome: 'timeout' }],
    });
  });

  it('a stream silent before its first token times out and fails over', async () => {
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.groq.com' ? streamOf(`data: ${role}\n\n`, { close: false }) : good()),
      { keys: [GROQ, CEREBRAS], settings: { attemptTimeoutMs: 3_000 } },
    );
    const pending = kit.engine.chat(ask('hi', { stream: true }), extension);
    await kit.untilCalled();
    kit.timers.advance(3_000);
    expect((await pending).headers['x-freellm-provider']).toBe('cerebras');
  });

  it('fails over when the connection breaks before the first token (a bare network error on the body)', async () => {
    const cut = () =>
      new Response(
        new ReadableStream({
          start: (controller) => (
            controller.enqueue(new TextEncoder().encode(`data: ${role}\n\n`)),
            controller.error(new TypeError('network error'))
          ),
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      );
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? cut() : good()), {
      keys: [GROQ, CEREBRAS],
    });
    const answer = await kit.engine.chat(ask('hi', { stream: true }), extension);
    expect(answer.headers).toMatchObject({ 'x-freellm-provider': 'cerebras', 'x-freellm-attempts': '2' });
  });
});
