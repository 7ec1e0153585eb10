/**
 * @module The data key that seals every provider key and chat, and how it is kept: wrapped
 * (AES-GCM) either by the non-extractable device key or, when the user sets a lock, by a key
 * derived from their passphrase. Setting or changing a passphrase replaces the data key and
 * re-seals every record under the new one (see vault.ts for why); removing the lock re-wraps it.
 */
import type { FreeLLMDatabase } from '../store/database';
import { decryptBytes, encryptBytes } from './aes-gcm';
import { DATA_KEY_RECORD_ID, dataKeyRecordSchema, type DataKeyRecord } from './data-key-record';
import { planReseal, sealedTables, unchangedSincePlan, writeReseal, type Opener } from './reseal';
import { sameBytes } from './sealed';
import { vaultChangedMeanwhile } from './vault-errors';

export async function loadOrCreateDeviceKey(db: FreeLLMDatabase, crypto: Crypto): Promise<CryptoKey> {
  const existing = await db.deviceKeys.get('device');
  if (existing) return existing.key;
  // Generated outside the transaction: an IndexedDB transaction ends while it awaits WebCrypto.
  const created = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
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
 * every record that version 1 sealed directly with the device key, all in one transaction.
 */
export async function createDataKeyRecord(
  db: FreeLLMDatabase,
  crypto: Crypto,
  deviceKey: CryptoKey,
): Promise<DataKeyRecord> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const dataKey = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  const record: DataKeyRecord = {
    id: DATA_KEY_RECORD_ID,
    wrappedBy: 'device',
    ...(await encryptBytes(crypto, deviceKey, raw)),
  };
  raw.fill(0);
  // A record the device key cannot open is left as it is: it fails when used, the others still work.
  const plan = await planReseal(
    db,
    crypto,
    (sealed) => decryptBytes(crypto, deviceKey, sealed).catch(() => undefined),
    dataKey,
  );
  return db.transaction('rw', [db.vaultMeta, ...sealedTables(db)], async () => {
    const raced = await readDataKeyRecord(db);
    if (raced) return raced;
    await writeReseal(plan);
    await db.vaultMeta.put(record);
    return record;
  });
}

/** Records keep being added while a data key is replaced; past this many tries the user is asked to try again. */
const REPLACE_ATTEMPTS = 3;

/**
 * Replaces the data key: `next` (wrapping the new key) takes the place of `expected`, and every
 * sealed record `open` can read is sealed again under `nextKey`, in one transaction. A record
 * added or written again meanwhile (sealed under the old key) makes it start over.
 */
export async function replaceDataKey(
  db: FreeLLMDatabase,
  crypto: Crypto,
  expected: DataKeyRecord,
  next: DataKeyRecord,
  open: Opener,
  nextKey: CryptoKey,
): Promise<void> {
  for (let attempt = 0; attempt < REPLACE_ATTEMPTS; attempt += 1) {
    const plan = await planReseal(db, crypto, open, nextKey);
    const done = await db.transaction('rw', [db.vaultMeta, ...sealedTables(db)], async () => {
      await expectCurrent(db, expected);
      if (!(await unchangedSincePlan(db, plan))) return false;
      await writeReseal(plan);
      await db.vaultMeta.put(next);
      return true;
    });
    if (done) return;
  }
  throw vaultChangedMeanwhile();
}

/** Replaces the record only if nobody else replaced it since `expected` was read. */
export async function replaceDataKeyRecord(
  db: FreeLLMDatabase,
  expected: DataKeyRecord,
  next: DataKeyRecord,
): Promise<void> {
  await db.transaction('rw', db.vaultMeta, async () => {
    await expectCurrent(db, expected);
    await db.vaultMeta.put(next);
  });
}

async function expectCurrent(db: FreeLLMDatabase, expected: DataKeyRecord): Promise<void> {
  const current = await readDataKeyRecord(db);
  if (!current || !sameBytes(current.iv, expected.iv)) throw vaultChangedMeanwhile();
}
