/**
 * MAIN-world side of the handshake: waits for the bridge's private port, then opens one
 * MessagePort per request over it.
 */
import {
  BRIDGE_HELLO,
  BRIDGE_PORT,
  isHandshake,
  MAIN_HELLO,
  OPEN_REQUEST,
} from '../../../shared/protocol/window-handshake';
import type { RequestChannel } from './port-exchange';

export interface BridgeConnection {
  ready: Promise<void>;
  openRequest(): Promise<RequestChannel>;
}

export function connectToBridge(onReady: () => void): BridgeConnection {
  let resolveControl: (port: MessagePort) => void = () => undefined;
  const control = new Promise<MessagePort>((resolve) => {
    resolveControl = resolve;
  });
  window.addEventListener('message', (event) => {
    if (event.source !== window) return;
    if (isHandshake(event.data, BRIDGE_HELLO)) window.postMessage({ freellm: MAIN_HELLO }, '/');
    const port = event.ports[0];
    if (isHandshake(event.data, BRIDGE_PORT) && port) resolveControl(port);
  });
  window.postMessage({ freellm: MAIN_HELLO }, '/');
  const ready = control.then(() => onReady());
  return {
    ready,
    async openRequest() {
      const controlPort = await control;
      const channel = new MessageChannel();
      controlPort.postMessage(OPEN_REQUEST, [channel.port2]);
      const port = channel.port1;
      return {
        post: (message) => port.postMessage(message),
        onMessage: (listener) => {
          port.onmessage = (event) => listener(event.data);
        },
        close: () => port.close(),
      };
    },
  };
}
