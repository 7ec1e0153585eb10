/**
 * Where catalog updates come from, read when FreeLLM is built (docs/providers.md, "Catalog
 * updates"):
 * - FREELLM_CATALOG_URL: the address of the published `catalog.json`. Default: none for the
 *   extension (it then uses its built-in catalog only), and `catalog.json` beside the page for
 *   the static playground, i.e. the file the same build publishes with it.
 * - FREELLM_CATALOG_PUBLIC_KEY: the raw Ed25519 public key, base64, updates must be signed with;
 *   derived from FREELLM_CATALOG_SIGNING_KEY when that is given. Without a key, nothing is fetched.
 * - FREELLM_CATALOG_SIGNING_KEY: the private key (PKCS#8, base64 or the path of a file holding it):
 *   the build signs `catalog.json` with it; without it the file is unsigned and never accepted.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export function catalogSigningKey(): string | undefined {
  const value = process.env.FREELLM_CATALOG_SIGNING_KEY?.trim();
  if (!value) return undefined;
  return existsSync(value) ? readFileSync(value, 'utf8').trim() : value;
}

function catalogPublicKey(): string {
  const signing = catalogSigningKey();
  if (!signing) return process.env.FREELLM_CATALOG_PUBLIC_KEY?.trim() ?? '';
  const privateKey = createPrivateKey({ key: Buffer.from(signing, 'base64'), format: 'der', type: 'pkcs8' });
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  return Buffer.from(x ?? '', 'base64url').toString('base64');
}

/** Build-time constants (`define`): the update address ('' for the default) and the public key ('' for none). */
export function catalogDefines(): Record<string, string> {
  return {
    __FREELLM_CATALOG_URL__: JSON.stringify(process.env.FREELLM_CATALOG_URL?.trim() ?? ''),
    __FREELLM_CATALOG_PUBLIC_KEY__: JSON.stringify(catalogPublicKey()),
  };
}
