// Builds what the e2e tests load: the extension for Chromium and for Firefox with the mock
// providers' host (127.0.0.1) declared, the test page bundling the official `openai` client, and
// the playground.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const browserArgs of [[], ['-b', 'firefox', '--mv3']])
  execFileSync('npx', ['wxt', 'build', ...browserArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FREELLM_E2E: '1' },
  });
await build({ configFile: `${root}test/e2e/page/vite.config.ts` });
await build({
  configFile: `${root}web/vite.config.ts`,
  logLevel: 'warn',
  build: { outDir: `${root}test/.artifacts/web`, emptyOutDir: true },
});
