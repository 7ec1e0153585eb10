/** @module The settings file's JSON Schema, derived from the zod schema so the two cannot drift. */
import { z } from 'zod';
import { settingsDocumentSchema } from './settings-document';

/** What scripts/generate-settings-schema.ts writes to docs/settings.schema.json. */
export function settingsJsonSchema(): Record<string, unknown> {
  // `input`: the schema describes the file as written, before zod's trimming and normalising.
  const schema = z.toJSONSchema(settingsDocumentSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: 'FreeLLM settings file, format version 1' };
}
