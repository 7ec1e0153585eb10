/**
 * Isolated-world relay: holds no state and no keys. It gives the MAIN world one private
 * MessagePort, then for each request port it is handed opens one runtime port to the background
 * and relays both ways; the background parses everything.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundToPage } from '../../shared/protocol/page-port';
import { PAGE_PORT_NAME } from '../../shared/protocol/port-names';
import {
  BRIDGE_HELLO,
  BRIDGE_PORT,
  isHandshake,
  MAIN_HELLO,
  OPEN_REQUEST,
} from '../../shared/protocol/window-handshake';
import { PAGE_MATCHES } from '../lib/page-matches';

export default defineContentScript({
  matches: PAGE_MATCHES,
  runAt: 'document_start',
  // Frames get the API too; the background serves them only where the user allowed frames.
  allFrames: true,
  globalName: false,
  main() {
    let handedOver = false;
    window.addEventListener('message', (event) => {
      if (handedOver || event.source !== window || !isHandshake(event.data, MAIN_HELLO)) return;
      handedOver = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = (control) => {
        const requestPort = control.ports[0];
        if (control.data === OPEN_REQUEST && requestPort) relay(requestPort);
      };
      window.postMessage({ freellm: BRIDGE_PORT }, '/', [channel.port2]);
    });
    window.postMessage({ freellm: BRIDGE_HELLO }, '/');
  },
});

/**
 * Still one runtime port per request, but connected one request ahead: connecting is most of
 * the bridge's cost, so once a page has used FreeLLM the next request's port is opened early.
 * Pages that never call FreeLLM open none (no worker wakes for them).
 */
let spare: Browser.runtime.Port | undefined;

function connect(): Browser.runtime.Port {
  const port = browser.runtime.connect({ name: PAGE_PORT_NAME });
  port.onDisconnect.addListener(() => {
    if (spare === port) spare = undefined;
  });
  return port;
}

function takePort(): Browser.runtime.Port {
  const port = spare ?? connect();
  spare = connect();
  return port;
}

function relay(requestPort: MessagePort): void {
  const runtimePort = takePort();
  let open = true;
  // The page ignores this once the background's `end` has arrived; before it, the answer fails.
  const close = () => {
    if (!open) return;
    open = false;
    requestPort.postMessage({ type: 'disconnected' } satisfies BackgroundToPage);
    requestPort.close();
    runtimePort.disconnect();
  };
  requestPort.onmessage = (event) => {
    if (!open) return;
    try {
      runtimePort.postMessage(event.data);
    } catch {
      close();
    }
  };
  runtimePort.onMessage.addListener((message: unknown) => requestPort.postMessage(message));
  runtimePort.onDisconnect.addListener(close);
}
