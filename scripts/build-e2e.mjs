// Builds what the e2e tests load: the extension for Chromium and for Firefox with the mock
// providers' host (127.0.0.1) declared and catalog updates from 127.0.0.1 signed with the test
// key, the test page bundling the official `openai` client, the playground, and the libraries its
// snippets import (served in esm.sh's place).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { printChartSize } from './chart-size.mjs';
import { printPopupSize } from './popup-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));
const testKey = readJson('shared/catalog/updates/__fixtures__/test-signing-key.json');
for (const browserArgs of [[], ['-b', 'firefox', '--mv3']])
  execFileSync('npx', ['wxt', 'build', ...browserArgs], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      FREELLM_E2E: '1',
      FREELLM_CATALOG_URL: readJson('test/e2e/support/catalog-update-address.json').url,
      FREELLM_CATALOG_PUBLIC_KEY: testKey.publicKey,
      FREELLM_CATALOG_SIGNING_KEY: '',
    },
  });
printPopupSize(`${root}.output/e2e/chrome-mv3`);
printChartSize(`${root}.output/e2e/chrome-mv3`);
await build({ configFile: `${root}test/e2e/page/vite.config.ts` });
await build({
  configFile: `${root}web/vite.config.ts`,
  logLevel: 'warn',
  build: { outDir: `${root}test/.artifacts/web`, emptyOutDir: true },
});
await build({ configFile: `${root}test/e2e/snippet-libraries/vite.config.ts` });
