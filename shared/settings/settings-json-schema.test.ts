import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsJsonSchema } from './settings-json-schema';

describe('docs/settings.schema.json', () => {
  it('matches the zod schema (regenerate: node --import tsx scripts/generate-settings-schema.ts)', () => {
    const committed = readFileSync(new URL('../../docs/settings.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
  });
});
