/**
 * @module The two WebCrypto primitives the vault and the settings file share: AES-GCM 256 with a
 * fresh 96-bit IV per message, and an AES-GCM key derived from a passphrase with PBKDF2-SHA-256.
 */
import { z } from 'zod';
import type { Sealed } from './sealed';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; what the product always uses for new passphrases. */
export const PBKDF2_ITERATIONS = 600_000;

/** A stored iteration count above this is refused: a hostile file could otherwise hang the worker. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;

export const newPassphraseSchema = z
  .string()
  .min(8, 'Use a passphrase of at least 8 characters')
  .max(1024, 'That passphrase is longer than 1024 characters');

export async function encryptBytes(
  crypto: Crypto,
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, data: new Uint8Array(data) };
}

/** Rejects (OperationError) when the key is wrong or the ciphertext was altered. */
export async function decryptBytes(
  crypto: Crypto,
  key: CryptoKey,
  sealed: Sealed,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = new Uint8Array(sealed.iv);
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(sealed.data)),
  );
}

export async function derivePassphraseKey(
  crypto: Crypto,
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
