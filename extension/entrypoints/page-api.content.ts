/**
 * The page-facing API, in the page's own (MAIN) world: `window.freellm`. It has no extension
 * privileges; everything goes through the isolated bridge to the background.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectToBridge } from '../lib/page-api/bridge-connection';
import { createPageApi } from '../lib/page-api/create-page-api';
import { PAGE_MATCHES } from '../lib/page-matches';

export default defineContentScript({
  matches: PAGE_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  // No global variable for the script's result: it would land in the page's own scope.
  globalName: false,
  main() {
    const bridge = connectToBridge(() => window.dispatchEvent(new Event('freellm:ready')));
    const api = createPageApi(bridge, window.fetch.bind(window));
    Object.defineProperty(window, 'freellm', {
      value: api,
      enumerable: false,
      configurable: false,
      writable: false,
    });
  },
});
