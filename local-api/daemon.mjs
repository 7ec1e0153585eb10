/**
 * @module The daemon: a process of its own that owns the HTTP port and outlives the browser's
 * host process. The browser starts the host (relay.mjs) afresh on every connection and the host
 * must exit when the browser lets go; the daemon stays, so while no browser is attached a client
 * gets a clear 503 "FreeLLM is not running" instead of a refused connection. It exits after
 * `idleMs` without a browser, or when the browser says `stop` (the user turned the endpoint off).
 * One browser at a time: another one that connects meanwhile is told `busy`.
 */
import { chmod } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createSocketServer } from 'node:net';
import { createHttpExchanges } from './http-exchanges.mjs';
import { createFrameReader, encodeFrame } from './native-frames.mjs';

/**
 * @param {{ socketPath: string, idleMs: number, onExit: () => void }} options
 * @returns {Promise<{ close(): Promise<void> }>}
 */
export async function startDaemon({ socketPath, idleMs, onExit }) {
  const exchanges = createHttpExchanges();
  /** @type {{ send(...messages: unknown[]): void, socket: import('node:net').Socket } | undefined} */
  let link;
  /** @type {{ server: import('node:http').Server, address: string, port: number } | undefined} */
  let http;
  /** @type {NodeJS.Timeout | undefined} */
  let idleTimer;
  let closing = false;

  const idle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void close(), idleMs);
  };

  const browsers = createSocketServer((socket) => {
    if (link) {
      socket.end(encodeFrame({ type: 'busy' }));
      return;
    }
    clearTimeout(idleTimer);
    const current = {
      socket,
      /** Several messages leave in one write, so they reach the worker together. */
      send: (/** @type {unknown[]} */ ...messages) => socket.write(Buffer.concat(messages.map(encodeFrame))),
    };
    link = current;
    socket.on(
      'data',
      createFrameReader((message) => void fromBrowser(/** @type {any} */ (message))),
    );
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (link !== current) return;
      link = undefined;
      exchanges.dropAll();
      idle();
    });
  });

  /** @param {any} message */
  async function fromBrowser(message) {
    if (message?.type === 'listen') await listen(String(message.address), Number(message.port));
    else if (message?.type === 'stop') await close();
    else exchanges.reply(message);
  }

  /**
   * @param {string} address
   * @param {number} port
   */
  async function listen(address, port) {
    if (http && http.address === address && http.port === port) {
      link?.send({ type: 'listening', address, port });
      return;
    }
    await closeHttp();
    const server = createHttpServer((req, res) => exchanges.forward(req, res, link));
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => resolve(undefined));
      });
      const bound = /** @type {import('node:net').AddressInfo} */ (server.address());
      http = { server, address, port: bound.port };
      link?.send({ type: 'listening', address, port: bound.port });
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? String(error);
      // The extension words it from the code; the sentence is for one older than that.
      const why =
        code === 'EADDRINUSE'
          ? `${address}:${port} is already in use by another program. Choose another port.`
          : `Could not listen on ${address}:${port} (${code}).`;
      link?.send({ type: 'listen-failed', message: why, address, port, code });
    }
  }

  async function closeHttp() {
    const server = http?.server;
    http = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }

  async function close() {
    if (closing) return;
    closing = true;
    clearTimeout(idleTimer);
    exchanges.dropAll();
    link?.socket.destroy();
    await closeHttp();
    await new Promise((resolve) => browsers.close(() => resolve(undefined)));
    onExit();
  }

  await new Promise((resolve, reject) => {
    browsers.once('error', reject);
    browsers.listen(socketPath, () => resolve(undefined));
  });
  // Whoever can connect here gets every request's token: the socket is the user's alone.
  if (process.platform !== 'win32') await chmod(socketPath, 0o600);
  idle();
  return { close };
}
