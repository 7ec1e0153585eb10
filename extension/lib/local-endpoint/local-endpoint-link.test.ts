import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createFakeFetch } from '../../../shared/testing/fake-fetch';
import { createTestEngine } from '../../../shared/testing/test-engine';
import { createLocalEndpointLink } from './local-endpoint-link';

/** A native port the test plays the host on: what the background posted, and the host's moves. */
function fakePort() {
  const posted: unknown[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port = {
    postMessage: (message: unknown) => posted.push(message),
    disconnect: () => posted.push('disconnected'),
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    posted,
    hostSays: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    hostGoes: () => disconnectListeners.forEach((listener) => listener()),
  };
}

async function link(disconnectError?: string) {
  const { engine } = createTestEngine(createFakeFetch(() => new Response(null, { status: 500 })));
  const ports: ReturnType<typeof fakePort>[] = [];
  const alarms: string[] = [];
  const localLink = createLocalEndpointLink({
    engine,
    connectNative: () => {
      ports.push(fakePort());
      return ports.at(-1)!.port;
    },
    disconnectError: () => disconnectError,
    alarms: {
      create: (name) => alarms.push(`create ${name}`),
      clear: (name) => alarms.push(`clear ${name}`),
    },
  });
  return { engine, localLink, ports, alarms };
}

describe('the link to the local endpoint host', () => {
  it('stays away while off, connects and says where to listen when on, and stops the host when turned off', async () => {
    const { engine, localLink, ports, alarms } = await link();
    await localLink.sync();
    expect(ports).toHaveLength(0);
    await engine.localEndpoint.configure({ enabled: true, port: 9999 });
    await localLink.sync();
    expect(ports[0]?.posted).toEqual([{ type: 'listen', address: '127.0.0.1', port: 9999 }]);
    ports[0]?.hostSays({ type: 'listening', address: '127.0.0.1', port: 9999 });
    expect(localLink.state()).toEqual({ state: 'listening', address: '127.0.0.1', port: 9999 });
    await engine.localEndpoint.configure({ enabled: false });
    await localLink.sync();
    expect(ports[0]?.posted.slice(1)).toEqual([{ type: 'stop' }, 'disconnected']);
    expect(localLink.state()).toEqual({ state: 'off' });
    expect(alarms).toEqual([
      'clear freellm:local-endpoint',
      'create freellm:local-endpoint',
      'clear freellm:local-endpoint',
    ]);
  });

  it('says why the host is not there, from the browser’s disconnect error, and connects again on the next sync', async () => {
    const { engine, localLink, ports } = await link('Specified native messaging host not found.');
    await engine.localEndpoint.configure({ enabled: true });
    await localLink.sync();
    ports[0]?.hostGoes();
    // A reason, not words: the options page says it in its own language.
    expect(localLink.state()).toEqual({ state: 'failed', reason: 'not-installed' });
    await localLink.sync();
    expect(ports).toHaveLength(2);
  });

  it('keeps what the host said before it exited (another browser has the endpoint)', async () => {
    const { engine, localLink, ports } = await link('Native host has exited.');
    await engine.localEndpoint.configure({ enabled: true });
    await localLink.sync();
    ports[0]?.hostSays({ type: 'busy' });
    ports[0]?.hostGoes();
    expect(localLink.state()).toEqual({ state: 'failed', reason: 'busy' });
  });

  it('says another program has the port from the host’s error code, and passes on an older host’s sentence', async () => {
    const { engine, localLink, ports } = await link();
    await engine.localEndpoint.configure({ enabled: true, port: 3704 });
    await localLink.sync();
    const sentence = '127.0.0.1:3704 is already in use by another program. Choose another port.';
    ports[0]?.hostSays({
      type: 'listen-failed',
      message: sentence,
      address: '127.0.0.1',
      port: 3704,
      code: 'EADDRINUSE',
    });
    expect(localLink.state()).toEqual({
      state: 'failed',
      reason: 'port-in-use',
      address: '127.0.0.1',
      port: 3704,
    });
    ports[0]?.hostSays({
      type: 'listen-failed',
      message: 'Could not listen on ::1:3704 (EACCES).',
      address: '::1',
      port: 3704,
      code: 'EACCES',
    });
    expect(localLink.state()).toEqual({
      state: 'failed',
      reason: 'cannot-listen',
      address: '::1',
      port: 3704,
      code: 'EACCES',
    });
    ports[0]?.hostSays({ type: 'listen-failed', message: sentence });
    expect(localLink.state()).toEqual({ state: 'failed', reason: 'error', message: sentence });
  });

  it('passes on what the browser said when it is none of the known reasons, and a quiet close as closed', async () => {
    const said = await link('Error when communicating with the native messaging host.');
    await said.engine.localEndpoint.configure({ enabled: true });
    await said.localLink.sync();
    said.ports[0]?.hostGoes();
    expect(said.localLink.state()).toEqual({
      state: 'failed',
      reason: 'error',
      message: 'Error when communicating with the native messaging host.',
    });
    const quiet = await link(undefined);
    await quiet.engine.localEndpoint.configure({ enabled: true });
    await quiet.localLink.sync();
    quiet.ports[0]?.hostGoes();
    expect(quiet.localLink.state()).toEqual({ state: 'failed', reason: 'closed' });
  });
});
