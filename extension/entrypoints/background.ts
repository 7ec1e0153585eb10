import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createEngine } from '../../shared/engine/create-engine';
import { answerUiRequest } from '../../shared/engine/answer-ui-request';
import { PAGE_PORT_NAME } from '../../shared/protocol/port-names';
import { openDatabase } from '../../shared/store/database';
import { createKeepAlive } from '../lib/keep-alive';
import { servePagePort } from '../lib/serve-page-port';

export default defineBackground(() => {
  const engine = createEngine({
    // Called unbound: the worker's fetch throws "Illegal invocation" when called as a method.
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    db: openDatabase(),
    crypto: globalThis.crypto,
  });
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const pending = createKeepAlive(() => browser.runtime.getPlatformInfo());

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PAGE_PORT_NAME) servePagePort(port, engine, extensionOrigin, pending);
    else port.disconnect();
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Management calls come from the extension's own pages only, never from a content script.
    if (!sender.url || new URL(sender.url).origin !== extensionOrigin) return undefined;
    return answerUiRequest(engine, message);
  });
});
