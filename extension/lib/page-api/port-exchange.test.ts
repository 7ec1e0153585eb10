import { describe, expect, it } from 'vitest';
import type { BackgroundToPage, PageToBackground } from '../../../shared/protocol/page-port';
import { exchangeOverChannel, type RequestChannel } from './port-exchange';

/** A request channel whose background side the test plays. */
function fakeChannel() {
  let listener: (message: unknown) => void = () => undefined;
  const posted: PageToBackground[] = [];
  let closed = false;
  const channel: RequestChannel = {
    post: (message) => posted.push(message),
    onMessage: (next) => {
      listener = next;
    },
    close: () => {
      closed = true;
    },
  };
  return {
    channel,
    posted,
    isClosed: () => closed,
    reply: (message: BackgroundToPage) => listener(message),
    /** Anything at all, as a page script or a broken relay could post it. */
    replyRaw: (message: unknown) => listener(message),
  };
}

const request: PageToBackground = {
  type: 'request',
  method: 'POST',
  path: '/v1/chat/completions',
  headers: {},
  body: '{}',
};
const streamHead: BackgroundToPage = {
  type: 'head',
  status: 200,
  headers: { 'content-type': 'text/event-stream' },
  text: 'data: {"a":1}\n\n',
};

/** Reads a body to its end; what it carried, and the error that ended it, if any. */
async function readAll(response: Response): Promise<{ text: string; error?: unknown }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read())
      text += decoder.decode(next.value, { stream: true });
    return { text };
  } catch (error) {
    return { text, error };
  }
}

describe('exchangeOverChannel', () => {
  it('errors the body, after the text already received, when the channel breaks before the end', async () => {
    const { channel, reply } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply(streamHead);
    reply({ type: 'data', text: 'data: {"b":2}\n\n' });
    reply({ type: 'disconnected' });
    const { text, error } = await readAll(await pending);
    expect(text).toBe('data: {"a":1}\n\ndata: {"b":2}\n\n');
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/broke before the answer was complete/);
  });

  it('fails a read waiting for more text at once when the channel breaks', async () => {
    const { channel, reply } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply(streamHead);
    const reader = (await pending).body!.getReader();
    await reader.read();
    const waiting = reader.read();
    reply({ type: 'disconnected' });
    await expect(waiting).rejects.toThrow(/broke before the answer was complete/);
  });

  it('rejects a request still waiting for its answer when the channel breaks', async () => {
    const { channel, reply } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply({ type: 'disconnected' });
    await expect(pending).rejects.toThrow(/broke before the answer was complete/);
  });

  it('a break after the end changes nothing: the body ends cleanly', async () => {
    const { channel, reply } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply(streamHead);
    reply({ type: 'end' });
    reply({ type: 'disconnected' });
    expect(await readAll(await pending)).toEqual({ text: 'data: {"a":1}\n\n' });
  });

  it('turns a JSON answer in one head into a Response, and closes the channel', async () => {
    const { channel, posted, reply, isClosed } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    expect(posted).toEqual([request]);
    reply({ type: 'head', status: 429, headers: { 'retry-after': '7' }, text: '{"error":{}}', end: true });
    const response = await pending;
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).toBe('{"error":{}}');
    expect(isClosed()).toBe(true);
  });

  it('gives each request its own channel: answers to requests in flight at once never cross', async () => {
    const channels = [fakeChannel(), fakeChannel()];
    let opened = 0;
    const open = () => Promise.resolve(channels[opened++]!.channel);
    const first = exchangeOverChannel(open, request);
    const second = exchangeOverChannel(open, { ...request, path: '/v1/models', method: 'GET' });
    await Promise.resolve();
    channels[1]!.reply({ type: 'head', status: 200, headers: {}, text: 'second', end: true });
    channels[0]!.reply({ type: 'head', status: 200, headers: {}, text: 'first', end: true });
    expect(await (await first).text()).toBe('first');
    expect(await (await second).text()).toBe('second');
    expect(channels[1]!.posted).toEqual([{ ...request, path: '/v1/models', method: 'GET' }]);
  });

  it('ignores replies that fail the schema, and still takes the real answer after them', async () => {
    const { channel, reply, replyRaw } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    for (const garbage of [
      null,
      'head',
      { type: 'head', status: '200', headers: {}, text: 'forged', end: true },
      { type: 'head', status: 200.5, headers: {}, end: true },
      { type: 'end ' },
      { type: 'data' },
      { type: 'redirect', url: 'https://evil.example' },
    ])
      replyRaw(garbage);
    reply(streamHead);
    replyRaw({ type: 'data', text: 42 });
    reply({ type: 'data', text: 'data: {"b":2}\n\n' });
    reply({ type: 'end' });
    expect(await readAll(await pending)).toEqual({ text: 'data: {"a":1}\n\ndata: {"b":2}\n\n' });
  });

  it('ignores replies to a request that has ended: nothing is added to its body, no second answer', async () => {
    const { channel, reply } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply({ type: 'head', status: 200, headers: {}, text: 'whole', end: true });
    reply({ type: 'data', text: ' and more' });
    reply({ type: 'head', status: 500, headers: {}, text: 'late', end: true });
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await readAll(response)).toEqual({ text: 'whole' });
  });

  it('hands progress before the head to the caller, and nothing of it to the body', async () => {
    const { channel, reply } = fakeChannel();
    const attempts: unknown[] = [];
    const pending = exchangeOverChannel(
      () => Promise.resolve(channel),
      request,
      undefined,
      (progress) => attempts.push(progress),
    );
    await Promise.resolve();
    reply({ type: 'progress', provider: 'groq', model: 'm', firstByteTimeoutMs: 8000 });
    reply({ type: 'head', status: 200, headers: {}, text: 'ok', end: true });
    expect(attempts).toEqual([{ provider: 'groq', model: 'm', firstByteTimeoutMs: 8000 }]);
    expect(await (await pending).text()).toBe('ok');
  });

  it('rejects when the background ends without any answer', async () => {
    const { channel, reply } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply({ type: 'end' });
    await expect(pending).rejects.toThrow(/closed the request without an answer/);
  });

  it('tells the background when the caller aborts mid-stream, and fails the body with the abort reason', async () => {
    const { channel, posted, reply, isClosed } = fakeChannel();
    const controller = new AbortController();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request, controller.signal);
    await Promise.resolve();
    reply(streamHead);
    const reader = (await pending).body!.getReader();
    await reader.read();
    const reason = new DOMException('stop', 'AbortError');
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
    expect(posted.at(-1)).toEqual({ type: 'abort' });
    expect(isClosed()).toBe(true);
  });

  it('tells the background when the reader cancels the body', async () => {
    const { channel, posted, reply, isClosed } = fakeChannel();
    const pending = exchangeOverChannel(() => Promise.resolve(channel), request);
    await Promise.resolve();
    reply(streamHead);
    await (await pending).body!.cancel();
    expect(posted).toEqual([request, { type: 'abort' }]);
    expect(isClosed()).toBe(true);
  });

  it('opens no channel for a request aborted before it starts', async () => {
    let opened = 0;
    const controller = new AbortController();
    controller.abort();
    await expect(
      exchangeOverChannel(
        () => {
          opened += 1;
          return Promise.resolve(fakeChannel().channel);
        },
        request,
        controller.signal,
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(opened).toBe(0);
  });
});
