import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
 * Firefox needs a fixed id (stores, and the e2e tests' fixed moz-extension address) and 140 or
 * later: 128 is the first to run `world: "MAIN"` content scripts (page-api.content.ts), 140 (the oldest
 * ESR still supported) the first to show the data consent below; before it the consent would be
 * skipped. Firefox for Android reads it from 142 (the add-on is not offered there: it has no
 * windows for the approval prompt). What leaves the browser is only what the user sends through
 * FreeLLM to the providers they configured: their API key (authentication), their chats, and
 * whatever a page they allowed puts in its requests. Nothing goes to us; there is no telemetry.
 */
const gecko = {
  id: 'freellm@freellm',
  strict_min_version: '140.0',
  data_collection_permissions: {
    required: ['authenticationInfo', 'personalCommunications', 'websiteContent'],
  },
};
const geckoAndroid = { strict_min_version: '142.0' };

/**
 * A fixed public key gives the Chromium builds a fixed id (local-api/extension-ids.json), which
 * the local endpoint host's manifest must name in `allowed_origins`. Only the public key is kept;
 * the store signs with its own.
 */
const chromiumKey = readFileSync(
  new URL('./scripts/extension-public-key.txt', import.meta.url),
  'utf8',
).trim();

/**
 * The local endpoint's host rides along in every build (and so in the release zips): from an
 * unzipped release, `node local-api/install.mjs` installs it (docs/local-endpoint.md).
 */
const localApiFiles = readdirSync(new URL('./local-api/', import.meta.url)).filter((name) =>
  /^[a-z-]+\.(mjs|json)$/.test(name),
);

/**
 * The words, one messages.json per language (shared/i18n/locales/<lang>/), shipped where the
 * browser looks for them; the playground bundles the same English file.
 */
const localeFolders = readdirSync(new URL('./shared/i18n/locales/', import.meta.url));

/** Rendered from extension/assets/icon.svg by `npm run icons`. */
const icons = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: e2e ? '.output/e2e' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of localApiFiles)
        files.push({
          absoluteSrc: fileURLToPath(new URL(`./local-api/${name}`, import.meta.url)),
          relativeDest: `local-api/${name}`,
        });
      for (const lang of localeFolders)
        files.push({
          absoluteSrc: fileURLToPath(new URL(`./shared/i18n/locales/${lang}/messages.json`, import.meta.url)),
          relativeDest: `_locales/${lang}/messages.json`,
        });
    },
  },
  // Explicit imports only: the same modules must also run in Node tests and in plain pages.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    version,
    icons,
    action: { default_icon: icons },
    // `storage` only for the session store (memory, cleared on browser exit): an unlocked vault
    // must survive the service worker's idle restarts. `nativeMessaging` for the local endpoint's
    // host (off until the user turns it on), `alarms` to reconnect it after the worker stopped.
    permissions: ['storage', 'nativeMessaging', 'alarms'],
    host_permissions: [...presetHostPatterns(), ...(e2e ? ['http://127.0.0.1/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_openChatCommand__' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko, gecko_android: geckoAndroid } }
      : { key: chromiumKey }),
  }),
  vite: () => ({
    define: {
      __FREELLM_VERSION__: JSON.stringify(version),
      ...catalogDefines(),
      // Under Chrome's 30 s idle stop and Firefox's 30 s event-page timeout. The e2e build pings
      // often, so a test can shorten Firefox's timeout (a pref) and still see a long answer through.
      __FREELLM_KEEP_ALIVE_MS__: e2e ? '500' : '20000',
    },
    build: {
      rollupOptions: {
        onwarn: quietRollupWarnings,
      },
    },
  }),
});
