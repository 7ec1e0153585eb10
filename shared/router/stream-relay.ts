/**
 * @module Streams: a stream is committed to a provider only at its first token (content, reasoning, a tool
 * call or a finish), so anything before it — an HTTP error, an early failure, a silent provider —
 * can still fail over. After it, a failure or a stall (no chunk for `stallMs`) is thrown to the
 * caller (whose view turns it into one error chunk) and the stream ends.
 */
import { carriesToken, reasoningOf, type ChatCompletionChunk } from '../openai/chat';
import { FreeLLMError } from '../openai/error';
import type { Timers } from './run-attempts';

export interface OpenedStream {
  iterator: AsyncIterator<ChatCompletionChunk>;
  /** Chunks read up to and including the first token. */
  head: ChatCompletionChunk[];
  ended: boolean;
}

/** Reads until the first token; throws (so the router fails over) if the stream fails before it. */
export async function openStream(chunks: AsyncIterable<ChatCompletionChunk>): Promise<OpenedStream> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: ChatCompletionChunk[] = [];
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return { iterator, head, ended: true };
      head.push(next.value);
      if (carriesToken(next.value)) return { iterator, head, ended: false };
    }
  } catch (error) {
    void iterator.return?.()?.catch(() => undefined);
    throw error;
  }
}

export interface StreamEnd {
  /** `usage.total_tokens` if the provider reported it. */
  reportedTokens?: number;
  outputChars: number;
}

function stalled(ms: number): FreeLLMError {
  return new FreeLLMError({ status: 504, type: 'server_error', code: 'stream_stalled', message: `The provider sent nothing for ${ms} ms; the stream was ended.` });
}

export async function* relayStream(
  opened: OpenedStream,
  options: { stallMs: number; timers: Timers; abort(reason: unknown): void; done(end: StreamEnd): Promise<void> },
): AsyncGenerator<ChatCompletionChunk> {
  const { iterator } = opened;
  const end: StreamEnd = { outputChars: 0 };
  const account = (chunk: ChatCompletionChunk) => {
    for (const choice of chunk.choices) {
      end.outputChars += (choice.delta.content?.length ?? 0) + reasoningOf(choice.delta).length + (choice.delta.tool_calls?.reduce((sum, call) => sum + (call.function?.arguments?.length ?? 0), 0) ?? 0);
    }
    if (chunk.usage) end.reportedTokens = chunk.usage.total_tokens;
    return chunk;
  };
  let finished = opened.ended;
  try {
    for (const chunk of opened.head) yield account(chunk);
    while (!finished) {
      const next = await nextWithin(iterator, options.stallMs, options.timers);
      if (next === 'stalled') {
        const error = stalled(options.stallMs);
        options.abort(error);
        throw error;
      } else if (next.done) finished = true;
      else yield account(next.value);
    }
  } finally {
    // A stalled read may never settle, so the iterator is closed without waiting for it.
    void iterator.return?.()?.catch(() => undefined);
    await options.done(end);
  }
}

function nextWithin<T>(iterator: AsyncIterator<T>, ms: number, timers: Timers): Promise<IteratorResult<T> | 'stalled'> {
  return new Promise((resolve, reject) => {
    const handle = timers.setTimeout(() => resolve('stalled'), ms);
    iterator.next().then(
      (next) => (timers.clearTimeout(handle), resolve(next)),
      (error: unknown) => (timers.clearTimeout(handle), reject(error)),
    );
  });
}
