/**
 * @module In-flight de-duplication: identical requests that arrive while the first is running
 * share its upstream call. Each caller gets its own view; a streaming caller that joins late
 * gets the chunks already sent, then the rest as they come. The upstream call is cancelled only
 * when every caller has gone, and its failure reaches every caller.
 */
import type { ChatCompletion, ChatCompletionChunk } from '../openai/chat';
import { assembleCompletion, replayAsChunks } from './completion-chunks';

/** What the engine's upstream call produced: a whole answer, or a stream already past its first chunk. */
export type UpstreamSource =
  | { headers: Record<string, string>; completion: ChatCompletion }
  | { headers: Record<string, string>; chunks: AsyncIterable<ChatCompletionChunk> };

/** One caller's view of a shared call. The completion and chunks are shared between callers: read-only. */
export type SharedAnswer =
  | { role: 'leader' | 'follower'; headers: Record<string, string>; kind: 'json'; completion: ChatCompletion }
  | {
      role: 'leader' | 'follower';
      headers: Record<string, string>;
      kind: 'stream';
      chunks: AsyncIterable<ChatCompletionChunk>;
    };

export interface RunOptions {
  /** This caller's signal: aborting it drops this caller only, unless it was the last one. */
  signal?: AbortSignal;
  /** Wants chunks (`true`) or a whole completion. */
  stream: boolean;
  /** Keep the usage chunk (empty `choices`) in this caller's stream; OpenAI's `stream_options.include_usage`. */
  includeUsage?: boolean;
  /** Join an identical call in flight (default true); false starts a fresh one (a refresh). */
  join?: boolean;
  /** Let later identical requests join this call and pass its answer to `onComplete` (default true). */
  share?: boolean;
}

export interface InflightOptions {
  /** Called as each caller starts a call (`leader`) or joins one (`follower`), before any outcome. */
  onJoin?: (key: string, role: 'leader' | 'follower') => void;
  /** Called with a shared call's finished answer before its callers see it finished (the cache writes here). */
  onComplete?: (
    key: string,
    completion: ChatCompletion,
    headers: Record<string, string>,
  ) => Promise<void> | void;
}

export interface Inflight {
  run(
    key: string,
    start: (signal: AbortSignal) => Promise<UpstreamSource>,
    options: RunOptions,
  ): Promise<SharedAnswer>;
  /** How many shared calls are running. */
  readonly size: number;
}

interface Call {
  controller: AbortController;
  participants: number;
  state: 'starting' | 'streaming' | 'done' | 'failed';
  headers: Record<string, string>;
  chunks: ChatCompletionChunk[];
  /** Set when the source was a whole completion, or once the stream ended. */
  completion?: ChatCompletion;
  error?: unknown;
  /** Resolved and replaced on every change, so waiting callers wake up. */
  changed: Promise<void>;
  notify: () => void;
}

export function createInflight(options: InflightOptions = {}): Inflight {
  const calls = new Map<string, Call>();

  function newCall(): Call {
    const call: Call = {
      controller: new AbortController(),
      participants: 0,
      state: 'starting',
      headers: {},
      chunks: [],
      changed: Promise.resolve(),
      notify: () => {},
    };
    const arm = () => {
      call.changed = new Promise((resolve) => {
        call.notify = () => {
          arm();
          resolve();
        };
      });
    };
    arm();
    return call;
  }

  async function pump(
    key: string,
    call: Call,
    start: (signal: AbortSignal) => Promise<UpstreamSource>,
    share: boolean,
  ): Promise<void> {
    const { signal } = call.controller;
    try {
      const source = await start(signal);
      call.headers = source.headers;
      if ('completion' in source) call.completion = source.completion;
      else {
        call.state = 'streaming';
        call.notify();
        await drain(source.chunks, call, signal);
        call.completion = assembleCompletion(call.chunks);
      }
      // Kept before any caller hears it is done: an identical request that follows is then a hit.
      if (share && call.completion)
        await Promise.resolve(options.onComplete?.(key, call.completion, call.headers)).catch(() => {});
      call.state = 'done';
      call.notify();
    } catch (error) {
      call.error = error;
      call.state = 'failed';
      call.notify();
    } finally {
      if (calls.get(key) === call) calls.delete(key);
    }
  }

  async function run(
    key: string,
    start: (signal: AbortSignal) => Promise<UpstreamSource>,
    runOptions: RunOptions,
  ): Promise<SharedAnswer> {
    const { signal, join = true, share = true } = runOptions;
    signal?.throwIfAborted();
    const existing = join ? calls.get(key) : undefined;
    const call = existing ?? newCall();
    const role = existing ? 'follower' : 'leader';
    call.participants += 1;
    options.onJoin?.(key, role);
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      signal?.removeEventListener('abort', leave);
      call.participants -= 1;
      if (call.participants > 0 || call.state === 'done' || call.state === 'failed') return;
      if (calls.get(key) === call) calls.delete(key);
      call.controller.abort(signal?.reason);
    };
    signal?.addEventListener('abort', leave);
    if (!existing) {
      if (share) calls.set(key, call);
      void pump(key, call, start, share);
    }
    try {
      while (call.state === 'starting' || (call.state === 'streaming' && !runOptions.stream))
        await untilChanged(call, signal);
      if (call.state === 'failed') throw call.error;
      if (!runOptions.stream && call.completion) {
        leave();
        return { role, headers: call.headers, kind: 'json', completion: call.completion };
      }
      return { role, headers: call.headers, kind: 'stream', chunks: follow(call, runOptions, leave) };
    } catch (error) {
      leave();
      throw error;
    }
  }

  return {
    run,
    get size() {
      return calls.size;
    },
  };
}

/** Reads the upstream stream into the call's buffer; stops at once when the call is cancelled. */
async function drain(
  source: AsyncIterable<ChatCompletionChunk>,
  call: Call,
  signal: AbortSignal,
): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  const aborted = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      call.chunks.push(next.value);
      call.notify();
    }
  } finally {
    // Not awaited: a generator stuck in a pending read would only answer `return` after it.
    iterator.return?.()?.catch(() => {});
  }
}

/** One caller's stream: the buffered chunks, then live ones; a usage-only chunk only if asked for. */
async function* follow(
  call: Call,
  options: RunOptions,
  leave: () => void,
): AsyncGenerator<ChatCompletionChunk> {
  const keep = (chunk: ChatCompletionChunk) => options.includeUsage === true || chunk.choices.length > 0;
  try {
    if (call.chunks.length === 0 && call.completion) {
      yield* replayAsChunks(call.completion, { includeUsage: options.includeUsage === true });
      return;
    }
    let position = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      while (position < call.chunks.length) {
        const chunk = call.chunks[position++]!;
        if (keep(chunk)) yield chunk;
        options.signal?.throwIfAborted();
      }
      if (call.state === 'done') return;
      if (call.state === 'failed') throw call.error;
      await untilChanged(call, options.signal);
    }
  } finally {
    leave();
  }
}

/** Waits for the call's next change, or rejects with the caller's abort reason. */
function untilChanged(call: Call, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return call.changed;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    call.changed.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
