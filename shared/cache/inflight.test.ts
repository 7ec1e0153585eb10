import { describe, expect, it, vi } from 'vitest';
import type { ChatCompletion, ChatCompletionChunk } from '../openai/chat';
import { FreeLLMError } from '../openai/error';
import { collect } from '../testing/fake-fetch';
import { replayAsChunks } from './completion-chunks';
import { createInflight, type SharedAnswer, type UpstreamSource } from './inflight';

const completion: ChatCompletion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1764000000,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
};
const chunks = replayAsChunks(completion, { includeUsage: true });
const headers = { 'x-freellm-provider': 'groq' };
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** An upstream stream the test feeds chunk by chunk; it ignores aborts, as a stuck provider would. */
function createFeed() {
  const queue: ChatCompletionChunk[] = [];
  let ended = false;
  let failure: unknown;
  let wake = () => {};
  async function* iterate(): AsyncGenerator<ChatCompletionChunk> {
    for (;;) {
      if (queue.length > 0) yield queue.shift()!;
      else if (failure) throw failure;
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    iterate,
    push: (...items: ChatCompletionChunk[]) => {
      queue.push(...items);
      wake();
    },
    end: () => {
      ended = true;
      wake();
    },
    fail: (error: unknown) => {
      failure = error;
      wake();
    },
  };
}

const streamOf = (answer: SharedAnswer) => {
  if (answer.kind !== 'stream') throw new Error('expected a stream');
  return answer.chunks;
};

describe('in-flight de-duplication', () => {
  it('gives 100 identical concurrent requests one upstream call and the same answer', async () => {
    const inflight = createInflight();
    const start = vi.fn(async () => {
      await settle();
      return { headers, completion } satisfies UpstreamSource;
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => inflight.run('k', start, { stream: false })),
    );
    expect(start).toHaveBeenCalledTimes(1);
    expect(answers.filter((answer) => answer.role === 'leader')).toHaveLength(1);
    for (const answer of answers) expect(answer).toMatchObject({ kind: 'json', completion, headers });
    expect(inflight.size).toBe(0);
  });

  it('streams one upstream call to 100 identical concurrent streaming requests, every chunk to each', async () => {
    const inflight = createInflight();
    const feed = createFeed();
    const start = vi.fn(async () => ({ headers, chunks: feed.iterate() }));
    const runs = Array.from({ length: 100 }, () =>
      inflight
        .run('k', start, { stream: true, includeUsage: true })
        .then((answer) => collect(streamOf(answer))),
    );
    for (const chunk of chunks) {
      feed.push(chunk);
      await settle();
    }
    feed.end();
    const received = await Promise.all(runs);
    expect(start).toHaveBeenCalledTimes(1);
    for (const sequence of received) expect(sequence).toEqual(chunks);
  });

  it('gives a streaming request that joins late the chunks already sent, then the rest', async () => {
    const inflight = createInflight();
    const feed = createFeed();
    const start = vi.fn(async () => ({ headers, chunks: feed.iterate() }));
    const leader = inflight
      .run('k', start, { stream: true, includeUsage: true })
      .then((answer) => collect(streamOf(answer)));
    feed.push(chunks[0]!, chunks[1]!);
    await settle();
    const late = await inflight.run('k', start, { stream: true, includeUsage: true });
    const wholeAnswer = inflight.run('k', start, { stream: false });
    expect(late.role).toBe('follower');
    feed.push(...chunks.slice(2));
    feed.end();
    expect(await collect(streamOf(late))).toEqual(chunks);
    expect(await leader).toEqual(chunks);
    expect(await wholeAnswer).toMatchObject({ kind: 'json', completion });
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('replays a whole answer to a streaming request that joined a non-streamed one, usage only if asked', async () => {
    const inflight = createInflight();
    const start = async () => {
      await settle();
      return { headers, completion };
    };
    const [, withUsage, withoutUsage] = await Promise.all([
      inflight.run('k', start, { stream: false }),
      inflight.run('k', start, { stream: true, includeUsage: true }),
      inflight.run('k', start, { stream: true }),
    ]);
    expect(await collect(streamOf(withUsage!))).toEqual(chunks);
    expect(await collect(streamOf(withoutUsage!))).toEqual(chunks.slice(0, -1));
  });

  it('keeps serving the others when one caller aborts', async () => {
    const inflight = createInflight();
    const feed = createFeed();
    let upstreamSignal: AbortSignal | undefined;
    const start = async (signal: AbortSignal) => {
      upstreamSignal = signal;
      return { headers, chunks: feed.iterate() };
    };
    const quitter = new AbortController();
    const first = inflight.run('k', start, { stream: true, includeUsage: true });
    const second = inflight.run('k', start, { stream: true, includeUsage: true, signal: quitter.signal });
    const firstChunks = collect(streamOf(await first));
    const secondChunks = collect(streamOf(await second));
    feed.push(chunks[0]!);
    await settle();
    quitter.abort();
    await expect(secondChunks).rejects.toMatchObject({ name: 'AbortError' });
    feed.push(...chunks.slice(1));
    feed.end();
    expect(await firstChunks).toEqual(chunks);
    expect(upstreamSignal?.aborted).toBe(false);
  });

  it('cancels the upstream call when every caller aborted, and starts afresh next time', async () => {
    const inflight = createInflight();
    const feed = createFeed();
    const signals: AbortSignal[] = [];
    const start = vi.fn(async (signal: AbortSignal) => {
      signals.push(signal);
      return { headers, chunks: feed.iterate() };
    });
    const callers = [new AbortController(), new AbortController(), new AbortController()];
    const streams = await Promise.all(
      callers.map((caller) => inflight.run('k', start, { stream: true, signal: caller.signal })),
    );
    const waiting = inflight.run('k', start, { stream: false, signal: callers[0]!.signal });
    const reading = streams.map((answer) => collect(streamOf(answer)));
    feed.push(chunks[0]!);
    await settle();
    for (const caller of callers) caller.abort();
    for (const pending of [waiting, ...reading])
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(signals[0]?.aborted).toBe(true);
    expect(inflight.size).toBe(0);
    expect(start).toHaveBeenCalledTimes(1);
    expect(await inflight.run('k', async () => ({ headers, completion }), { stream: false })).toMatchObject({
      role: 'leader',
      completion,
    });
  });

  it('cancels a call still starting when its only caller aborts', async () => {
    const inflight = createInflight();
    const caller = new AbortController();
    let upstreamSignal: AbortSignal | undefined;
    const pending = inflight.run(
      'k',
      (signal) => {
        upstreamSignal = signal;
        return new Promise<UpstreamSource>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
      { stream: false, signal: caller.signal },
    );
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(upstreamSignal?.aborted).toBe(true);
  });

  it('hands an upstream error to every caller, before or during the stream', async () => {
    const refused = new FreeLLMError({
      status: 429,
      type: 'rate_limit_error',
      kind: 'rate_limit',
      message: 'Every provider is rate-limited.',
    });
    const inflight = createInflight();
    const failing = async () => {
      await settle();
      throw refused;
    };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) => inflight.run('a', failing, { stream: index % 2 === 0 })),
    );
    for (const outcome of outcomes) expect(outcome).toEqual({ status: 'rejected', reason: refused });

    const broken = new FreeLLMError({
      status: 502,
      type: 'server_error',
      kind: 'server',
      message: 'groq sent a stream chunk of unexpected shape',
    });
    const feed = createFeed();
    const start = async () => ({ headers, chunks: feed.iterate() });
    const streams = await Promise.all([1, 2, 3].map(() => inflight.run('b', start, { stream: true })));
    const whole = inflight.run('b', start, { stream: false });
    const received = streams.map(async (answer) => {
      const seen: ChatCompletionChunk[] = [];
      try {
        for await (const chunk of streamOf(answer)) seen.push(chunk);
      } catch (error) {
        return { seen, error };
      }
      return { seen };
    });
    feed.push(chunks[0]!);
    await settle();
    feed.fail(broken);
    for (const result of await Promise.all(received))
      expect(result).toEqual({ seen: [chunks[0]], error: broken });
    await expect(whole).rejects.toBe(broken);
  });

  it('passes a shared answer to onComplete once; a refresh starts afresh and an unshared call is not joined', async () => {
    const onComplete = vi.fn();
    const inflight = createInflight({ onComplete });
    const start = vi.fn(async () => {
      await settle();
      return { headers, completion };
    });
    await Promise.all([
      inflight.run('k', start, { stream: false }),
      inflight.run('k', start, { stream: false }),
      inflight.run('k', start, { stream: false, join: false }),
      inflight.run('k', start, { stream: false, join: false, share: false }),
      inflight.run('k', start, { stream: false }),
    ]);
    expect(start).toHaveBeenCalledTimes(3);
    expect(onComplete).toHaveBeenCalledTimes(2);
    expect(onComplete).toHaveBeenCalledWith('k', completion, headers);
  });
});
