import { describe, expect, it } from 'vitest';
import type { BackgroundToPage, PageToBackground } from '../../../shared/protocol/page-port';
import { exchangeOverChannel, type RequestChannel } from './port-exchange';

/** A request channel whose background side the test plays. */
function fakeChannel() {
  let listener: (message: unknown) => void = () => undefined;
  const posted: PageToBackground[] = [];
  const channel: RequestChannel = {
    post: (message) => posted.push(message),
    onMessage: (next) => {
      listener = next;
    },
    close: () => undefined,
  };
  return { channel, posted, reply: (message: BackgroundToPage) => listener(message) };
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
});
