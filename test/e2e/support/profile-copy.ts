/**
 * What an attacker who copies the browser profile holds, read from an extension page: every record
 * of the extension's IndexedDB database. The device key is used as the CryptoKey the page gets from
 * the database (it decrypts there), which is as good as holding the raw bytes Chromium writes to disk.
 */
import type { Page } from '@playwright/test';

/** Every record of every object store, bytes as `{ base64 }`, CryptoKeys left out (the attack reads the device key itself). */
export async function copyOfProfile(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const db = await request(indexedDB.open('freellm'));
    const names = [...db.objectStoreNames];
    const transaction = db.transaction(names, 'readonly');
    const tables = await Promise.all(names.map((name) => request(transaction.objectStore(name).getAll())));
    db.close();
    const portable = (value: unknown): unknown => {
      if (value instanceof Uint8Array) return { base64: btoa(String.fromCharCode(...value)) };
      if (value instanceof CryptoKey) return { cryptoKey: true };
      if (Array.isArray(value)) return value.map(portable);
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, portable(inner)]));
      return value;
    };
    return tables.flat().map(portable);
  });
}

export interface ProfileAttack {
  /** Every text any reachable key opened. */
  opened: string[];
  /** Every key reached (base64): the data keys the device key unwrapped, and any 32 bytes opened with those. */
  keys: string[];
  /** The current data key as the passphrase gives it, and what it opens in the newest copy: the user can. */
  dataKey: string;
  openedWithPassphrase: string[];
}

/**
 * Tries the device key on every ciphertext of every copy, then every key that yields, until nothing
 * new opens; `passphrase` is used only to show what the user (not the attacker) can open.
 */
export async function attackProfileCopies(
  page: Page,
  copies: unknown[][],
  passphrase: string,
): Promise<ProfileAttack> {
  return page.evaluate(
    async ({ copies, passphrase }) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const db = await request(indexedDB.open('freellm'));
      const device = (await request(
        db.transaction('deviceKeys').objectStore('deviceKeys').get('device'),
      )) as { key: CryptoKey };
      db.close();
      const bytes = (value: unknown) =>
        Uint8Array.from(atob((value as { base64: string }).base64), (char) => char.charCodeAt(0));
      const base64 = (value: Uint8Array) => btoa(String.fromCharCode(...value));
      type Sealed = { iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> };
      const ciphertextsIn = (value: unknown, found: Sealed[] = []): Sealed[] => {
        if (!value || typeof value !== 'object') return found;
        const record = value as Record<string, unknown>;
        if (record.iv && record.data && typeof record.iv === 'object' && 'base64' in record.iv)
          found.push({ iv: bytes(record.iv), data: bytes(record.data) });
        for (const inner of Object.values(record)) ciphertextsIn(inner, found);
        return found;
      };
      const open = (key: CryptoKey, sealed: Sealed) =>
        crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data).then(
          (plain) => new Uint8Array(plain),
          () => undefined,
        );
      const asKey = (raw: Uint8Array<ArrayBuffer>) =>
        crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);

      const ciphertexts = copies.flatMap((copy) => ciphertextsIn(copy));
      const keys: CryptoKey[] = [device.key];
      const reached = new Set<string>();
      const opened = new Set<string>();
      for (let index = 0; index < keys.length; index += 1) {
        for (const sealed of ciphertexts) {
          const plain = await open(keys[index]!, sealed);
          if (!plain) continue;
          opened.add(new TextDecoder().decode(plain));
          if (plain.length === 32 && !reached.has(base64(plain))) {
            reached.add(base64(plain));
            keys.push(await asKey(plain));
          }
        }
      }

      const newest = copies.at(-1)!;
      const record = newest.find(
        (row) => (row as { id?: string; wrappedBy?: string }).id === 'dataKey',
      ) as Record<string, unknown> & { iterations: number };
      const material = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(passphrase),
        'PBKDF2',
        false,
        ['deriveKey'],
      );
      const wrapping = await crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(record.salt), iterations: record.iterations },
        material,
        { name: 'AES-GCM', length: 256 },
        false,
        ['decrypt'],
      );
      const dataKey = (await open(wrapping, { iv: bytes(record.iv), data: bytes(record.data) }))!;
      const withPassphrase = await asKey(dataKey);
      const openedWithPassphrase: string[] = [];
      for (const sealed of ciphertextsIn(newest)) {
        const plain = await open(withPassphrase, sealed);
        if (plain) openedWithPassphrase.push(new TextDecoder().decode(plain));
      }
      return { opened: [...opened], keys: [...reached], dataKey: base64(dataKey), openedWithPassphrase };
    },
    { copies, passphrase },
  );
}
