import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { catalogDefines } from './scripts/catalog-build-env';
import { quietRollupWarnings } from './scripts/quiet-rollup-warnings';
import { presetHostPatterns } from './shared/catalog/provider-presets';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The e2e build (FREELLM_E2E=1) also declares 127.0.0.1, where the tests' mock providers run:
 * a permission prompt cannot be answered in headless Chromium, so the mock's host is granted up
 * front, exactly as a known provider's host is in the release build.
 */
const e2e = process.env.FREELLM_E2E === '1';

/**
 * Firefox needs a fixed id (stores, and the e2e tests' fixed moz-extension address) and 128 or
 * later, the first to run `world: "MAIN"` content scripts (page-api.ts). What leaves the browser
 * is only what the user sends through FreeLLM to the providers they configured: their API key
 * (authentication), their chats, and whatever a page they allowed puts in its requests.
 * Nothing goes to us; there is no telemetry.
 */
const gecko = {
  id: 'freellm@freellm',
  strict_min_version: '128.0',
  data_collection_permissions: {
    required: ['authenticationInfo', 'personalCommunications', 'websiteContent'],
  },
};

export default defineConfig({
  srcDir: 'extension',
  outDir: e2e ? '.output/e2e' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // Explicit imports only: the same modules must also run in Node tests and in plain pages.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'FreeLLM',
    description: 'Pool your free-tier LLM API keys behind one OpenAI-compatible API, in your browser.',
    version,
    // Only for the session store (memory, cleared on browser exit): an unlocked vault must
    // survive the service worker's idle restarts.
    permissions: ['storage'],
    host_permissions: [...presetHostPatterns(), ...(e2e ? ['http://127.0.0.1/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open the FreeLLM chat' },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko } } : {}),
  }),
  vite: () => ({
    define: { __FREELLM_VERSION__: JSON.stringify(version), ...catalogDefines() },
    build: {
      rollupOptions: {
        onwarn: quietRollupWarnings,
      },
    },
  }),
});
