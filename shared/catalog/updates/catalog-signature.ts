/**
 * @module Ed25519 over the exact bytes of a catalog update's payload (WebCrypto: Chrome 137+,
 * Firefox, Node 20). The public key is the raw 32 bytes, base64; the build signs with the private
 * half, PKCS#8.
 */
import { fromBase64, toBase64 } from '../../vault/base64';

const ED25519 = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();

export async function verifyCatalogSignature(
  crypto: Crypto,
  publicKey: string,
  payload: string,
  signature: string,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKey), ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, key, fromBase64(signature), encoder.encode(payload));
  } catch {
    // A key or signature of the wrong length or shape verifies nothing.
    return false;
  }
}

export async function signCatalogPayload(crypto: Crypto, pkcs8: string, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(pkcs8), ED25519, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign(ED25519, key, encoder.encode(payload))));
}
