/**
 * @module The response cache: answers kept in memory (LRU, bounded by bytes) in front of
 * IndexedDB (TTL, total-size cap), so a restarted service worker still has them; plus in-flight
 * de-duplication and the counters the options page shows. Answers hold what people asked and were
 * told, so they are sealed by the vault in memory and on disk alike: while it is locked nothing
 * can be read (its 423), and no key can be made. Otherwise the cache is an optimization: a
 * storage failure is a miss, never an error for the caller.
 */
import type { ChatCompletion, ChatCompletionRequest } from '../openai/chat';
import type { FreeLLMDatabase } from '../store/database';
import type { Sealed, Vault } from '../vault/vault';
import { isVaultLocked } from '../vault/vault-errors';
import type { z } from 'zod';
import { createCacheKey, createDataKey, type CacheKeyFor, type CachePartition } from './cache-key';
import { fromBase64Vector, toBase64Vector } from '../openai/embeddings';
import { createCacheKeySecret } from './cache-key-secret';
import {
  cachePolicyFor,
  type CachePolicy,
  type CachePolicySettings,
  type RequestHeaders,
} from './cache-policy';
import {
  cacheRecordSchema,
  sealedAnswerSchema,
  sealedBytes,
  sealedVectorSchema,
  type CacheRecord,
} from './cache-record';
import { isFinished } from './completion-chunks';
import { createInflight, type RunOptions, type SharedAnswer, type UpstreamSource } from './inflight';
import { createMemoryLru } from './memory-lru';
import { createWriteBehind, type WriteBehind } from '../store/write-behind';

export interface CacheSettings extends CachePolicySettings {
  /** How long an answer stays valid. Default 24 h. */
  ttlMs?: number;
  /** Cap on the answers kept in IndexedDB; the least recently used go first. Default 64 MiB. */
  maxStoredBytes?: number;
}

export interface ResponseCacheOptions extends CacheSettings {
  db: FreeLLMDatabase;
  now: () => number;
  crypto: Crypto;
  /** Seals the answers and the key secret; locked, it refuses every read with its 423. */
  vault: Pick<Vault, 'seal' | 'open' | 'assertUnlocked'>;
  /** Cap on the answers held in memory. Default 8 MiB. */
  maxMemoryBytes?: number;
  /** Where disk writes wait (the engine shares one queue for its bookkeeping). */
  writeBehind?: WriteBehind;
}

export interface CachedAnswer {
  completion: ChatCompletion;
  /** The routing headers of the call that produced the answer. */
  headers: Record<string, string>;
}

/** What a vector is kept by: the model that made it, the length asked for, and the text. */
export interface KeptVector {
  model: string;
  dimensions?: number;
  text: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  shared: number;
  /** Upstream calls avoided: hits plus requests that joined one in flight. */
  savedUpstreamRequests: number;
  memoryEntries: number;
  memoryBytes: number;
  /** The settings in force, for the options page. */
  ttlMs: number;
  maxStoredBytes: number;
}

export interface ResponseCache {
  /**
   * The request's key within the caller's partition (see CachePartition); `model` is the model the
   * router resolved an alias to (default: as sent). Throws the vault's 423 while locked.
   */
  keyFor: CacheKeyFor;
  /** The key of one text's vector from one model (and length), within the caller's partition. */
  vectorKeyFor(vector: KeptVector, partition: CachePartition): Promise<string>;
  /** A kept vector (a hit), or undefined (a miss). Throws the vault's 423 while locked. */
  getVector(key: string): Promise<number[] | undefined>;
  /** Keeps a vector, sealed, as answers are kept. */
  putVector(key: string, vector: readonly number[]): Promise<void>;
  /** Throws a 400 FreeLLMError when the body's `freellm` option is malformed. */
  policyFor(request: ChatCompletionRequest, headers?: RequestHeaders): CachePolicy;
  /** A fresh copy of the cached answer (counted as a hit), or undefined. Throws the vault's 423 if there is one while locked. */
  get(key: string): Promise<CachedAnswer | undefined>;
  /**
   * Keeps a finished answer, sealed: in memory once sealed, on disk behind. Unfinished ones (no
   * finish_reason) are ignored, and so is an answer the vault, locked meanwhile, cannot seal.
   */
  put(key: string, completion: ChatCompletion, headers?: Record<string, string>): Promise<void>;
  /**
   * Runs `start` once for identical concurrent requests (see Inflight.run); with `share` the
   * answer is kept. `cache` is `miss` for the caller whose call went upstream (counted as a miss),
   * `shared` for joiners (counted as shared), whatever the outcome.
   */
  run(
    key: string,
    start: (signal: AbortSignal) => Promise<UpstreamSource>,
    options: RunOptions,
  ): Promise<SharedAnswer & { cache: 'miss' | 'shared' }>;
  /** Forgets every answer and the key secret (the next key is made under a new one), and resets the counters. */
  clear(): Promise<void>;
  stats(): CacheStats;
  /** Changes settings at run time (from the options page); caps apply from the next write. */
  configure(settings: CacheSettings): void;
}

const DEFAULTS = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxStoredBytes: 64 * 1024 * 1024,
  maxMemoryBytes: 8 * 1024 * 1024,
};
/** lastUsedAt is written back at most this often per entry, so hot hits do not all write to disk. */
const TOUCH_INTERVAL_MS = 60 * 1000;
const EVICTION_BATCH = 32;

interface MemoryEntry {
  sealed: Sealed;
  expiresAt: number;
  lastUsedAt: number;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { db, now, vault } = options;
  const settings: CacheSettings & Required<Pick<CacheSettings, 'ttlMs' | 'maxStoredBytes'>> = {
    ttlMs: DEFAULTS.ttlMs,
    maxStoredBytes: DEFAULTS.maxStoredBytes,
    ...withoutUndefined(options),
  };
  const memory = createMemoryLru<MemoryEntry>(options.maxMemoryBytes ?? DEFAULTS.maxMemoryBytes);
  const counters = { hits: 0, misses: 0, shared: 0 };
  /** Bumped by clear(): an answer sealed or read from disk across a clear is not put back in memory. */
  let clears = 0;
  /** Sum of stored bytes, read once from disk on the first write, then kept up to date. */
  let storedBytes: number | undefined;
  /** Disk writes run one after another (so the running total stays right), after the answer. */
  const writeBehind = options.writeBehind ?? createWriteBehind();
  /** The keys on disk, read once, so a miss costs no disk read. */
  let diskKeys: Promise<Set<string>> | undefined;
  const keysOnDisk = () =>
    (diskKeys ??= db.cache
      .toCollection()
      .primaryKeys()
      .then(
        (keys) => new Set(keys.map(String)),
        () => new Set<string>(),
      ));
  async function dropStored(): Promise<void> {
    await db.cache.clear();
    diskKeys = Promise.resolve(new Set());
    storedBytes = 0;
  }
  const secret = createCacheKeySecret({ db, vault, crypto: options.crypto, onNewSecret: dropStored });
  const keyFor = createCacheKey(options.crypto, secret.get);
  const dataKeyFor = createDataKey(options.crypto, secret.get);
  const inflight = createInflight({
    onJoin: (_key, role) => {
      if (role === 'leader') counters.misses += 1;
      else counters.shared += 1;
    },
    onComplete: (key, completion, headers) => put(key, completion, headers),
  });

  /** A kept entry of `schema`'s shape, counted as a hit. */
  async function read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const at = now();
    const entry = memory.get(key) ?? ((await keysOnDisk()).has(key) ? await load(key) : undefined);
    if (!entry) return undefined;
    if (entry.expiresAt <= at) {
      forget(key);
      return undefined;
    }
    const value = await openEntry(key, entry.sealed, schema);
    if (!value) return undefined;
    if (at - entry.lastUsedAt >= TOUCH_INTERVAL_MS) {
      entry.lastUsedAt = at;
      void writeBehind.queue(() => db.cache.update(key, { lastUsedAt: at }));
    }
    counters.hits += 1;
    return value;
  }

  const get = (key: string): Promise<CachedAnswer | undefined> => read(key, sealedAnswerSchema);

  async function getVector(key: string): Promise<number[] | undefined> {
    const kept = await read(key, sealedVectorSchema);
    if (!kept) counters.misses += 1;
    return kept && fromBase64Vector(kept.vector);
  }

  /** The entry freshly parsed (a copy of its own for the caller); one that does not open or parse is dropped. */
  async function openEntry<T>(key: string, sealed: Sealed, schema: z.ZodType<T>): Promise<T | undefined> {
    let value: unknown;
    try {
      value = JSON.parse(await vault.open(sealed));
    } catch (error) {
      if (isVaultLocked(error)) throw error;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    forget(key);
    return undefined;
  }

  function forget(key: string): void {
    memory.delete(key);
    void writeBehind.queue(() => remove([key]));
  }

  /** Reads a record from disk into memory; a record that does not parse (an older, unsealed one too) is deleted. */
  async function load(key: string): Promise<MemoryEntry | undefined> {
    const clearsBefore = clears;
    const raw = await db.cache.get(key).catch(() => undefined);
    if (!raw || clearsBefore !== clears) return undefined;
    const parsed = cacheRecordSchema.safeParse(raw);
    if (!parsed.success) {
      forget(key);
      return undefined;
    }
    const { sealed, bytes, expiresAt, lastUsedAt } = parsed.data;
    const entry = { sealed, expiresAt, lastUsedAt };
    memory.set(key, entry, bytes);
    return entry;
  }

  async function put(
    key: string,
    completion: ChatCompletion,
    headers: Record<string, string> = {},
  ): Promise<void> {
    if (isFinished(completion)) await keep(key, JSON.stringify({ completion, headers }));
  }

  const putVector = (key: string, vector: readonly number[]) =>
    keep(key, JSON.stringify({ vector: toBase64Vector(vector) }));

  async function keep(key: string, plain: string): Promise<void> {
    const clearsBefore = clears;
    const sealed = await vault.seal(plain).catch(() => undefined);
    if (!sealed || clearsBefore !== clears) return;
    const at = now();
    const record: CacheRecord = {
      key,
      sealed,
      bytes: sealedBytes(sealed),
      createdAt: at,
      expiresAt: at + settings.ttlMs,
      lastUsedAt: at,
    };
    memory.set(key, { sealed, expiresAt: record.expiresAt, lastUsedAt: at }, record.bytes);
    unwritten.set(key, record);
    void writeBehind.once(writeUnwritten);
  }

  /** Answers kept since the last write, written together (the latest per key). */
  const unwritten = new Map<string, CacheRecord>();
  async function writeUnwritten(): Promise<void> {
    const records = [...unwritten.values()];
    unwritten.clear();
    if (records.length === 0) return;
    const total = await currentStoredBytes();
    const previous = await db.cache.bulkGet(records.map((record) => record.key));
    await db.cache.bulkPut(records);
    const onDisk = await keysOnDisk();
    for (const record of records) onDisk.add(record.key);
    storedBytes =
      total -
      previous.reduce((sum, record) => sum + byteCount(record), 0) +
      records.reduce((sum, record) => sum + record.bytes, 0);
    await evict();
  }

  async function currentStoredBytes(): Promise<number> {
    if (storedBytes === undefined) {
      let sum = 0;
      await db.cache.each((record) => {
        sum += byteCount(record);
      });
      storedBytes = sum;
    }
    return storedBytes;
  }

  /** Drops expired records, then the least recently used until the total fits the cap. */
  async function evict(): Promise<void> {
    const expired = await db.cache.where('expiresAt').belowOrEqual(now()).primaryKeys();
    await remove(expired);
    while ((storedBytes ?? 0) > settings.maxStoredBytes) {
      const oldest = await db.cache.orderBy('lastUsedAt').limit(EVICTION_BATCH).toArray();
      if (oldest.length === 0) break;
      const victims: string[] = [];
      let freed = 0;
      for (const record of oldest) {
        if ((storedBytes ?? 0) - freed <= settings.maxStoredBytes) break;
        victims.push(record.key);
        freed += byteCount(record);
      }
      await remove(victims);
    }
  }

  async function remove(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const records = await db.cache.bulkGet(keys);
    await db.cache.bulkDelete(keys);
    const onDisk = await keysOnDisk();
    for (const key of keys) {
      memory.delete(key);
      onDisk.delete(key);
    }
    if (storedBytes !== undefined) storedBytes -= records.reduce((sum, record) => sum + byteCount(record), 0);
  }

  async function run(
    key: string,
    start: (signal: AbortSignal) => Promise<UpstreamSource>,
    runOptions: RunOptions,
  ) {
    const answer = await inflight.run(key, start, runOptions);
    return { ...answer, cache: answer.role === 'leader' ? ('miss' as const) : ('shared' as const) };
  }

  return {
    keyFor,
    vectorKeyFor: (vector, partition) => dataKeyFor({ embedding: vector }, partition),
    getVector,
    putVector,
    policyFor: (request, headers) => cachePolicyFor(request, headers, settings),
    get,
    put,
    run,
    async clear() {
      clears += 1;
      memory.clear();
      unwritten.clear();
      void writeBehind.queue(async () => {
        await secret.forget();
        await dropStored();
      });
      await writeBehind.settled();
      Object.assign(counters, { hits: 0, misses: 0, shared: 0 });
    },
    stats: () => ({
      ...counters,
      savedUpstreamRequests: counters.hits + counters.shared,
      memoryEntries: memory.size,
      memoryBytes: memory.bytes,
      ttlMs: settings.ttlMs,
      maxStoredBytes: settings.maxStoredBytes,
    }),
    configure(next) {
      Object.assign(settings, withoutUndefined(next));
    },
  };
}

/** A stored record's size; a record without a readable size counts as nothing (it is a miss anyway). */
function byteCount(record: Record<string, unknown> | undefined): number {
  const bytes = record?.bytes;
  return typeof bytes === 'number' && Number.isFinite(bytes) ? bytes : 0;
}

function withoutUndefined(settings: CacheSettings): CacheSettings {
  const picked: CacheSettings = {};
  for (const name of ['ttlMs', 'maxStoredBytes', 'maxTemperature', 'cacheSampled'] as const) {
    if (settings[name] !== undefined) Object.assign(picked, { [name]: settings[name] });
  }
  return picked;
}
