/**
 * @module The only code that sees a key in clear. Keys (and FreeLLM's chats) are sealed with
 * AES-GCM 256 under a random data key. Without a passphrase the data key is wrapped by a
 * non-extractable device key kept in IndexedDB: no script can read its bytes, but the browser
 * keeps them in the profile's files, so a copy of the profile opens everything; this default
 * only keeps keys out of clear text. With a passphrase the data key is wrapped by a PBKDF2-derived
 * key and lives in memory only while unlocked; an idle timeout drops it again. Setting or changing
 * a passphrase makes a new data key and re-seals every record under it: the browser's storage
 * logs may still hold the previous key wrapped by the device key (and the records sealed with
 * it) until they are compacted, so what was stored before stays exposed to a copy of the
 * profile for a while, but nothing stored under the passphrase does.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from './base64';
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import {
  PBKDF2_ITERATIONS,
  decryptBytes,
  derivePassphraseKey,
  encryptBytes,
  newPassphraseSchema,
} from './aes-gcm';
import {
  createDataKeyRecord,
  importDataKey,
  loadOrCreateDeviceKey,
  readDataKeyRecord,
  replaceDataKey,
  replaceDataKeyRecord,
} from './data-key';
import type { DataKeyRecord } from './data-key-record';
import type { Sealed } from './sealed';
import { noPassphrase, passphraseAlreadySet, vaultLocked, wrongPassphrase } from './vault-errors';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

export { sealedSchema, type Sealed } from './sealed';

export interface VaultStatus {
  locked: boolean;
  hasPassphrase: boolean;
  /** Idle time before an automatic lock; null when there is no passphrase or no auto-lock. */
  autoLockMs: number | null;
}

export interface LockOptions {
  /** Lock after this long without use (seal, open, touch); null or absent: never on its own. */
  autoLockMs?: number | null;
}

export interface VaultTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Memory that outlives the host's worker but not the browser (an extension's session storage):
 * MV3 stops an idle service worker after ~30 s, and an unlocked vault must not relock with it.
 */
export interface VaultSession {
  get(): Promise<unknown>;
  set(value: { raw: string; lastUsedAt: number } | null): Promise<void>;
}

export interface VaultOptions {
  /** Where an unlocked data key waits across worker restarts; without it, a restart locks. */
  session?: VaultSession;
  /** The host clock; idle time is measured with it. Without it the vault never auto-locks. */
  now?: () => number;
  /** Optional: drops the unlocked key from memory when the idle time ends, not only at next use. */
  timers?: VaultTimers;
  /** PBKDF2 iterations for new passphrases. Tests pass fewer; the product keeps the default. */
  iterations?: number;
  /** Told when the vault locks (also by itself, when idle) or unlocks, so open pages can show it. */
  onLockChange?: () => void;
  /**
   * Told when a new passphrase replaced the data key, before the vault serves anyone again: copies
   * of sealed records read earlier no longer open. It must not use the vault (it would wait for itself).
   */
  onDataKeyChange?: () => Promise<void> | void;
}

export interface Vault {
  seal(plain: string): Promise<Sealed>;
  /** Throws a `vault_locked` FreeLLMError (423) while locked. */
  open(sealed: Sealed): Promise<string>;
  /** Throws a `vault_locked` FreeLLMError (423) while locked; costs nothing once unlocked. */
  assertUnlocked(): Promise<void>;
  status(): Promise<VaultStatus>;
  setPassphrase(passphrase: string, options?: LockOptions): Promise<void>;
  /** Wrong passphrase: a `wrong_passphrase` FreeLLMError and no change. */
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  changePassphrase(oldPassphrase: string, newPassphrase: string, options?: LockOptions): Promise<void>;
  removePassphrase(passphrase: string): Promise<void>;
  /** User activity: restarts the idle timer while unlocked. */
  touch(): void;
}

const autoLockSchema = z.number().int().positive().nullable();
const sessionSchema = z.object({ raw: z.base64(), lastUsedAt: z.number() });
/** Session writes for activity are spaced out; the idle check tolerates this much slack. */
const SESSION_TOUCH_INTERVAL_MS = 10_000;

interface Unlocked {
  key: CryptoKey;
  autoLockMs: number | null;
  lastUsedAt: number;
  /** The data key's bytes (base64), for the session store; only under a passphrase lock. */
  raw?: string;
}

export function createVault(db: FreeLLMDatabase, crypto: Crypto, options: VaultOptions = {}): Vault {
  const { now } = options;
  // Called unbound: browsers throw "Illegal invocation" when setTimeout gets another `this`.
  const startTimer = options.timers?.setTimeout;
  const stopTimer = options.timers?.clearTimeout;
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  let unlocked: Unlocked | undefined;
  let creating: Promise<DataKeyRecord> | undefined;
  let timer: unknown;
  /** A data key replacement under way: seal and open wait for it, so nothing is sealed under the old key meanwhile. */
  let replacing: Promise<void> | undefined;
  let sessionTouchedAt = 0;
  const session = options.session;

  async function currentRecord(): Promise<DataKeyRecord> {
    const record = await readDataKeyRecord(db);
    if (record) return record;
    creating ??= loadOrCreateDeviceKey(db, crypto)
      .then((deviceKey) => createDataKeyRecord(db, crypto, deviceKey))
      .finally(() => (creating = undefined));
    return creating;
  }

  function idle(state: Unlocked): boolean {
    return state.autoLockMs !== null && now !== undefined && now() - state.lastUsedAt >= state.autoLockMs;
  }

  /** Drops the unlocked key; the host hears of it only when this was an unlocked vault locking. */
  function dropKey(): boolean {
    const wasUnlocked = unlocked !== undefined;
    unlocked = undefined;
    if (timer !== undefined) stopTimer?.(timer);
    timer = undefined;
    void session?.set(null).catch(() => undefined);
    return wasUnlocked;
  }

  function forget(): void {
    if (dropKey()) options.onLockChange?.();
  }

  function keepUnlocked(
    key: CryptoKey,
    autoLockMs: number | null,
    raw?: string,
    lastUsedAt = now?.() ?? 0,
  ): void {
    // Replacing an unlocked key (a changed passphrase) is no change the host needs to hear of.
    const wasUnlocked = dropKey();
    unlocked = { key, autoLockMs, lastUsedAt, raw };
    sessionTouchedAt = 0;
    touch();
    if (!wasUnlocked) options.onLockChange?.();
  }

  /** Unlocked by passphrase: its bytes are copied for the session store before import wipes them. */
  async function unlockWith(
    raw: Uint8Array<ArrayBuffer>,
    autoLockMs: number | null,
    lastUsedAt?: number,
  ): Promise<void> {
    const copy = toBase64(raw);
    keepUnlocked(await importDataKey(crypto, raw), autoLockMs, copy, lastUsedAt);
  }

  /** After a worker restart: the key the user unlocked, if the browser session still holds it. */
  async function restore(record: DataKeyRecord): Promise<void> {
    if (unlocked || record.wrappedBy !== 'passphrase' || !session) return;
    const stored = sessionSchema.safeParse(await session.get().catch(() => undefined));
    if (!stored.success) return;
    await unlockWith(fromBase64(stored.data.raw), record.autoLockMs, stored.data.lastUsedAt);
    if (unlocked && idle(unlocked)) forget();
  }

  function touch(): void {
    if (!unlocked || idle(unlocked)) return;
    unlocked.lastUsedAt = now?.() ?? 0;
    if (session && unlocked.raw && unlocked.lastUsedAt - sessionTouchedAt >= SESSION_TOUCH_INTERVAL_MS) {
      sessionTouchedAt = unlocked.lastUsedAt;
      void session.set({ raw: unlocked.raw, lastUsedAt: unlocked.lastUsedAt }).catch(() => undefined);
    }
    const { autoLockMs } = unlocked;
    if (!startTimer || autoLockMs === null) return;
    if (timer !== undefined) stopTimer?.(timer);
    timer = startTimer(forget, autoLockMs);
  }

  async function unwrap(record: DataKeyRecord, passphrase?: string): Promise<Uint8Array<ArrayBuffer>> {
    if (record.wrappedBy === 'device')
      return decryptBytes(crypto, await loadOrCreateDeviceKey(db, crypto), record);
    const wrapping = await derivePassphraseKey(crypto, passphrase ?? '', record.salt, record.iterations);
    return decryptBytes(crypto, wrapping, record).catch(() => {
      throw wrongPassphrase();
    });
  }

  async function wrapWithPassphrase(
    raw: Uint8Array<ArrayBuffer>,
    passphrase: string,
    autoLockMs: number | null,
  ): Promise<DataKeyRecord> {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const wrapping = await derivePassphraseKey(crypto, passphrase, salt, iterations);
    return {
      id: 'dataKey',
      wrappedBy: 'passphrase',
      ...(await encryptBytes(crypto, wrapping, raw)),
      salt,
      iterations,
      autoLockMs,
    };
  }

  async function dataKey(): Promise<CryptoKey> {
    while (replacing) await replacing.catch(() => undefined);
    if (unlocked && idle(unlocked)) forget();
    if (unlocked) return unlocked.key;
    const record = await currentRecord();
    await restore(record);
    const restored = unlocked as Unlocked | undefined;
    if (restored) return restored.key;
    if (record.wrappedBy === 'passphrase') throw vaultLocked();
    keepUnlocked(await importDataKey(crypto, await unwrap(record)), null);
    return unlocked!.key;
  }

  /** Opens with `key`, or with the device key for a record version 1 sealed straight under it. */
  async function decryptSealed(key: CryptoKey, sealed: Sealed): Promise<Uint8Array<ArrayBuffer>> {
    return decryptBytes(crypto, key, sealed).catch(async (error: unknown) => {
      const legacy = await decryptBytes(crypto, await loadOrCreateDeviceKey(db, crypto), sealed).catch(
        () => undefined,
      );
      if (!legacy) throw error;
      return legacy;
    });
  }

  /**
   * A new passphrase gets a new data key, never written wrapped by the device key: the old one may
   * survive, device-wrapped, in the browser's storage logs, and must not open what is sealed from now on.
   */
  async function replaceWithPassphraseKey(
    record: DataKeyRecord,
    oldRaw: Uint8Array<ArrayBuffer>,
    passphrase: string,
    autoLockMs: number | null,
  ): Promise<void> {
    const oldKey = await importDataKey(crypto, oldRaw);
    const raw = crypto.getRandomValues(new Uint8Array(32));
    // Derived before seal and open are held up: PBKDF2 is the slow part.
    const next = await wrapWithPassphrase(raw, passphrase, autoLockMs);
    const copy = toBase64(raw);
    const key = await importDataKey(crypto, raw);
    while (replacing) await replacing.catch(() => undefined);
    const task = (async () => {
      await replaceDataKey(
        db,
        crypto,
        record,
        next,
        (sealed) => decryptSealed(oldKey, sealed).catch(() => undefined),
        key,
      );
      keepUnlocked(key, autoLockMs, copy);
      await options.onDataKeyChange?.();
    })();
    replacing = task;
    try {
      await task;
    } finally {
      replacing = undefined;
    }
  }

  async function passphraseRecord(): Promise<Extract<DataKeyRecord, { wrappedBy: 'passphrase' }>> {
    const record = await currentRecord();
    if (record.wrappedBy !== 'passphrase') throw noPassphrase();
    return record;
  }

  function parseNew(passphrase: string, lock: LockOptions | undefined, fallback: number | null) {
    parseOrInvalidRequest(newPassphraseSchema, passphrase, { param: 'passphrase' });
    const autoLockMs = autoLockSchema.safeParse(lock?.autoLockMs === undefined ? fallback : lock.autoLockMs);
    if (!autoLockMs.success)
      throw invalidRequest('Auto-lock time must be a positive number of milliseconds, or null', 'autoLockMs');
    return autoLockMs.data;
  }

  return {
    async seal(plain) {
      const key = await dataKey();
      touch();
      return encryptBytes(crypto, key, new TextEncoder().encode(plain));
    },
    async open(sealed) {
      const key = await dataKey();
      touch();
      // The device-key fallback (a version 1 record read just before the migration re-sealed it)
      // is reached only while unlocked, so the lock is not bypassed.
      return new TextDecoder().decode(await decryptSealed(key, sealed));
    },
    async assertUnlocked() {
      await dataKey();
    },
    async status() {
      const record = await readDataKeyRecord(db);
      if (record?.wrappedBy !== 'passphrase')
        return { locked: false, hasPassphrase: false, autoLockMs: null };
      if (unlocked && idle(unlocked)) forget();
      await restore(record);
      return { locked: unlocked === undefined, hasPassphrase: true, autoLockMs: record.autoLockMs };
    },
    async setPassphrase(passphrase, lock) {
      const autoLockMs = parseNew(passphrase, lock, null);
      const record = await currentRecord();
      if (record.wrappedBy === 'passphrase') throw passphraseAlreadySet();
      await replaceWithPassphraseKey(record, await unwrap(record), passphrase, autoLockMs);
    },
    async unlock(passphrase) {
      const record = await currentRecord();
      if (record.wrappedBy === 'device') return;
      await unlockWith(await unwrap(record, passphrase), record.autoLockMs);
    },
    async lock() {
      await passphraseRecord();
      forget();
    },
    async changePassphrase(oldPassphrase, newPassphrase, lock) {
      const record = await passphraseRecord();
      const autoLockMs = parseNew(newPassphrase, lock, record.autoLockMs);
      // A new data key here too: a passphrase that may have leaked must not open what is stored from now on.
      await replaceWithPassphraseKey(record, await unwrap(record, oldPassphrase), newPassphrase, autoLockMs);
    },
    /** The user chose no lock: the current data key is simply wrapped by the device key again. */
    async removePassphrase(passphrase) {
      const record = await passphraseRecord();
      const raw = await unwrap(record, passphrase);
      const deviceKey = await loadOrCreateDeviceKey(db, crypto);
      const next: DataKeyRecord = {
        id: 'dataKey',
        wrappedBy: 'device',
        ...(await encryptBytes(crypto, deviceKey, raw)),
      };
      const key = await importDataKey(crypto, raw);
      await replaceDataKeyRecord(db, record, next);
      keepUnlocked(key, null);
    },
    touch,
  };
}
