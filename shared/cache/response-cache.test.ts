import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema, type ChatCompletion } from '../openai/chat';
import { completion } from '../testing/chat-builders';
import { collect } from '../testing/fake-fetch';
import { openDatabase, type FreeLLMDatabase } from '../store/database';
import { replayAsChunks } from './completion-chunks';
import { createWriteBehind } from '../store/write-behind';
import { createVault, type Vault } from '../vault/vault';
import { createResponseCache, type ResponseCacheOptions } from './response-cache';

const headers = { 'x-freellm-provider': 'groq', 'x-freellm-model': 'llama-3.3-70b-versatile' };
const HOUR = 60 * 60 * 1000;

const PASSPHRASE = 'correct horse battery staple';
const request = chatCompletionRequestSchema.parse({
  model: 'auto',
  messages: [{ role: 'user', content: 'what did I ask?' }],
});

function setup(
  options: Partial<ResponseCacheOptions> = {},
  db: FreeLLMDatabase = openDatabase(`cache-test-${crypto.randomUUID()}`),
) {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const writeBehind = createWriteBehind();
  // Few PBKDF2 iterations: only a lock test sets a passphrase, and it tests the lock, not the derivation.
  const vault: Vault = createVault(db, crypto, { iterations: 1000 });
  const cache = createResponseCache({ db, now: () => clock.now, crypto, vault, writeBehind, ...options });
  /** Disk writes wait behind answers; a test that looks at the disk writes them first. */
  const written = () => writeBehind.settled();
  return { cache, clock, db, vault, written };
}

/** What one answer weighs in the caps, measured on a cache of its own. */
async function weightOf(answer: ChatCompletion): Promise<number> {
  const { cache } = setup();
  await cache.put('probe', answer);
  return cache.stats().memoryBytes;
}

describe('response cache', () => {
  it('answers a kept answer with a fresh copy and its routing headers', async () => {
    const { cache } = setup();
    await cache.put('k', completion('Hello'), headers);
    const first = await cache.get('k');
    expect(first).toEqual({ completion: completion('Hello'), headers });
    first!.completion.choices[0]!.message.content = 'changed by a caller';
    expect((await cache.get('k'))?.completion).toEqual(completion('Hello'));
    expect(await cache.get('other')).toBeUndefined();
  });

  it('forgets an answer once its TTL has passed, on disk too', async () => {
    const { cache, clock, db, written } = setup({ ttlMs: HOUR });
    await cache.put('k', completion('Hello'));
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
    await cache.put('k', completion('Hello'), headers);
    await written();
    const { cache: restarted } = setup({}, db);
    expect(await restarted.get('k')).toEqual({ completion: completion('Hello'), headers });
  });

  it('writes to disk behind the answers: a burst lands together, the latest answer per key', async () => {
    const { cache, db, written } = setup();
    await cache.put('a', completion('first'));
    await cache.put('b', completion('other'));
    await cache.put('a', completion('second'));
    expect(await db.cache.count()).toBe(0);
    expect((await cache.get('a'))?.completion).toEqual(completion('second'));
    await written();
    expect(await db.cache.count()).toBe(2);
    const { cache: restarted } = setup({}, db);
    expect((await restarted.get('a'))?.completion).toEqual(completion('second'));
    expect((await restarted.get('b'))?.completion).toEqual(completion('other'));
  });

  it('treats a damaged record, or one an older version wrote unsealed, as a miss and deletes it', async () => {
    const { cache, clock, db, written } = setup();
    const bytes = 100;
    // Written past the table's type, as an older version or a damaged profile would have.
    await db.table('cache').bulkPut([
      { key: 'damaged', completion: { choices: 'nope' }, expiresAt: 0, lastUsedAt: 0 },
      {
        key: 'unsealed',
        completion: completion('Hello'),
        headers,
        bytes,
        createdAt: clock.now,
        expiresAt: clock.now + HOUR,
        lastUsedAt: clock.now,
      },
      {
        key: 'unopenable',
        sealed: { iv: new Uint8Array(12), data: new Uint8Array(40) },
        bytes,
        createdAt: clock.now,
        expiresAt: clock.now + HOUR,
        lastUsedAt: clock.now,
      },
    ]);
    for (const key of ['damaged', 'unsealed', 'unopenable']) expect(await cache.get(key)).toBeUndefined();
    await written();
    expect(await db.cache.count()).toBe(0);
  });

  it('keeps answers sealed: the disk holds neither what was asked nor what was answered', async () => {
    const { cache, db, written } = setup();
    const key = await cache.keyFor(request, 'https://app.example');
    await cache.put(key, completion('the secret answer'), headers);
    await written();
    const rows = JSON.stringify(await db.cache.toArray(), (_name, value: unknown) =>
      value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
    );
    expect(rows).toContain(key);
    for (const clear of ['the secret answer', 'what did I ask', 'llama-3.3', 'app.example'])
      expect(rows).not.toContain(clear);
    const settings = JSON.stringify(await db.settings.toArray(), (_name, value: unknown) =>
      value instanceof Uint8Array ? [...value] : value,
    );
    expect(settings).toContain('cacheKeySecret');
  });

  it('while the vault is locked, reads nothing from memory or disk, makes no key and deletes nothing', async () => {
    const { cache, db, vault, written } = setup();
    await vault.setPassphrase(PASSPHRASE);
    const key = await cache.keyFor(request, 'https://app.example');
    await cache.put(key, completion('Hello'), headers);
    await written();
    await vault.lock();
    const locked = { status: 423, code: 'vault_locked' };
    await expect(cache.get(key)).rejects.toMatchObject(locked);
    await expect(cache.keyFor(request, 'https://app.example')).rejects.toMatchObject(locked);
    const { cache: restarted } = setup({}, db);
    await expect(restarted.get(key)).rejects.toMatchObject(locked);
    await written();
    expect(await db.cache.count()).toBe(1);
    await vault.unlock(PASSPHRASE);
    expect(await cache.get(key)).toEqual({ completion: completion('Hello'), headers });
    expect(await cache.keyFor(request, 'https://app.example')).toBe(key);
  });

  it('keeps its key secret across restarts, and clear() replaces it', async () => {
    const { cache, db } = setup();
    const key = await cache.keyFor(request, 'https://app.example');
    expect(await setup({}, db).cache.keyFor(request, 'https://app.example')).toBe(key);
    await cache.clear();
    const renewed = await cache.keyFor(request, 'https://app.example');
    expect(renewed).not.toBe(key);
    expect(await setup({}, db).cache.keyFor(request, 'https://app.example')).toBe(renewed);
  });

  it('does not let an answer still being sealed back in after clear()', async () => {
    const { cache, db, written } = setup();
    const sealing = cache.put('k', completion('Hello'), headers);
    await cache.clear();
    await sealing;
    expect(await cache.get('k')).toBeUndefined();
    await written();
    expect(await db.cache.count()).toBe(0);
    expect(cache.stats()).toMatchObject({ memoryEntries: 0, memoryBytes: 0 });
  });

  it('keeps memory under its byte cap while older answers are still served from disk', async () => {
    const size = await weightOf(completion('x'.repeat(100)));
    const { cache, written } = setup({ maxMemoryBytes: size * 2 });
    for (const key of ['a', 'b', 'c']) await cache.put(key, completion('x'.repeat(100)));
    expect(cache.stats()).toMatchObject({ memoryEntries: 2, memoryBytes: size * 2 });
    await written();
    expect(await cache.get('a')).toBeDefined();
  });

  it('evicts the least recently used answers from disk past the stored size cap', async () => {
    const size = await weightOf(completion('x'.repeat(100)));
    const { cache, clock, db, written } = setup({ maxStoredBytes: size * 2 + 10 });
    for (const key of ['a', 'b']) {
      await cache.put(key, completion('x'.repeat(100)));
      await written();
      clock.now += 2 * 60 * 1000;
    }
    await cache.get('a');
    await cache.put('c', completion('x'.repeat(100)));
    await written();
    expect((await db.cache.toCollection().primaryKeys()).sort()).toEqual(['a', 'c']);
    expect(await cache.get('b')).toBeUndefined();
  });

  it('does not keep an answer that never finished', async () => {
    const { cache } = setup();
    await cache.put('k', {
      ...completion('Hel'),
      choices: [{ ...completion('Hel').choices[0]!, finish_reason: null }],
    });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('counts hits, misses and shared calls, and clear() forgets everything', async () => {
    const { cache, db } = setup();
    const start = async () => ({ headers, completion: completion('Hello') });
    const [leader, follower] = await Promise.all([
      cache.run('k', start, { stream: false }),
      cache.run('k', start, { stream: false }),
    ]);
    expect([leader.cache, follower.cache]).toEqual(['miss', 'shared']);
    expect(await cache.get('k')).toBeDefined();
    expect(cache.stats()).toMatchObject({
      hits: 1,
      misses: 1,
      shared: 1,
      savedUpstreamRequests: 2,
      memoryEntries: 1,
    });
    await cache.clear();
    expect(await cache.get('k')).toBeUndefined();
    expect(await db.cache.count()).toBe(0);
    expect(cache.stats()).toMatchObject({
      hits: 0,
      misses: 0,
      shared: 0,
      savedUpstreamRequests: 0,
      memoryEntries: 0,
      memoryBytes: 0,
    });
  });

  it('counts calls that failed upstream too, and keeps nothing from them', async () => {
    const { cache } = setup();
    const failing = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('upstream down');
    };
    const outcomes = await Promise.allSettled([
      cache.run('k', failing, { stream: false }),
      cache.run('k', failing, { stream: true }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 1 });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('keeps a streamed answer, so a later non-streamed identical request is a hit', async () => {
    const { cache } = setup();
    const request = chatCompletionRequestSchema.parse({
      model: 'auto',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const key = await cache.keyFor(request, 'extension', 'groq/llama-3.3-70b-versatile');
    const streamed = await cache.run(
      key,
      async () => ({ headers, chunks: toAsync(replayAsChunks(completion('Hello'), { includeUsage: true })) }),
      { stream: true, includeUsage: true },
    );
    expect(streamed.kind === 'stream' && (await collect(streamed.chunks))).toHaveLength(4);
    const later = await cache.keyFor(
      { ...request, stream: false },
      'extension',
      'groq/llama-3.3-70b-versatile',
    );
    expect((await cache.get(later))?.completion).toEqual(completion('Hello'));
  });

  it('does not keep the answer of a request that may not be stored', async () => {
    const { cache } = setup();
    await cache.run('k', async () => ({ headers, completion: completion('Hello') }), {
      stream: false,
      join: false,
      share: false,
    });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('applies settings changed at run time', async () => {
    const { cache, clock } = setup({ ttlMs: HOUR });
    cache.configure({ ttlMs: 10 * HOUR, maxTemperature: 1.5 });
    await cache.put('k', completion('Hello'));
    clock.now += 5 * HOUR;
    expect(await cache.get('k')).toBeDefined();
    const request = chatCompletionRequestSchema.parse({
      model: 'auto',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 1.4,
    });
    expect(cache.policyFor(request).read).toBe(true);
  });
});

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
