/**
 * @module Streams: a stream is committed to a provider only at its first token (content, reasoning, a tool
 * call or a finish), so anything before it — an HTTP error, an early failure, a silent provider —
 * can still fail over. After it, a failure or a stall (no chunk for `stallMs`) is thrown to the
 * caller (whose view turns it into one error chunk) and the stream ends. Either way a broken
 * stream is the provider's failure, named after it: a body read that fails (a reset connection)
 * is a plain TypeError, which would otherwise reach the caller as an internal error.
 */
import { carriesToken, reasoningOf, type ChatCompletionChunk } from '../openai/chat';
import { errorWithCode, retold, FreeLLMError, isFreeLLMError } from '../openai/error';
import type { Timers } from './run-attempts';

/** The provider a stream comes from, as errors name it. */
export interface StreamSource {
  providerId: string;
  providerName: string;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** What went wrong, in words: a classified error's message, or a read failure's and its cause's. */
function reasonOf(error: unknown): string {
  if (isFreeLLMError(error)) return error.message;
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** A failure while reading, as the provider's: its classification kept, otherwise a server failure (so it fails over). */
function streamBroke(error: unknown, source: StreamSource, when: string): FreeLLMError {
  const known = isFreeLLMError(error) ? error : undefined;
  const message = `${source.providerName}'s stream broke off ${when}: ${reasonOf(error)}`;
  const details = { provider: source.providerId, cause: error };
  return known ? retold(known, message, details) : errorWithCode('upstream_stream_broken', message, details);
}

export interface OpenedStream {
  iterator: AsyncIterator<ChatCompletionChunk>;
  /** Chunks read up to and including the first token. */
  head: ChatCompletionChunk[];
  ended: boolean;
}

/** Reads until the first token; throws (so the router fails over) if the stream fails before it. */
export async function openStream(
  chunks: AsyncIterable<ChatCompletionChunk>,
  source: StreamSource,
): Promise<OpenedStream> {
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
    // A provider's classified refusal (an error event before any token) keeps its own words.
    throw isFreeLLMError(error) || isAbort(error)
      ? error
      : streamBroke(error, source, 'before its first token');
  }
}

export interface StreamEnd {
  /** `usage.total_tokens` if the provider reported it. */
  reportedTokens?: number;
  outputChars: number;
  /** Why the provider's stream broke off after its first token (not set when the caller left). */
  failure?: FreeLLMError;
}

function stalled(ms: number): FreeLLMError {
  return errorWithCode('stream_stalled', `nothing came for ${ms} ms`);
}

export async function* relayStream(
  opened: OpenedStream,
  options: {
    source: StreamSource;
    stallMs: number;
    timers: Timers;
    abort(reason: unknown): void;
    done(end: StreamEnd): Promise<void>;
  },
): AsyncGenerator<ChatCompletionChunk> {
  const { iterator } = opened;
  const end: StreamEnd = { outputChars: 0 };
  const account = (chunk: ChatCompletionChunk) => {
    for (const choice of chunk.choices) {
      end.outputChars +=
        (choice.delta.content?.length ?? 0) +
        reasoningOf(choice.delta).length +
        (choice.delta.tool_calls?.reduce((sum, call) => sum + (call.function?.arguments?.length ?? 0), 0) ??
          0);
    }
    if (chunk.usage) end.reportedTokens = chunk.usage.total_tokens;
    return chunk;
  };
  // The caller leaving is no failure of the provider's.
  const brokeOff = (error: unknown) =>
    isAbort(error)
      ? error
      : (end.failure = streamBroke(error, options.source, `after ${end.outputChars} characters`));
  let finished = opened.ended;
  try {
    for (const chunk of opened.head) yield account(chunk);
    while (!finished) {
      const next = await nextWithin(iterator, options.stallMs, options.timers).catch((error: unknown) => {
        throw brokeOff(error);
      });
      if (next === 'stalled') {
        const error = stalled(options.stallMs);
        options.abort(error);
        throw brokeOff(error);
      } else if (next.done) finished = true;
      else yield account(next.value);
    }
  } finally {
    // A stalled read may never settle, so the iterator is closed without waiting for it.
    void iterator.return?.()?.catch(() => undefined);
    await options.done(end);
  }
}

function nextWithin<T>(
  iterator: AsyncIterator<T>,
  ms: number,
  timers: Timers,
): Promise<IteratorResult<T> | 'stalled'> {
  return new Promise((resolve, reject) => {
    const handle = timers.setTimeout(() => resolve('stalled'), ms);
    iterator.next().then(
      (next) => (timers.clearTimeout(handle), resolve(next)),
      (error: unknown) => (timers.clearTimeout(handle), reject(error)),
    );
  });
}
