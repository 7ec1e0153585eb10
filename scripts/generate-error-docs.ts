/**
 * Writes the error table in docs/page-api.md and the `FreeLLMErrorCode` union in the page API's
 * types from shared/openai/error-codes.ts. Run after changing that table:
 *   node --import tsx scripts/generate-error-docs.ts
 * shared/openai/error-code-docs.test.ts fails while either file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  errorTableMarkdown,
  markdownComment,
  pageErrorCodeUnion,
  typescriptComment,
  withGeneratedRegion,
} from '../shared/openai/error-code-docs';

const targets = [
  ['../docs/page-api.md', errorTableMarkdown(), markdownComment],
  ['../extension/lib/page-api/freellm.d.ts', pageErrorCodeUnion(), typescriptComment],
] as const;

for (const [relative, content, comment] of targets) {
  const target = fileURLToPath(new URL(relative, import.meta.url));
  writeFileSync(target, withGeneratedRegion(readFileSync(target, 'utf8'), content, comment));
  process.stdout.write(`wrote ${target}\n`);
}
