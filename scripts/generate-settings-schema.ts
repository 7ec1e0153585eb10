/**
 * Writes docs/settings.schema.json from the settings document's zod schema.
 * Run after changing shared/settings/settings-document.ts:
 *   node --import tsx scripts/generate-settings-schema.ts
 * shared/settings/settings-json-schema.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsJsonSchema } from '../shared/settings/settings-json-schema';

const target = fileURLToPath(new URL('../docs/settings.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
