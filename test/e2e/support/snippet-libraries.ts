/**
 * Serves the libraries a playground snippet imports from esm.sh out of the e2e build
 * (test/e2e/snippet-libraries), so a copied snippet runs unchanged without the internet.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esmUrl, type SnippetLibrary } from '../../../shared/snippets/library-versions';

const BUILT = fileURLToPath(new URL('../../.artifacts/esm/', import.meta.url));

const FILES: Record<SnippetLibrary, string> = {
  openai: 'openai.js',
  ai: 'ai.js',
  '@ai-sdk/openai-compatible': 'ai-sdk-openai-compatible.js',
  '@langchain/openai': 'langchain-openai.js',
};

export async function serveSnippetLibraries(page: Page): Promise<void> {
  const entries = new Map(
    Object.entries(FILES).map(([library, file]) => [esmUrl(library as SnippetLibrary), file]),
  );
  await page.route('https://esm.sh/**', async (route) => {
    const url = route.request().url();
    // An entry by its snippet address; the chunks entries share by their own file name.
    const file = entries.get(url) ?? basename(new URL(url).pathname);
    await route.fulfill({
      contentType: 'text/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: await readFile(`${BUILT}${file}`),
    });
  });
}
