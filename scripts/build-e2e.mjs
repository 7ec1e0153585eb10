// Builds what the e2e tests load: the extension with the mock providers' host (127.0.0.1)
// declared, the test page bundling the official `openai` client, and the playground.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { printPopupSize } from './popup-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npx', ['wxt', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FREELLM_E2E: '1' },
});
printPopupSize(`${root}.output/e2e/chrome-mv3`);
await build({ configFile: `${root}test/e2e/page/vite.config.ts` });
await build({
  configFile: `${root}web/vite.config.ts`,
  logLevel: 'warn',
  build: { outDir: `${root}test/.artifacts/web`, emptyOutDir: true },
});
