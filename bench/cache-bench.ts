/**
 * @module Benchmark of the response cache. Measures the whole hit path (key hashing,
 * lookup, building the answer), compares HMAC-SHA-256 keys with a sync hash, and checks that 100
 * identical concurrent requests, streamed and not, make one upstream call and all get the same
 * full answer. Run through `bench/run.ts` (`npm run bench -- cache`).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import {
  createResponseCache,
  replayAsChunks,
  type ResponseCache,
  type ResponseCacheOptions,
  type UpstreamSource,
} from '../shared/cache/index';
import { normalizeRequest, stableStringify } from '../shared/cache/cache-key';
import {
  chatCompletionRequestSchema,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
} from '../shared/openai/chat';
import { encodeSseData } from '../shared/sse/encode-sse';
import { openDatabase } from '../shared/store/database';
import { createWriteBehind } from '../shared/store/write-behind';
import { createVault } from '../shared/vault/vault';
import { measurePairs, spread, type PairedComparison, type Spread } from './paired-comparison';

const ITERATIONS = 2000;
const WARMUP = 200;
export const CONCURRENT = 100;

const request: ChatCompletionRequest = chatCompletionRequestSchema.parse({
  model: 'auto',
  temperature: 0.2,
  messages: [
    { role: 'system', content: 'You are a concise assistant. '.repeat(20) },
    { role: 'user', content: 'Summarize the plot of Hamlet in three sentences. '.repeat(10) },
  ],
  tools: [
    {
      type: 'function',
      function: {
        name: 'lookup',
        description: 'Look a title up',
        parameters: { type: 'object', properties: { title: { type: 'string' } } },
      },
    },
  ],
});

const completion: ChatCompletion = {
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1764000000,
  model: 'llama-3.3-70b-versatile',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hamlet avenges his father. '.repeat(80) },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 400, completion_tokens: 500, total_tokens: 900 },
};
/** A page's origin: answers are kept per caller. */
const PARTITION = 'https://app.example';
const headers = { 'x-freellm-provider': 'groq', 'x-freellm-model': 'llama-3.3-70b-versatile' };

async function timed(task: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

async function timeEach(iterations: number, task: () => Promise<unknown> | unknown): Promise<Spread> {
  for (let index = 0; index < WARMUP; index += 1) await task();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) samples.push(await timed(task));
  return spread(samples);
}

function newCache(options: Pick<ResponseCacheOptions, 'maxMemoryBytes' | 'writeBehind'> = {}): ResponseCache {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const db = openDatabase(`cache-bench-${crypto.randomUUID()}`);
  return createResponseCache({
    db,
    now: () => clock.now,
    crypto,
    vault: createVault(db, crypto),
    ...options,
  });
}

/** cyrb53, a fast sync 53-bit hash, only to compare with WebCrypto's HMAC-SHA-256 (not used by the cache). */
function cyrb53(text: string): number {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return 4294967296 * (2097151 & second) + (first >>> 0);
}

export interface CacheBenchResult {
  /** Key hashing, lookup in memory and building the answer, as JSON or a replayed stream. */
  hitJson: Spread;
  hitStream: Spread;
  lookupFromDisk: Spread;
  /** cyrb53 (A) against HMAC-SHA-256 through WebCrypto (B), per cache key. */
  hashing: PairedComparison;
  concurrentJson: Concurrency;
  concurrentStream: Concurrency;
}

interface Concurrency {
  upstreamCalls: number;
  identical: boolean;
}

async function measureHitPath(
  cache: ResponseCache,
): Promise<Pick<CacheBenchResult, 'hitJson' | 'hitStream' | 'lookupFromDisk' | 'hashing'>> {
  await cache.put(
    await cache.keyFor(request, PARTITION, 'groq/llama-3.3-70b-versatile'),
    completion,
    headers,
  );
  const hitJson = await timeEach(ITERATIONS, async () => {
    const hit = await cache.get(await cache.keyFor(request, PARTITION, 'groq/llama-3.3-70b-versatile'));
    if (!hit) throw new Error('expected a hit');
    return JSON.stringify(hit.completion);
  });
  const hitStream = await timeEach(ITERATIONS, async () => {
    const hit = await cache.get(
      await cache.keyFor({ ...request, stream: true }, PARTITION, 'groq/llama-3.3-70b-versatile'),
    );
    if (!hit) throw new Error('expected a hit');
    return replayAsChunks(hit.completion, { includeUsage: true }).map(encodeSseData).join('');
  });
  const key = await cache.keyFor(request, PARTITION, 'groq/llama-3.3-70b-versatile');
  // Nothing fits its memory, so every hit is read from disk, once the answer has been written.
  const writeBehind = createWriteBehind();
  const diskOnly = newCache({ maxMemoryBytes: 0, writeBehind });
  await diskOnly.put(key, completion, headers);
  await writeBehind.settled();
  const lookupFromDisk = await timeEach(ITERATIONS / 4, async () => {
    if (!(await diskOnly.get(key))) throw new Error('expected a hit from disk');
  });
  const text = stableStringify(normalizeRequest(request));
  const encoder = new TextEncoder();
  const secret = await crypto.subtle.importKey(
    'raw',
    crypto.getRandomValues(new Uint8Array(32)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const hashing = await measurePairs({
    pairs: ITERATIONS,
    warmUp: WARMUP,
    baseline: () => timed(() => cyrb53(text)),
    candidate: () => timed(() => crypto.subtle.sign('HMAC', secret, encoder.encode(text))),
  });
  return { hitJson, hitStream, lookupFromDisk, hashing };
}

/** An upstream stream that trickles its chunks, so followers join while it runs. */
async function* trickle(chunks: ChatCompletionChunk[]): AsyncGenerator<ChatCompletionChunk> {
  for (const chunk of chunks) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield chunk;
  }
}

/** 100 identical requests at once through the engine's path: key, cache lookup, shared call. */
async function measureConcurrency(stream: boolean): Promise<Concurrency> {
  const cache = newCache();
  const upstreamChunks = replayAsChunks(completion, { includeUsage: true });
  let upstreamCalls = 0;
  const start = async (): Promise<UpstreamSource> => {
    upstreamCalls += 1;
    await new Promise((resolve) => setTimeout(resolve, 2));
    return stream ? { headers, chunks: trickle(upstreamChunks) } : { headers, completion };
  };
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      const key = await cache.keyFor({ ...request, stream }, PARTITION, 'groq/llama-3.3-70b-versatile');
      const hit = await cache.get(key);
      if (hit) return stream ? replayAsChunks(hit.completion, { includeUsage: true }) : hit.completion;
      const shared = await cache.run(key, start, { stream, includeUsage: true });
      if (shared.kind === 'json') return shared.completion;
      const received: ChatCompletionChunk[] = [];
      for await (const chunk of shared.chunks) received.push(chunk);
      return received;
    }),
  );
  const expected = JSON.stringify(stream ? upstreamChunks : completion);
  return { upstreamCalls, identical: answers.every((answer) => JSON.stringify(answer) === expected) };
}

export async function runCacheBench(): Promise<CacheBenchResult> {
  return {
    ...(await measureHitPath(newCache())),
    concurrentJson: await measureConcurrency(false),
    concurrentStream: await measureConcurrency(true),
  };
}
