import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema, type ChatCompletion } from '../openai/chat';
import { collect } from '../testing/fake-fetch';
import { openDatabase, type FreeLLMDatabase } from '../store/database';
import { replayAsChunks } from './completion-chunks';
import { createWriteBehind } from '../store/write-behind';
import { createResponseCache, type ResponseCacheOptions } from './response-cache';

const answer = (content: string): ChatCompletion => ({
  id: 'chatcmpl-1', object: 'chat.completion', created: 1764000000, model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const headers = { 'x-freellm-provider': 'groq', 'x-freellm-model': 'llama-3.3-70b-versatile' };
const HOUR = 60 * 60 * 1000;

function setup(options: Partial<ResponseCacheOptions> = {}, db: FreeLLMDatabase = openDatabase(`cache-test-${crypto.randomUUID()}`)) {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const writeBehind = createWriteBehind();
  const cache = createResponseCache({ db, now: () => clock.now, crypto, writeBehind, ...options });
  /** Disk writes wait behind answers; a test that looks at the disk writes them first. */
  const written = () => writeBehind.settled();
  return { cache, clock, db, written };
}

describe('response cache', () => {
  it('answers a kept answer with a fresh copy and its routing headers', async () => {
    const { cache } = setup();
    cache.put('k', answer('Hello'), headers);
    const first = await cache.get('k');
    expect(first).toEqual({ completion: answer('Hello'), headers });
    first!.completion.choices[0]!.message.content = 'changed by a caller';
    expect((await cache.get('k'))?.completion).toEqual(answer('Hello'));
    expect(await cache.get('other')).toBeUndefined();
  });

  it('forgets an answer once its TTL has passed, on disk too', async () => {
    const { cache, clock, db, written } = setup({ ttlMs: HOUR });
    cache.put('k', answer('Hello'));
    await written();
    expect(await db.cache.get('k')).toBeDefined();
    clock.now += HOUR - 1;
    expect(await cache.get('k')).toBeDefined();
    clock.now += 1;
    expect(await cache.get('k')).toBeUndefined();
    await written();
    expect(await db.cache.get('k')).toBeUndefined();
  });

  it('survives a restart: a new cache on the same database still has the answer', async () => {
    const { cache, db, written } = setup();
    cache.put('k', answer('Hello'), headers);
    await written();
    const { cache: restarted } = setup({}, db);
    expect(await restarted.get('k')).toEqual({ completion: answer('Hello'), headers });
  });

  it('writes to disk behind the answers: a burst lands together, the latest answer per key', async () => {
    const { cache, db, written } = setup();
    cache.put('a', answer('first'));
    cache.put('b', answer('other'));
    cache.put('a', answer('second'));
    expect(await db.cache.count()).toBe(0);
    expect((await cache.get('a'))?.completion).toEqual(answer('second'));
    await written();
    const stored = await db.cache.bulkGet(['a', 'b']);
    expect(stored.map((record) => (record?.completion as ChatCompletion | undefined)?.choices[0]?.message.content)).toEqual(['second', 'other']);
  });

  it('treats a damaged or outdated record as a miss and deletes it', async () => {
    const { cache, db, written } = setup();
    await db.cache.put({ key: 'k', completion: { choices: 'nope' }, expiresAt: 0, lastUsedAt: 0 });
    expect(await cache.get('k')).toBeUndefined();
    await written();
    expect(await db.cache.get('k')).toBeUndefined();
  });

  it('keeps memory under its byte cap while older answers are still served from disk', async () => {
    const size = JSON.stringify(answer('x'.repeat(100))).length * 2;
    const { cache, written } = setup({ maxMemoryBytes: size * 2 });
    for (const key of ['a', 'b', 'c']) cache.put(key, answer('x'.repeat(100)));
    expect(cache.stats()).toMatchObject({ memoryEntries: 2, memoryBytes: size * 2 });
    await written();
    expect(await cache.get('a')).toBeDefined();
  });

  it('evicts the least recently used answers from disk past the stored size cap', async () => {
    const size = JSON.stringify(answer('x'.repeat(100))).length * 2;
    const { cache, clock, db, written } = setup({ maxStoredBytes: size * 2 + 10 });
    for (const key of ['a', 'b']) {
      cache.put(key, answer('x'.repeat(100)));
      await written();
      clock.now += 2 * 60 * 1000;
    }
    await cache.get('a');
    cache.put('c', answer('x'.repeat(100)));
    await written();
    expect((await db.cache.toCollection().primaryKeys()).sort()).toEqual(['a', 'c']);
    expect(await cache.get('b')).toBeUndefined();
  });

  it('does not keep an answer that never finished', async () => {
    const { cache } = setup();
    cache.put('k', { ...answer('Hel'), choices: [{ ...answer('Hel').choices[0]!, finish_reason: null }] });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('counts hits, misses and shared calls, and clear() forgets everything', async () => {
    const { cache, db } = setup();
    const start = async () => ({ headers, completion: answer('Hello') });
    const [leader, follower] = await Promise.all([cache.run('k', start, { stream: false }), cache.run('k', start, { stream: false })]);
    expect([leader.cache, follower.cache]).toEqual(['miss', 'shared']);
    expect(await cache.get('k')).toBeDefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, shared: 1, savedUpstreamRequests: 2, memoryEntries: 1 });
    await cache.clear();
    expect(await cache.get('k')).toBeUndefined();
    expect(await db.cache.count()).toBe(0);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0, shared: 0, savedUpstreamRequests: 0, memoryEntries: 0, memoryBytes: 0 });
  });

  it('counts calls that failed upstream too, and keeps nothing from them', async () => {
    const { cache } = setup();
    const failing = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('upstream down');
    };
    const outcomes = await Promise.allSettled([cache.run('k', failing, { stream: false }), cache.run('k', failing, { stream: true })]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 1 });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('keeps a streamed answer, so a later non-streamed identical request is a hit', async () => {
    const { cache } = setup();
    const request = chatCompletionRequestSchema.parse({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const key = await cache.keyFor(request, 'groq/llama-3.3-70b-versatile');
    const streamed = await cache.run(key, async () => ({ headers, chunks: toAsync(replayAsChunks(answer('Hello'), { includeUsage: true })) }), { stream: true, includeUsage: true });
    expect(streamed.kind === 'stream' && (await collect(streamed.chunks))).toHaveLength(4);
    const later = await cache.keyFor({ ...request, stream: false }, 'groq/llama-3.3-70b-versatile');
    expect((await cache.get(later))?.completion).toEqual(answer('Hello'));
  });

  it('does not keep the answer of a request that may not be stored', async () => {
    const { cache } = setup();
    await cache.run('k', async () => ({ headers, completion: answer('Hello') }), { stream: false, join: false, share: false });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('applies settings changed at run time', async () => {
    const { cache, clock } = setup({ ttlMs: HOUR });
    cache.configure({ ttlMs: 10 * HOUR, maxTemperature: 1.5 });
    cache.put('k', answer('Hello'));
    clock.now += 5 * HOUR;
    expect(await cache.get('k')).toBeDefined();
    const request = chatCompletionRequestSchema.parse({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], temperature: 1.4 });
    expect(cache.policyFor(request).read).toBe(true);
  });
});

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
