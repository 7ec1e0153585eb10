/**
 * @module The keys' secrets in a settings file: AES-GCM 256 under a key derived from the export
 * passphrase with PBKDF2-SHA-256 (one salt per file, one fresh IV per key), as base64 text.
 */
import { errorWithCode } from '../openai/error';
import { keySecretSchema } from '../keys/key-ring';
import { decryptBytes, derivePassphraseKey, encryptBytes } from '../vault/aes-gcm';
import { fromBase64, toBase64 } from '../vault/base64';
import type { KeyEncryption } from './settings-document';

export interface EncryptedSecret {
  iv: string;
  ciphertext: string;
}

export async function encryptSecrets(
  crypto: Crypto,
  passphrase: string,
  iterations: number,
  secrets: string[],
): Promise<{ keyEncryption: KeyEncryption; encrypted: EncryptedSecret[] }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derivePassphraseKey(crypto, passphrase, salt, iterations);
  const encrypted: EncryptedSecret[] = [];
  for (const secret of secrets) {
    const sealed = await encryptBytes(crypto, key, new TextEncoder().encode(secret));
    encrypted.push({ iv: toBase64(sealed.iv), ciphertext: toBase64(sealed.data) });
  }
  return {
    keyEncryption: { kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), cipher: 'AES-GCM-256' },
    encrypted,
  };
}

/** Decrypts every secret or throws naming the first entry that would not open. */
export async function decryptSecrets(
  crypto: Crypto,
  passphrase: string,
  keyEncryption: KeyEncryption,
  encrypted: EncryptedSecret[],
): Promise<string[]> {
  const key = await derivePassphraseKey(
    crypto,
    passphrase,
    fromBase64(keyEncryption.salt),
    keyEncryption.iterations,
  );
  const secrets: string[] = [];
  for (const [index, entry] of encrypted.entries()) {
    const param = `keys[${index}].ciphertext`;
    const plain = await decryptBytes(crypto, key, {
      iv: fromBase64(entry.iv),
      data: fromBase64(entry.ciphertext),
    }).catch(() => {
      throw errorWithCode(
        'wrong_passphrase',
        `Could not decrypt ${param}: the passphrase is wrong or the file was altered. Nothing was imported.`,
        { param, values: { reason: 'not_decrypted' } },
      );
    });
    const secret = keySecretSchema.safeParse(new TextDecoder().decode(plain));
    if (!secret.success) {
      throw errorWithCode('invalid_settings', `${param} does not hold a valid key. Nothing was imported.`, {
        param,
        values: { reason: 'not_a_key' },
      });
    }
    secrets.push(secret.data);
  }
  return secrets;
}
