/**
 * @module The host the browser starts (`connectNative`): it copies native-messaging bytes between
 * its stdin/stdout and the daemon's socket, starting the daemon first when none answers. It exits
 * as soon as either side ends: the browser closing stdin (the worker stopped, the browser quit)
 * or the daemon going away, and on EPIPE; a host left running would keep the browser waiting.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';

const START_WAIT_MS = 5000;
const RETRY_MS = 50;

/** @param {string} path @returns {Promise<import('node:net').Socket>} */
const connectTo = (path) =>
  new Promise((resolve, reject) => {
    const socket = connect(path);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });

/**
 * @param {{ socketPath: string, startDaemon: () => void }} options
 * @returns {Promise<import('node:net').Socket>}
 */
export async function connectToDaemon({ socketPath, startDaemon }) {
  try {
    return await connectTo(socketPath);
  } catch (error) {
    // A socket file left by a daemon that died refuses connections; the new daemon needs the name.
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNREFUSED' && process.platform !== 'win32')
      await rm(socketPath, { force: true });
  }
  startDaemon();
  for (let waited = 0; ; waited += RETRY_MS) {
    try {
      return await connectTo(socketPath);
    } catch (error) {
      if (waited >= START_WAIT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** @param {{ socketPath: string, daemonArgs: string[] }} options */
export async function runRelay({ socketPath, daemonArgs }) {
  const exit = () => process.exit(0);
  process.stdout.on('error', exit);
  process.stdin.on('end', exit);
  const socket = await connectToDaemon({
    socketPath,
    startDaemon: () =>
      spawn(process.execPath, daemonArgs, { detached: true, stdio: 'ignore', env: process.env }).unref(),
  });
  socket.on('close', exit);
  socket.on('error', exit);
  process.stdin.pipe(socket);
  socket.pipe(process.stdout);
}
