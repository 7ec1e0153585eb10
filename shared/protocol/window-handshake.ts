/**
 * @module How the MAIN-world script and the isolated bridge find each other. Both post a hello
 * to their own window (target origin "/": same origin only, never "*"); once the bridge hears the
 * MAIN world, it hands over a private MessagePort, and everything after goes over that port.
 */
export const MAIN_HELLO = 'freellm:main-hello';
export const BRIDGE_HELLO = 'freellm:bridge-hello';
export const BRIDGE_PORT = 'freellm:bridge-port';
/** On the control port: a new request, with its own MessagePort transferred alongside. */
export const OPEN_REQUEST = 'freellm:open';

export interface HandshakeMessage {
  freellm: typeof MAIN_HELLO | typeof BRIDGE_HELLO | typeof BRIDGE_PORT;
}

export function isHandshake(data: unknown, kind: HandshakeMessage['freellm']): boolean {
  return typeof data === 'object' && data !== null && (data as { freellm?: unknown }).freellm === kind;
}
