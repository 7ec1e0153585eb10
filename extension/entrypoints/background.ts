import type { PromptApi } from '../../shared/providers/on-device/prompt-api';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { catalogUpdateSource } from '../../shared/catalog/updates/catalog-updates';
import { createEngine } from '../../shared/engine/create-engine';
import { PAGE_PORT_NAME } from '../../shared/protocol/port-names';
import { POOL_CHANGED_NOTICE, VAULT_CHANGED_NOTICE } from '../../shared/protocol/ui-messages';
import { openDatabase } from '../../shared/store/database';
import { createAccessRequests } from '../lib/access-requests';
import { createActiveRequests } from '../lib/active-requests';
import { createExtensionMessageAnswer } from '../lib/answer-extension-message';
import { isExtensionSender } from '../lib/caller-of-port';
import { createKeepAlive } from '../lib/keep-alive';
import { createLocalEndpointLink, RECONNECT_ALARM } from '../lib/local-endpoint/local-endpoint-link';
import { LOCAL_API_HOST_NAME } from '../../shared/protocol/local-endpoint-messages';
import { servePagePort } from '../lib/serve-page-port';
import { readMessagesFromBrowser } from '../lib/browser-messages';

const VAULT_SESSION_ITEM = 'unlockedVault';

export default defineBackground(() => {
  // The engine words what a person reads in its checks (a chat's settings) in the browser's language.
  readMessagesFromBrowser();
  const engine = createEngine({
    // Called unbound: the worker's fetch throws "Illegal invocation" when called as a method.
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    db: openDatabase(),
    crypto: globalThis.crypto,
    // Memory only, cleared when the browser closes, unreadable by content scripts.
    vaultSession: {
      get: async () => (await browser.storage.session.get(VAULT_SESSION_ITEM))[VAULT_SESSION_ITEM],
      set: (value) =>
        value === null
          ? browser.storage.session.remove(VAULT_SESSION_ITEM)
          : browser.storage.session.set({ [VAULT_SESSION_ITEM]: value }),
    },
    // Open extension pages show the lock as it changes (no page open: nobody to tell).
    onVaultLockChange: () => void browser.runtime.sendMessage(VAULT_CHANGED_NOTICE).catch(() => undefined),
    catalogUpdates: catalogUpdateSource(__FREELLM_CATALOG_URL__, __FREELLM_CATALOG_PUBLIC_KEY__),
    // Chrome 138+ gives extension workers its built-in model; elsewhere it is absent, and said so.
    promptApi: (globalThis as { LanguageModel?: PromptApi }).LanguageModel,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  // The worker starts often; the engine fetches at most daily.
  void engine.catalog.refreshIfDue();
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const keepAlive = createKeepAlive(() => browser.runtime.getPlatformInfo(), __FREELLM_KEEP_ALIVE_MS__);
  const active = createActiveRequests();
  const access = createAccessRequests({
    grants: engine.origins,
    newId: () => crypto.randomUUID(),
    openPrompt: async (requestId) => {
      const url = browser.runtime.getURL(`/approve.html?request=${encodeURIComponent(requestId)}`);
      return (await browser.windows.create({ url, type: 'popup', width: 440, height: 560, focused: true }))
        ?.id;
    },
  });

  const localLink = createLocalEndpointLink({
    engine,
    connectNative: () => browser.runtime.connectNative(LOCAL_API_HOST_NAME),
    // Chrome reports it in lastError during the disconnect event, Firefox on the port.
    disconnectError: (port) =>
      browser.runtime.lastError?.message ?? (port as { error?: { message?: string } }).error?.message,
    alarms: browser.alarms,
  });
  // Every start of the worker (browser start, an alarm after a stop) reconnects if the user has it on.
  void localLink.sync();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECONNECT_ALARM) void localLink.sync();
  });

  // Open extension pages (the popup's model picker) follow keys and access changed in another one.
  const answerExtensionMessage = createExtensionMessageAnswer(
    engine,
    access,
    active,
    localLink,
    () => void browser.runtime.sendMessage(POOL_CHANGED_NOTICE).catch(() => undefined),
  );

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PAGE_PORT_NAME)
      servePagePort(port, { engine, extensionOrigin, keepAlive, access, active });
    else port.disconnect();
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Management calls come from the extension's own pages only, never from a content script.
    if (!isExtensionSender(sender, extensionOrigin)) return undefined;
    return answerExtensionMessage(message);
  });

  // Bookkeeping is written a moment after each answer; a worker about to stop writes it at once.
  browser.runtime.onSuspend.addListener(() => void engine.settled());
  browser.windows.onRemoved.addListener((windowId) => access.windowClosed(windowId));
  // "Allow once" lasts as long as the tab.
  browser.tabs.onRemoved.addListener((tabId) => void engine.origins.forgetTab(tabId));
});
