/**
 * The page-facing API, in the page's own (MAIN) world: `window.freellm` with `baseURL` and an
 * OpenAI-compatible `fetch`. It has no extension privileges; everything goes through the bridge.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectToBridge } from '../lib/page-api/bridge-connection';
import { BASE_URL, createFetchShim } from '../lib/page-api/create-fetch-shim';
import type { FreeLLMPageApi } from '../lib/page-api/page-api-types';
import { PAGE_MATCHES } from '../lib/page-matches';

export default defineContentScript({
  matches: PAGE_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  // No global variable for the script's result: it would land in the page's own scope.
  globalName: false,
  main() {
    const bridge = connectToBridge(() => window.dispatchEvent(new Event('freellm:ready')));
    const api: FreeLLMPageApi = Object.freeze({
      version: __FREELLM_VERSION__,
      baseURL: BASE_URL,
      fetch: createFetchShim(bridge.openRequest, window.fetch.bind(window)),
      ready: bridge.ready,
    });
    Object.defineProperty(window, 'freellm', { value: api, enumerable: false, configurable: false, writable: false });
  },
});
