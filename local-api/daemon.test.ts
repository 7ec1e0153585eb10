import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitNativeMessage } from '../shared/local-endpoint/split-native-message';
import { startDaemon } from './daemon.mjs';
import { createFrameReader, encodeFrame, MAX_MESSAGE_BYTES } from './native-frames.mjs';

/** The browser's side of the daemon's socket: the frames it got (with their sizes) and a way to answer. */
async function attachBrowser(socketPath: string) {
  const socket: Socket = await new Promise((resolve, reject) => {
    const opened = connect(socketPath, () => resolve(opened));
    opened.once('error', reject);
  });
  const received: { message: Record<string, unknown>; bytes: number }[] = [];
  const read = createFrameReader((message) =>
    received.push({ message: message as Record<string, unknown>, bytes: JSON.stringify(message).length }),
  );
  socket.on('data', read);
  const next = async (type: string) => {
    // Generous: a 3 MiB body on a busy machine; the wait ends as soon as the message is there.
    await expect
      .poll(() => received.some(({ message }) => message.type === type), { timeout: 30_000 })
      .toBe(true);
    return received.find(({ message }) => message.type === type)!.message;
  };
  return { socket, received, next, send: (message: unknown) => socket.write(encodeFrame(message)) };
}

/** One HTTP request to the daemon; the body read whole, or the error the client saw. */
function call(port: number, body?: string) {
  return new Promise<{ status: number; text: string } | { error: string }>((resolve) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: body ? 'POST' : 'GET', path: '/v1/chat' });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (text += part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', (error) => resolve({ error: error.message }));
    });
    request.on('error', (error) => resolve({ error: error.message }));
    request.end(body);
  });
}

let dir: string;
let socketPath: string;
let daemon: { close(): Promise<void> };
let exited = false;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'freellm-daemon-'));
  socketPath = join(dir, 'daemon.sock');
  exited = false;
  daemon = await startDaemon({ socketPath, idleMs: 60_000, onExit: () => (exited = true) });
});

afterEach(async () => {
  await daemon.close();
  await rm(dir, { recursive: true, force: true });
});

async function listening(browser: Awaited<ReturnType<typeof attachBrowser>>) {
  browser.send({ type: 'listen', address: '127.0.0.1', port: 0 });
  return (await browser.next('listening')).port as number;
}

describe('the local endpoint daemon', () => {
  it('forwards a 3 MiB request body in messages under 1 MiB, and answers a 3 MiB body split the same way', async () => {
    const browser = await attachBrowser(socketPath);
    const port = await listening(browser);
    // Every character escaped in JSON (6 bytes) or multi-byte in UTF-8: the worst case for the limit.
    const body = '\u0001é😀'.repeat((3 * 1024 * 1024) / 4);
    const answered = call(port, body);
    await browser.next('request-end');
    const pieces = browser.received.filter(({ message }) => message.type === 'body');
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map(({ bytes }) => bytes))).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(pieces.map(({ message }) => message.text).join('')).toBe(body);

    const id = (await browser.next('request')).id as number;
    const answer = 'ü\u0002😀'.repeat((3 * 1024 * 1024) / 4);
    const sent = splitNativeMessage({ type: 'head', status: 200, headers: {}, text: answer, end: true });
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) {
      expect(encodeFrame({ ...message, id }).length).toBeLessThan(MAX_MESSAGE_BYTES);
      browser.send({ ...message, id });
    }
    expect(await answered).toEqual({ status: 200, text: answer });
  }, 60_000);

  it('answers 503 "FreeLLM is not running" while no browser is attached, and exits when told to stop', async () => {
    const browser = await attachBrowser(socketPath);
    const port = await listening(browser);
    browser.socket.destroy();
    await expect.poll(async () => JSON.stringify(await call(port))).toContain('FreeLLM is not running');
    const again = await attachBrowser(socketPath);
    again.send({ type: 'stop' });
    await expect.poll(() => exited).toBe(true);
  });

  it('breaks a stream under way when the browser goes, and tells a request not yet answered that FreeLLM stopped', async () => {
    const browser = await attachBrowser(socketPath);
    const port = await listening(browser);
    const streaming = call(port, '{}');
    const id = (await browser.next('request')).id;
    browser.send({
      type: 'head',
      id,
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      text: 'data: {}\n\n',
    });
    await expect.poll(() => browser.received.length).toBeGreaterThan(2);
    const waiting = call(port, '{}');
    await expect
      .poll(() => browser.received.filter(({ message }) => message.type === 'request').length)
      .toBe(2);
    browser.socket.destroy();
    expect(await streaming).toEqual({ error: 'aborted' });
    expect(await waiting).toMatchObject({ status: 503, text: expect.stringContaining('freellm_stopped') });
  });

  it('says why it cannot listen with the error code, so the extension can word it (another program has the port)', async () => {
    const browser = await attachBrowser(socketPath);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      browser.send({ type: 'listen', address: '127.0.0.1', port });
      expect(await browser.next('listen-failed')).toMatchObject({
        address: '127.0.0.1',
        port,
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('tells a second browser it is busy while one is attached', async () => {
    await attachBrowser(socketPath);
    const second = await attachBrowser(socketPath);
    expect(await second.next('busy')).toEqual({ type: 'busy' });
  });

  it('reads frames cut anywhere', () => {
    const messages: unknown[] = [];
    const read = createFrameReader((message) => messages.push(message));
    const bytes = Buffer.concat([encodeFrame({ type: 'a', text: 'é' }), encodeFrame({ type: 'b' })]);
    for (let at = 0; at < bytes.length; at += 3) read(bytes.subarray(at, at + 3));
    expect(messages).toEqual([{ type: 'a', text: 'é' }, { type: 'b' }]);
  });
});
