/**
 * @module Benchmark of the response cache (issue 7). Measures the whole hit path (key hashing,
 * lookup, building the answer) and checks that 100 identical concurrent requests, streamed and
 * not, make one upstream call and all get the same full answer.
 * Run: `node --import tsx bench/cache-bench.ts`; a bench runner can call `runCacheBench()`.
 */
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createResponseCache, replayAsChunks, type ResponseCache, type UpstreamSource } from '../shared/cache/index';
import { normalizeRequest, stableStringify } from '../shared/cache/cache-key';
import { chatCompletionRequestSchema, type ChatCompletion, type ChatCompletionChunk, type ChatCompletionRequest } from '../shared/openai/chat';
import { encodeSseData } from '../shared/sse/encode-sse';
import { openDatabase } from '../shared/store/database';
import { createVault } from '../shared/vault/vault';

const ITERATIONS = 2000;
const WARMUP = 200;
const CONCURRENT = 100;

const request: ChatCompletionRequest = chatCompletionRequestSchema.parse({
  model: 'auto',
  temperature: 0.2,
  messages: [
    { role: 'system', content: 'You are a concise assistant. '.repeat(20) },
    { role: 'user', content: 'Summarize the plot of Hamlet in three sentences. '.repeat(10) },
  ],
  tools: [{ type: 'function', function: { name: 'lookup', description: 'Look a title up', parameters: { type: 'object', properties: { title: { type: 'string' } } } } }],
});

const completion: ChatCompletion = {
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1764000000, model: 'llama-3.3-70b-versatile',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hamlet avenges his father. '.repeat(80) }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 400, completion_tokens: 500, total_tokens: 900 },
};
/** A page's origin: answers are kept per caller. */
const PARTITION = 'https://app.example';
const headers = { 'x-freellm-provider': 'groq', 'x-freellm-model': 'llama-3.3-70b-versatile' };

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

async function timeEach(iterations: number, task: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let index = 0; index < WARMUP; index += 1) await task();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return samples;
}

function newCache(maxMemoryBytes?: number): ResponseCache {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const db = openDatabase(`cache-bench-${crypto.randomUUID()}`);
  return createResponseCache({ db, now: () => clock.now, crypto, vault: createVault(db, crypto), maxMemoryBytes });
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

async function measureHitPath(cache: ResponseCache): Promise<Record<string, number>> {
  await cache.put(await cache.keyFor(request, PARTITION, 'groq/llama-3.3-70b-versatile'), completion, headers);
  const json = await timeEach(ITERATIONS, async () => {
    const hit = await cache.get(await cache.keyFor(request, PARTITION, 'groq/llama-3.3-70b-versatile'));
    if (!hit) throw new Error('expected a hit');
    return JSON.stringify(hit.completion);
  });
  const stream = await timeEach(ITERATIONS, async () => {
    const hit = await cache.get(await cache.keyFor({ ...request, stream: true }, PARTITION, 'groq/llama-3.3-70b-versatile'));
    if (!hit) throw new Error('expected a hit');
    return replayAsChunks(hit.completion, { includeUsage: true }).map(encodeSseData).join('');
  });
  const key = await cache.keyFor(request, PARTITION, 'groq/llama-3.3-70b-versatile');
  const diskOnly = newCache(0);
  await diskOnly.put(key, completion, headers);
  const disk = await timeEach(ITERATIONS / 4, () => diskOnly.get(key));
  const text = stableStringify(normalizeRequest(request));
  const encoder = new TextEncoder();
  const secret = await crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const hmac = await timeEach(ITERATIONS, () => crypto.subtle.sign('HMAC', secret, encoder.encode(text)));
  const sync = await timeEach(ITERATIONS, () => cyrb53(text));
  return {
    hit_json_p50_ms: percentile(json, 0.5),
    hit_json_p95_ms: percentile(json, 0.95),
    hit_stream_p50_ms: percentile(stream, 0.5),
    hit_stream_p95_ms: percentile(stream, 0.95),
    lookup_from_fake_indexeddb_p50_ms: percentile(disk, 0.5),
    hash_hmac_sha256_webcrypto_p50_ms: percentile(hmac, 0.5),
    hash_cyrb53_sync_p50_ms: percentile(sync, 0.5),
  };
}

/** An upstream stream that trickles its chunks, so followers join while it runs. */
async function* trickle(chunks: ChatCompletionChunk[]): AsyncGenerator<ChatCompletionChunk> {
  for (const chunk of chunks) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield chunk;
  }
}

/** 100 identical requests at once through the engine's path: key, cache lookup, shared call. */
async function measureConcurrency(stream: boolean): Promise<{ upstreamCalls: number; identical: boolean }> {
  const cache = newCache();
  const upstreamChunks = replayAsChunks(completion, { includeUsage: true });
  let upstreamCalls = 0;
  const start = async (): Promise<UpstreamSource> => {
    upstreamCalls += 1;
    await new Promise((resolve) => setTimeout(resolve, 2));
    return stream ? { headers, chunks: trickle(upstreamChunks) } : { headers, completion };
  };
  const answers = await Promise.all(Array.from({ length: CONCURRENT }, async () => {
    const key = await cache.keyFor({ ...request, stream }, PARTITION, 'groq/llama-3.3-70b-versatile');
    const hit = await cache.get(key);
    if (hit) return stream ? replayAsChunks(hit.completion, { includeUsage: true }) : hit.completion;
    const shared = await cache.run(key, start, { stream, includeUsage: true });
    if (shared.kind === 'json') return shared.completion;
    const received: ChatCompletionChunk[] = [];
    for await (const chunk of shared.chunks) received.push(chunk);
    return received;
  }));
  const expected = JSON.stringify(stream ? upstreamChunks : completion);
  return { upstreamCalls, identical: answers.every((answer) => JSON.stringify(answer) === expected) };
}

export async function runCacheBench(): Promise<Record<string, number>> {
  const figures = await measureHitPath(newCache());
  const json = await measureConcurrency(false);
  const streamed = await measureConcurrency(true);
  return {
    ...figures,
    concurrent_json_upstream_calls: json.upstreamCalls,
    concurrent_json_all_identical: json.identical ? 1 : 0,
    concurrent_stream_upstream_calls: streamed.upstreamCalls,
    concurrent_stream_all_identical: streamed.identical ? 1 : 0,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runCacheBench();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(36)} ${Number.isInteger(value) ? value : value.toFixed(4)}`);
  const targets = [
    ['cache hit (JSON) p50 < 2 ms', figures.hit_json_p50_ms! < 2],
    ['cache hit (stream) p50 < 2 ms', figures.hit_stream_p50_ms! < 2],
    [`${CONCURRENT} concurrent JSON requests: 1 upstream call, identical answers`, figures.concurrent_json_upstream_calls === 1 && figures.concurrent_json_all_identical === 1],
    [`${CONCURRENT} concurrent streams: 1 upstream call, identical answers`, figures.concurrent_stream_upstream_calls === 1 && figures.concurrent_stream_all_identical === 1],
  ] as const;
  for (const [target, met] of targets) console.log(`${met ? 'PASS' : 'FAIL'}  ${target}`);
  if (targets.some(([, met]) => !met)) process.exitCode = 1;
}
