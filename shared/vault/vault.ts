/**
 * @module The only code that sees a key in clear. Keys are sealed with AES-GCM 256 under a
 * non-extractable device key that lives in IndexedDB: the browser can use it, but no script can
 * read its bytes, so a copy of the profile's files holds ciphertext only.
 */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';

export const sealedSchema = z.object({
  iv: z.instanceof(Uint8Array),
  data: z.instanceof(Uint8Array),
});
export type Sealed = z.infer<typeof sealedSchema>;

export interface Vault {
  seal(plain: string): Promise<Sealed>;
  open(sealed: Sealed): Promise<string>;
}

export function createVault(db: FreeLLMDatabase, crypto: Crypto): Vault {
  let deviceKey: Promise<CryptoKey> | undefined;

  async function loadOrCreateDeviceKey(): Promise<CryptoKey> {
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

  function getDeviceKey(): Promise<CryptoKey> {
    deviceKey ??= loadOrCreateDeviceKey().catch((error: unknown) => {
      deviceKey = undefined;
      throw error;
    });
    return deviceKey;
  }

  return {
    async seal(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await getDeviceKey(), new TextEncoder().encode(plain));
      return { iv, data: new Uint8Array(data) };
    },
    async open(sealed) {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, await getDeviceKey(), sealed.data);
      return new TextDecoder().decode(plain);
    },
  };
}
