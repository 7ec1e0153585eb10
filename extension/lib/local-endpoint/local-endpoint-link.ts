/**
 * @module The background's link to the local endpoint's host: connected while the user has the
 * endpoint on, told where to listen, told to stop when it is turned off. The browser starts the
 * host on `connectNative`; the open port keeps the worker alive. When the worker was stopped
 * anyway (the browser's choice, an update), an alarm wakes it and `sync` connects again.
 */
import type { Browser } from 'wxt/browser';
import type { Engine } from '../../../shared/engine/create-engine';
import {
  hostToBackgroundSchema,
  type BackgroundToHost,
  type HostToBackground,
} from '../../../shared/protocol/local-endpoint-messages';
import { serveNativeExchanges } from './serve-native-exchanges';

export const RECONNECT_ALARM = 'freellm:local-endpoint';
/** Chrome's shortest alarm period: a stopped worker is back within this. */
const RECONNECT_MINUTES = 0.5;

/** Why the host is not serving, as a reason the options page words in the user's language. */
export type LinkFailure = 'not-installed' | 'forbidden' | 'exited' | 'busy' | 'closed';

export type LinkState =
  | { state: 'off' }
  | { state: 'connecting' }
  | { state: 'listening'; address: string; port: number }
  | { state: 'failed'; reason: LinkFailure }
  /** The host cannot listen there: `port-in-use` when another program has the port, else Node's `code`. */
  | { state: 'failed'; reason: 'port-in-use'; address: string; port: number }
  | { state: 'failed'; reason: 'cannot-listen'; address: string; port: number; code: string }
  /** Said by the browser (an unknown error) or an older host, in their own words. */
  | { state: 'failed'; reason: 'error'; message: string };

export interface LocalEndpointLink {
  /** Connects, re-aims or disconnects to match the settings. */
  sync(): Promise<void>;
  state(): LinkState;
}

export interface LinkHost {
  engine: Engine;
  connectNative(): Browser.runtime.Port;
  /** Why the last port closed, as the browser words it (`runtime.lastError` or `port.error`). */
  disconnectError(port: Browser.runtime.Port): string | undefined;
  alarms: { create(name: string, info: { periodInMinutes: number }): unknown; clear(name: string): unknown };
}

export function createLocalEndpointLink(host: LinkHost): LocalEndpointLink {
  let port: Browser.runtime.Port | undefined;
  let current: LinkState = { state: 'off' };

  function connect(): Browser.runtime.Port {
    const opened = host.connectNative();
    const post = (message: BackgroundToHost) => opened.postMessage(message);
    const exchanges = serveNativeExchanges(host.engine, post);
    current = { state: 'connecting' };
    opened.onMessage.addListener((raw: unknown) => {
      const parsed = hostToBackgroundSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'listening')
        current = { state: 'listening', address: message.address, port: message.port };
      else if (message.type === 'listen-failed') current = listenFailure(message);
      else if (message.type === 'busy') current = { state: 'failed', reason: 'busy' };
      else exchanges.receive(message);
    });
    opened.onDisconnect.addListener(() => {
      exchanges.closeAll();
      if (port !== opened) return;
      port = undefined;
      // What the host said before it went (busy, port taken) explains more than "exited".
      if (current.state === 'failed') return;
      current = failure(host.disconnectError(opened));
    });
    return opened;
  }

  return {
    async sync() {
      const settings = await host.engine.localEndpoint.settings();
      if (!settings.enabled) {
        void host.alarms.clear(RECONNECT_ALARM);
        const closing = port;
        port = undefined;
        current = { state: 'off' };
        closing?.postMessage({ type: 'stop' } satisfies BackgroundToHost);
        closing?.disconnect();
        return;
      }
      void host.alarms.create(RECONNECT_ALARM, { periodInMinutes: RECONNECT_MINUTES });
      port ??= connect();
      port.postMessage({
        type: 'listen',
        address: settings.address,
        port: settings.port,
      } satisfies BackgroundToHost);
    },
    state: () => current,
  };
}

function listenFailure(said: Extract<HostToBackground, { type: 'listen-failed' }>): LinkState {
  const { address, port, code } = said;
  if (address === undefined || port === undefined || code === undefined)
    return { state: 'failed', reason: 'error', message: said.message };
  return code === 'EADDRINUSE'
    ? { state: 'failed', reason: 'port-in-use', address, port }
    : { state: 'failed', reason: 'cannot-listen', address, port, code };
}

function failure(error: string | undefined): LinkState {
  if (error === undefined) return { state: 'failed', reason: 'closed' };
  if (/not found/i.test(error)) return { state: 'failed', reason: 'not-installed' };
  if (/forbidden/i.test(error)) return { state: 'failed', reason: 'forbidden' };
  if (/exited/i.test(error)) return { state: 'failed', reason: 'exited' };
  return { state: 'failed', reason: 'error', message: error };
}
