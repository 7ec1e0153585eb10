/**
 * An attacker holding copies of the profile, taken at every step, plus the device key's raw bytes
 * (Chromium keeps them in its IndexedDB files; here the device key is made extractable so the test
 * can read them), tries every key it can get at on every ciphertext it has, over and over, and
 * must not open anything stored under a passphrase without it.
 */
import { describe, expect, it } from 'vitest';
import { createChatHistory } from '../chats/chat-history';
import { createKeyRing } from '../keys/key-ring';
import { openDatabase, type FreeLLMDatabase } from '../store/database';
import { decryptBytes, derivePassphraseKey } from './aes-gcm';
import { toBase64 } from './base64';
import { dataKeyRecordSchema } from './data-key-record';
import { sameBytes, sealedSchema, type Sealed } from './sealed';
import { createVault } from './vault';

const ITERATIONS = 1_000;
const OLD_SECRET = 'gsk_stored_before_the_passphrase_1';
const NEW_SECRET = 'gsk_added_under_the_passphrase_22';
const AFTER_CHANGE_SECRET = 'gsk_added_after_the_change_333';

/**
 * The product's crypto, except that the device key it generates can be exported, as an attacker
 * reads it from disk; `beforeDecrypt` lets a test hold the vault in the middle of its work.
 */
function profileCrypto(beforeDecrypt: (data: Uint8Array) => Promise<void> = async () => undefined): Crypto {
  return {
    getRandomValues: <T extends ArrayBufferView>(array: T) => crypto.getRandomValues(array),
    randomUUID: () => crypto.randomUUID(),
    subtle: new Proxy(crypto.subtle, {
      get(subtle, name: keyof SubtleCrypto) {
        if (name === 'generateKey')
          return (algorithm: AesKeyGenParams, _extractable: boolean, usages: KeyUsage[]) =>
            subtle.generateKey(algorithm, true, usages);
        if (name === 'decrypt') {
          return async (algorithm: AesGcmParams, key: CryptoKey, data: Uint8Array<ArrayBuffer>) => {
            await beforeDecrypt(data);
            return subtle.decrypt(algorithm, key, data);
          };
        }
        const member = subtle[name];
        return typeof member === 'function' ? member.bind(subtle) : member;
      },
    }),
  } as Crypto;
}

/** Every record of every table, as a copy of the profile at this moment holds it. */
async function copyOfProfile(db: FreeLLMDatabase): Promise<unknown[]> {
  const tables = await Promise.all(db.tables.map((table) => table.toArray()));
  return tables.flat();
}

/** Every AES-GCM ciphertext in the records, wherever it sits (a data-key record, a key's or a chat's `sealed`). */
function ciphertextsIn(value: unknown, found: Sealed[] = []) {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || ArrayBuffer.isView(value))
    return found;
  const sealed = sealedSchema.safeParse(value);
  if (sealed.success) found.push(sealed.data);
  for (const inner of Object.values(value)) ciphertextsIn(inner, found);
  return found;
}

async function deviceKeyBytes(db: FreeLLMDatabase): Promise<Uint8Array> {
  const device = await db.deviceKeys.get('device');
  return new Uint8Array(await crypto.subtle.exportKey('raw', device!.key));
}

async function aesKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, ['decrypt']);
}

/**
 * Every key the attacker can reach (the device key's bytes, keys derived from passphrases it knows,
 * and any 32 bytes that something it opened turned out to be), tried on every ciphertext until
 * nothing new opens. Returns the keys reached and the texts opened.
 */
async function attack(records: unknown[], deviceKey: Uint8Array, knownPassphrases: string[] = []) {
  const keys = new Map<string, Uint8Array>([[toBase64(deviceKey), deviceKey]]);
  for (const passphrase of knownPassphrases) {
    for (const record of records) {
      const parsed = dataKeyRecordSchema.safeParse(record);
      if (!parsed.success || parsed.data.wrappedBy !== 'passphrase') continue;
      const derived = await derivePassphraseKey(crypto, passphrase, parsed.data.salt, parsed.data.iterations);
      const raw = await decryptBytes(crypto, derived, parsed.data).catch(() => undefined);
      if (raw) keys.set(toBase64(raw), raw);
    }
  }
  const ciphertexts = records.flatMap((record) => ciphertextsIn(record));
  const opened = new Set<string>();
  for (let reached = 0; reached < keys.size;) {
    reached = keys.size;
    for (const raw of [...keys.values()]) {
      const key = await aesKey(raw);
      for (const sealed of ciphertexts) {
        const plain = await decryptBytes(crypto, key, sealed).catch(() => undefined);
        if (!plain) continue;
        opened.add(new TextDecoder().decode(plain));
        if (plain.length === 32) keys.set(toBase64(plain), plain);
      }
    }
  }
  return { keys: new Set(keys.keys()), opened: [...opened] };
}

/** What the user's passphrase gives: the current data key's bytes. */
async function currentDataKey(db: FreeLLMDatabase, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const record = dataKeyRecordSchema.parse(await db.vaultMeta.get('dataKey'));
  if (record.wrappedBy !== 'passphrase') throw new Error('no passphrase set');
  return decryptBytes(
    crypto,
    await derivePassphraseKey(crypto, passphrase, record.salt, record.iterations),
    record,
  );
}

function setup(beforeDecrypt?: (data: Uint8Array) => Promise<void>) {
  const db = openDatabase(`vault-profile-copy-${crypto.randomUUID()}`);
  const now = () => Date.parse('2026-12-01T12:00:00Z');
  const vault = createVault(db, profileCrypto(beforeDecrypt), { now, iterations: ITERATIONS });
  const keyRing = createKeyRing(db, vault, now, () => crypto.randomUUID());
  const chats = createChatHistory(db, vault, now);
  return { db, vault, keyRing, chats };
}

describe('a copy of the profile, with the device key read from it', () => {
  it('opens nothing stored under a passphrase, with every older copy too; the passphrase opens it', async () => {
    const { db, vault, keyRing, chats } = setup();
    await keyRing.add({ providerId: 'groq', secret: OLD_SECRET });
    await chats.save('popup', { turns: [{ role: 'user', content: 'said before the passphrase' }] });
    const copies = [await copyOfProfile(db)];
    await vault.setPassphrase('correct horse battery');
    copies.push(await copyOfProfile(db));
    const added = await keyRing.add({ providerId: 'groq', secret: NEW_SECRET });
    await chats.save('popup', { turns: [{ role: 'user', content: 'said under the passphrase' }] });
    await vault.lock();
    copies.push(await copyOfProfile(db));
    const deviceKey = await deviceKeyBytes(db);

    const { keys, opened } = await attack(copies.flat(), deviceKey);
    // The attack is real: what was stored before the passphrase still opens from the older copy.
    expect(opened).toContain(OLD_SECRET);
    expect(opened).not.toContain(NEW_SECRET);
    expect(opened.join('\n')).not.toContain('said under the passphrase');
    const dataKey = await currentDataKey(db, 'correct horse battery');
    expect(keys).not.toContain(toBase64(dataKey));
    // The copy taken now opens nothing at all: the old data key and old ciphertexts are gone from it.
    expect((await attack(copies.at(-1)!, deviceKey)).opened).toEqual([]);

    const stored = await db.keys.get(added.id);
    expect(new TextDecoder().decode(await decryptBytes(crypto, await aesKey(dataKey), stored!.sealed))).toBe(
      NEW_SECRET,
    );
    await vault.unlock('correct horse battery');
    expect(await keyRing.reveal(added.id)).toBe(NEW_SECRET);
    expect((await chats.get('popup'))?.turns).toEqual([
      { role: 'user', content: 'said under the passphrase' },
    ]);
  });

  it('a key sealed just before the passphrase and written while it is being set is re-sealed under it; one sealed meanwhile waits for the new key', async () => {
    let holdOn: Uint8Array | undefined;
    let reachedReseal!: () => void;
    const reseal = new Promise<void>((resolve) => (reachedReseal = resolve));
    let carryOn!: () => void;
    const carry = new Promise<void>((resolve) => (carryOn = resolve));
    // Holds the vault when it re-seals the first stored key, as another writer's transaction lands.
    const { db, vault, keyRing } = setup(async (data) => {
      if (!holdOn || !sameBytes(data, holdOn)) return;
      holdOn = undefined;
      reachedReseal();
      await carry;
    });
    const first = await keyRing.add({ providerId: 'groq', secret: OLD_SECRET });
    const copies = [await copyOfProfile(db)];
    holdOn = (await db.keys.get(first.id))!.sealed.data;
    const sealedJustBefore = await vault.seal(NEW_SECRET);
    const setting = vault.setPassphrase('correct horse battery');
    await reseal;
    await db.keys.put({
      ...(await db.keys.get(first.id))!,
      id: 'written-meanwhile',
      sealed: sealedJustBefore,
    });
    const sealedMeanwhile = vault.seal(AFTER_CHANGE_SECRET);
    carryOn();
    await setting;
    copies.push(await copyOfProfile(db));

    expect((await attack(copies.flat(), await deviceKeyBytes(db))).opened).not.toContain(NEW_SECRET);
    const restarted = createVault(db, crypto, { iterations: ITERATIONS });
    await restarted.unlock('correct horse battery');
    expect(await restarted.open((await db.keys.get('written-meanwhile'))!.sealed)).toBe(NEW_SECRET);
    expect(await restarted.open(await sealedMeanwhile)).toBe(AFTER_CHANGE_SECRET);
  });

  it('after a passphrase change, the old passphrase with every older copy opens nothing added since', async () => {
    const { db, vault, keyRing } = setup();
    const old = await keyRing.add({ providerId: 'groq', secret: OLD_SECRET });
    const copies = [await copyOfProfile(db)];
    await vault.setPassphrase('the leaked passphrase');
    await keyRing.add({ providerId: 'groq', secret: NEW_SECRET });
    copies.push(await copyOfProfile(db));
    await vault.changePassphrase('the leaked passphrase', 'a fresh passphrase');
    copies.push(await copyOfProfile(db));
    const added = await keyRing.add({ providerId: 'groq', secret: AFTER_CHANGE_SECRET });
    await vault.lock();
    copies.push(await copyOfProfile(db));

    const { keys, opened } = await attack(copies.flat(), await deviceKeyBytes(db), ['the leaked passphrase']);
    expect(opened).toContain(NEW_SECRET);
    expect(opened).not.toContain(AFTER_CHANGE_SECRET);
    expect(keys).not.toContain(toBase64(await currentDataKey(db, 'a fresh passphrase')));

    await expect(vault.unlock('the leaked passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await vault.unlock('a fresh passphrase');
    expect(await keyRing.reveal(added.id)).toBe(AFTER_CHANGE_SECRET);
    expect(await keyRing.reveal(old.id)).toBe(OLD_SECRET);
  });
});
