import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  errorTableMarkdown,
  markdownComment,
  pageErrorCodeUnion,
  typescriptComment,
  withGeneratedRegion,
} from './error-code-docs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the error table, where readers and page authors find it (regenerate: node --import tsx scripts/generate-error-docs.ts)', () => {
  it('docs/page-api.md lists every code the page API and the extension’s pages can meet', () => {
    const doc = read('docs/page-api.md');
    expect(doc).toBe(withGeneratedRegion(doc, errorTableMarkdown(), markdownComment));
  });

  it('the page API’s types carry every code a page can meet', () => {
    const types = read('extension/lib/page-api/freellm.d.ts');
    expect(types).toBe(withGeneratedRegion(types, pageErrorCodeUnion(), typescriptComment));
  });

  it('a page meets request codes only, with their status and what to do', () => {
    const [forPages, forExtension] = errorTableMarkdown().split("The extension's own pages");
    expect(forPages).toContain(
      '| 423 | `vault_locked` / `vault_locked` | FreeLLM is locked: every request of an allowed site',
    );
    expect(forPages).not.toContain('wrong_passphrase');
    expect(forExtension).toContain('| 403 | `permission_error` / `wrong_passphrase` |');
    expect(pageErrorCodeUnion()).toContain("| 'origin_not_allowed'");
    expect(pageErrorCodeUnion()).not.toContain("'key_not_found'");
  });

  it('refuses a file whose generated region has no markers, rather than writing nothing', () => {
    expect(() => withGeneratedRegion('# no markers', 'table', markdownComment)).toThrow(
      /No generated region/,
    );
  });
});
