/**
 * Writes `catalog.json` (the catalog's updatable data, generated from shared/catalog/presets) into
 * the folder given, signed when FREELLM_CATALOG_SIGNING_KEY is set (scripts/catalog-build-env.ts):
 *   node --import tsx scripts/write-catalog.ts dist/web
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_PRESETS } from '../shared/catalog/provider-presets';
import { catalogPayloadOf } from '../shared/catalog/updates/catalog-data';
import { signCatalogPayload } from '../shared/catalog/updates/catalog-signature';
import { catalogSigningKey } from './catalog-build-env';

const folder = process.argv[2];
if (!folder) throw new Error('Usage: write-catalog.ts <output folder>');
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const payload = JSON.stringify(
  catalogPayloadOf(PROVIDER_PRESETS, { issuedAt: new Date().toISOString(), source: `freellm ${commit}` }),
);
const signingKey = catalogSigningKey();
const signature = signingKey ? await signCatalogPayload(globalThis.crypto, signingKey, payload) : null;
writeFileSync(join(folder, 'catalog.json'), `${JSON.stringify({ payload, signature })}\n`);
process.stdout.write(`wrote ${join(folder, 'catalog.json')} (${signature ? 'signed' : 'unsigned'})\n`);
