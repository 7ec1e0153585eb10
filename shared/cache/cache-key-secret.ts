/**
 * @module The secret the cache keys are made with, kept sealed by the vault in the `settings` row
 * `cacheKeySecret`: opened once per worker while unlocked, made anew when there is none or it no
 * longer opens (the data key changed). Keys made under a lost secret match nothing again, so a
 * new secret tells its owner to drop the stored answers.
 */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';
import { readSetting, writeSetting } from '../store/kept-setting';
import { fromBase64, toBase64 } from '../vault/base64';
import { sealedSchema, type Vault } from '../vault/vault';
import { isVaultLocked } from '../vault/vault-errors';

export interface CacheKeySecret {
  /** The HMAC key; throws the vault's 423 while locked, even once loaded. */
  get(): Promise<CryptoKey>;
  /** Drops the secret, in memory and on disk: the next key is made under a new one. */
  forget(): Promise<void>;
}

export interface CacheKeySecretOptions {
  db: FreeLLMDatabase;
  vault: Pick<Vault, 'seal' | 'open' | 'assertUnlocked'>;
  crypto: Crypto;
  /** Called when a new secret replaced a missing or unreadable one, before any key is made with it. */
  onNewSecret: () => Promise<void>;
}

const SECRET_SETTING_ID = 'cacheKeySecret';
const storedSecretSchema = z.object({ sealed: sealedSchema });
const secretTextSchema = z.base64();

export function createCacheKeySecret({
  db,
  vault,
  crypto,
  onNewSecret,
}: CacheKeySecretOptions): CacheKeySecret {
  let current: Promise<CryptoKey> | undefined;
  const importKey = (raw: Uint8Array<ArrayBuffer>) =>
    crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

  async function stored(): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const row = await readSetting(db, SECRET_SETTING_ID, storedSecretSchema.optional(), undefined);
    if (!row) return undefined;
    try {
      const text = secretTextSchema.safeParse(await vault.open(row.sealed));
      return text.success ? fromBase64(text.data) : undefined;
    } catch (error) {
      if (isVaultLocked(error)) throw error;
      return undefined;
    }
  }

  async function load(): Promise<CryptoKey> {
    const existing = await stored();
    if (existing) return importKey(existing);
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const sealed = await vault.seal(toBase64(raw));
    await onNewSecret();
    await writeSetting(db, SECRET_SETTING_ID, { sealed });
    return importKey(raw);
  }

  return {
    async get() {
      await vault.assertUnlocked();
      current ??= load().catch((error: unknown) => {
        current = undefined;
        throw error;
      });
      return current;
    },
    async forget() {
      current = undefined;
      await db.settings.delete(SECRET_SETTING_ID);
    },
  };
}
