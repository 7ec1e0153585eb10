/**
 * @module The data key that encrypts every provider key, and how it is kept: wrapped (AES-GCM)
 * either by the non-extractable device key or, when the user sets a lock, by a key derived from
 * their passphrase. Changing the lock re-wraps these 32 bytes only; the keys' records stay as they are.
 */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';
import { PBKDF2_MAX_ITERATIONS, decryptBytes, encryptBytes } from './aes-gcm';
import { sealedSchema } from './sealed';
import { vaultChangedMeanwhile } from './vault-errors';

const bytesSchema = z.instanceof(Uint8Array);

export const DATA_KEY_RECORD_ID = 'dataKey';

export const dataKeyRecordSchema = z.discriminatedUnion('wrappedBy', [
  z.object({ id: z.literal(DATA_KEY_RECORD_ID), wrappedBy: z.literal('device'), iv: bytesSchema, data: bytesSchema }),
  z.object({
    id: z.literal(DATA_KEY_RECORD_ID),
    wrappedBy: z.literal('passphrase'),
    iv: bytesSchema,
    data: bytesSchema,
    salt: bytesSchema,
    iterations: z.number().int().min(1).max(PBKDF2_MAX_ITERATIONS),
    /** Idle time after which the unlocked data key is dropped; null: only an explicit lock or a restart. */
    autoLockMs: z.number().int().positive().nullable(),
  }),
]);
export type DataKeyRecord = z.infer<typeof dataKeyRecordSchema>;

export async function loadOrCreateDeviceKey(db: FreeLLMDatabase, crypto: Crypto): Promise<CryptoKey> {
  const existing = await db.deviceKeys.get('device');
  if (existing) return existing.key;
  // Generated outside the transaction: an IndexedDB transaction ends while it awaits WebCrypto.
  const created = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return db.transaction('rw', db.deviceKeys, async () => {
    const raced = await db.deviceKeys.get('device');
    if (raced) return raced.key;
    await db.deviceKeys.add({ id: 'device', key: created });
    return created;
  });
}

export async function readDataKeyRecord(db: FreeLLMDatabase): Promise<DataKeyRecord | undefined> {
  const row = await db.vaultMeta.get(DATA_KEY_RECORD_ID);
  return row === undefined ? undefined : dataKeyRecordSchema.parse(row);
}

/** Usable for encrypt/decrypt, never exportable; the raw bytes are wiped once imported. */
export async function importDataKey(crypto: Crypto, raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}

/**
 * First use of this vault version: make a data key wrapped by the device key, and re-seal under it
 * every key record that version 1 sealed directly with the device key, all in one transaction.
 */
export async function createDataKeyRecord(db: FreeLLMDatabase, crypto: Crypto, deviceKey: CryptoKey): Promise<DataKeyRecord> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const dataKey = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const record: DataKeyRecord = { id: DATA_KEY_RECORD_ID, wrappedBy: 'device', ...(await encryptBytes(crypto, deviceKey, raw)) };
  raw.fill(0);
  const resealed = await resealV1Keys(db, crypto, deviceKey, dataKey);
  return db.transaction('rw', db.vaultMeta, db.keys, async () => {
    const raced = await readDataKeyRecord(db);
    if (raced) return raced;
    for (const { id, before, sealed } of resealed) {
      const current = sealedSchema.safeParse((await db.keys.get(id))?.sealed);
      if (current.success && sameBytes(current.data.iv, before)) await db.keys.update(id, { sealed });
    }
    await db.vaultMeta.put(record);
    return record;
  });
}

async function resealV1Keys(db: FreeLLMDatabase, crypto: Crypto, deviceKey: CryptoKey, dataKey: CryptoKey) {
  const resealed = [];
  for (const row of await db.keys.toArray()) {
    const sealed = sealedSchema.safeParse(row.sealed);
    if (!sealed.success) continue;
    // A record the device key cannot open is left as it is: it fails when used, the others still work.
    const plain = await decryptBytes(crypto, deviceKey, sealed.data).catch(() => undefined);
    if (!plain) continue;
    resealed.push({ id: row.id, before: sealed.data.iv, sealed: await encryptBytes(crypto, dataKey, plain) });
    plain.fill(0);
  }
  return resealed;
}

/** Replaces the record only if nobody else replaced it since `expected` was read. */
export async function replaceDataKeyRecord(db: FreeLLMDatabase, expected: DataKeyRecord, next: DataKeyRecord): Promise<void> {
  await db.transaction('rw', db.vaultMeta, async () => {
    const current = await readDataKeyRecord(db);
    if (!current || !sameBytes(current.iv, expected.iv)) throw vaultChangedMeanwhile();
    await db.vaultMeta.put(next);
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
