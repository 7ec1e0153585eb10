/** The extension pages' own OpenAI-compatible fetch: the page shim over a runtime port. */
import { browser } from 'wxt/browser';
import type { BackgroundToPage } from '../../shared/protocol/page-port';
import { PAGE_PORT_NAME } from '../../shared/protocol/port-names';
import { createFetchShim } from './page-api/create-fetch-shim';
import type { RequestChannel } from './page-api/port-exchange';

function openRuntimeChannel(): Promise<RequestChannel> {
  const port = browser.runtime.connect({ name: PAGE_PORT_NAME });
  const listeners: ((message: unknown) => void)[] = [];
  port.onMessage.addListener((message: unknown) => listeners.forEach((listener) => listener(message)));
  // Reported as the bridge reports it to pages: after the background's `end` it changes nothing.
  port.onDisconnect.addListener(() =>
    listeners.forEach((listener) => listener({ type: 'disconnected' } satisfies BackgroundToPage)),
  );
  return Promise.resolve({
    post: (message) => port.postMessage(message),
    onMessage: (listener) => listeners.push(listener),
    close: () => port.disconnect(),
  });
}

export const runtimeFetch = createFetchShim(openRuntimeChannel, fetch.bind(globalThis));
