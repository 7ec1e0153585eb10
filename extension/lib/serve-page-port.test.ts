import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createFakeFetch, jsonResponse, sseResponse } from '../../shared/testing/fake-fetch';
import { createTestEngine } from '../../shared/testing/test-engine';
import type { ChatCompletionChunk } from '../../shared/openai/chat';
import { FreeLLMError } from '../../shared/openai/error';
import type { BackgroundToPage } from '../../shared/protocol/page-port';
import { createAccessRequests } from './access-requests';
import { createActiveRequests } from './active-requests';
import { servePagePort, type PagePortHost } from './serve-page-port';

const completion = {
  id: 'c1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'still here' }, finish_reason: 'stop' }],
};

/** A runtime port pair's far end, as the background sees it. */
function fakePort(sender: Browser.runtime.MessageSender) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const received: BackgroundToPage[] = [];
  let disconnected = false;
  const port = {
    name: 'freellm:request',
    sender,
    postMessage: (message: BackgroundToPage) => received.push(message),
    disconnect: () => {
      disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    received,
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The page closes its end (navigated away, or its relay went). */
    goAway: () => disconnectListeners.forEach((listener) => listener()),
    isDisconnected: () => disconnected,
    done: async () => {
      for (let i = 0; i < 100 && !disconnected; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
}

/** A background host whose engine has one key and allows https://app.example; upstream is `fetch`. */
async function setup(fetch = createFakeFetch(() => jsonResponse(completion))) {
  const { engine } = createTestEngine(fetch);
  await engine.keys.add({ providerId: 'groq', secret: 'gsk_fuzz_key_123456' });
  await engine.origins.allow('https://app.example');
  const keepAlive = { held: 0 };
  const host: PagePortHost = {
    engine,
    extensionOrigin: 'chrome-extension://abc',
    keepAlive: {
      hold: () => {
        keepAlive.held += 1;
        return () => (keepAlive.held -= 1);
      },
    },
    access: createAccessRequests({
      grants: engine.origins,
      newId: () => crypto.randomUUID(),
      openPrompt: async () => undefined,
    }),
    active: createActiveRequests(),
  };
  const sender = {
    url: 'https://app.example/page',
    origin: 'https://app.example',
    tab: { id: 7 } as Browser.tabs.Tab,
    frameId: 0,
  };
  return { host, sender, fetch, keepAlive };
}

/** An upstream that never answers until its request is cancelled. */
function hangingFetch() {
  return createFakeFetch(
    (call) =>
      new Promise<Response>((_resolve, reject) =>
        call.signal?.addEventListener('abort', () => reject(call.signal?.reason)),
      ),
  );
}

async function untilCalled(fetch: { calls: unknown[] }) {
  while (fetch.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
}

const revoked = () =>
  new FreeLLMError({ status: 403, type: 'permission_error', code: 'origin_revoked', message: 'revoked' });

const tokenChunk: ChatCompletionChunk = {
  id: 's1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }],
};

/** The same host, whose engine answers every chat with the stream `chunks` gives. */
function withStream(host: PagePortHost, chunks: () => AsyncGenerator<ChatCompletionChunk>): PagePortHost {
  const chat = async () => ({ kind: 'stream' as const, status: 200 as const, headers: {}, chunks: chunks() });
  return { ...host, engine: { ...host.engine, chat } };
}

const validRequest = {
  type: 'request',
  method: 'POST',
  path: '/v1/chat/completions',
  headers: {},
  body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
};

describe('servePagePort', () => {
  it('answers a JSON request in one message (head with the whole body), then closes the port', async () => {
    const { host, sender } = await setup();
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send(validRequest);
    await page.done();
    expect(page.received).toHaveLength(1);
    expect(page.received[0]).toMatchObject({
      type: 'head',
      status: 200,
      end: true,
      text: expect.stringContaining('still here'),
    });
    expect(page.isDisconnected()).toBe(true);
  });

  it('streams with the first token in the head (the role chunk rides along), then the rest, then the end', async () => {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      JSON.stringify({
        id: 's1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    const { host, sender } = await setup(
      createFakeFetch(() =>
        sseResponse([
          chunk({ role: 'assistant', content: '' }),
          chunk({ content: 'Hello' }),
          chunk({ content: ' there' }),
          chunk({}, 'stop'),
        ]),
      ),
    );
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send({
      ...validRequest,
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    await page.done();
    const [head, ...rest] = page.received;
    expect(head).toMatchObject({
      type: 'head',
      status: 200,
      end: false,
      headers: { 'content-type': expect.stringContaining('text/event-stream') },
    });
    const headText = head?.type === 'head' ? (head.text ?? '') : '';
    expect(headText).toContain('"role":"assistant"');
    expect(headText).toContain('"content":"Hello"');
    expect(headText).not.toContain(' there');
    const restText = rest.map((message) => (message.type === 'data' ? message.text : '')).join('');
    expect(restText).toContain('"content":" there"');
    expect(restText.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(rest.at(-1)).toEqual({ type: 'end' });
  });

  it('answers thousands of malformed messages with a 400 or nothing, and keeps serving valid requests', async () => {
    const { host, sender, fetch } = await setup();
    const garbage = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.constantFrom('request', 'abort', 'access', 'head'),
          method: fc.string(),
          path: fc.anything(),
          headers: fc.anything(),
          body: fc.anything(),
        },
        { requiredKeys: ['type'] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (message) => {
        const page = fakePort(sender);
        servePagePort(page.port, host);
        page.send(message);
        await page.done();
        const head = page.received.find((reply) => reply.type === 'head');
        // Either refused as malformed, or (for a well-formed request to an unknown path) a 4xx: never a crash.
        if (head && head.type === 'head') expect(head.status).toBeLessThan(500);
      }),
      { numRuns: 2000 },
    );
    const callsBefore = fetch.calls.length;
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send(validRequest);
    await page.done();
    expect(page.received[0]).toMatchObject({ type: 'head', status: 200 });
    expect(fetch.calls.length).toBe(callsBefore + 1);
  });

  it('cuts a revoked origin’s request: the page gets a 403 and the upstream call is cancelled', async () => {
    const hanging = hangingFetch();
    const { host, sender } = await setup(hanging);
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send(validRequest);
    await untilCalled(hanging);
    expect(host.active.cutOrigin('https://app.example', revoked())).toBe(1);
    await page.done();
    expect(page.received[0]).toMatchObject({
      type: 'head',
      status: 403,
      end: true,
      text: expect.stringContaining('origin_revoked'),
    });
    expect(hanging.calls[0]?.signal?.aborted).toBe(true);
  });

  it('cuts a revoked origin’s stream mid-answer with an error chunk and a proper end, so the page does not see a breakage', async () => {
    const chunk = JSON.stringify({
      id: 's1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }],
    });
    const endless = createFakeFetch(
      () =>
        new Response(
          new ReadableStream({
            start: (controller) => controller.enqueue(new TextEncoder().encode(`data: ${chunk}\n\n`)),
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const { host, sender } = await setup(endless);
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send({
      ...validRequest,
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    while (page.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    host.active.cutOrigin('https://app.example', revoked());
    await page.done();
    expect(page.received.map((message) => message.type)).toEqual(['head', 'data', 'end']);
    expect(page.received[1]).toMatchObject({ type: 'data', text: expect.stringContaining('origin_revoked') });
  });

  it('knows the page by its port’s sender: origin fields in the message are ignored', async () => {
    const { host, sender, fetch } = await setup();
    const page = fakePort({ ...sender, url: 'https://evil.example/', origin: 'https://evil.example' });
    servePagePort(page.port, host);
    page.send({ ...validRequest, origin: 'https://app.example', sender, tabId: 7 });
    await page.done();
    expect(page.received[0]).toMatchObject({
      type: 'head',
      status: 403,
      text: expect.stringContaining('origin_not_allowed'),
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('serves the extension’s own pages (the popup’s chat) without a site grant', async () => {
    const { host } = await setup();
    const popup = fakePort({ url: 'chrome-extension://abc/popup.html', origin: 'chrome-extension://abc' });
    servePagePort(popup.port, host);
    popup.send(validRequest);
    await popup.done();
    expect(popup.received[0]).toMatchObject({
      type: 'head',
      status: 200,
      text: expect.stringContaining('still here'),
    });
  });

  it('answers an access request as one more route: the AccessResult as JSON; only web pages may ask', async () => {
    const { host, sender } = await setup();
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send({ type: 'access' });
    await page.done();
    expect(page.received).toHaveLength(1);
    expect(page.received[0]).toMatchObject({ type: 'head', status: 200, end: true });
    const head = page.received[0]!;
    expect(head.type === 'head' && JSON.parse(head.text ?? '')).toEqual({ granted: true, scope: 'always' });

    const popup = fakePort({ url: 'chrome-extension://abc/popup.html' });
    servePagePort(popup.port, host);
    popup.send({ type: 'access' });
    await popup.done();
    expect(popup.received[0]).toMatchObject({
      type: 'head',
      status: 400,
      text: expect.stringContaining('Only web pages ask for access'),
    });
  });

  it.each([
    ['aborts', (page: ReturnType<typeof fakePort>) => page.send({ type: 'abort' })],
    ['goes away', (page: ReturnType<typeof fakePort>) => page.goAway()],
  ])(
    'cancels the upstream call when the page %s, sends nothing after, and lets the worker sleep',
    async (_how, end) => {
      const hanging = hangingFetch();
      const { host, sender, keepAlive } = await setup(hanging);
      const page = fakePort(sender);
      servePagePort(page.port, host);
      page.send(validRequest);
      await untilCalled(hanging);
      expect(keepAlive.held).toBe(1);
      end(page);
      expect(hanging.calls[0]?.signal?.aborted).toBe(true);
      for (let i = 0; i < 20 && keepAlive.held > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 1));
      expect(keepAlive.held).toBe(0);
      expect(page.received).toEqual([]);
    },
  );

  it('serves one request per port: a second request on it is ignored', async () => {
    const { host, sender, fetch } = await setup();
    const page = fakePort(sender);
    servePagePort(page.port, host);
    page.send(validRequest);
    page.send(validRequest);
    await page.done();
    expect(page.received).toHaveLength(1);
    expect(fetch.calls).toHaveLength(1);
  });

  it('tells whom it is asking before the head, only when the page asked to hear it', async () => {
    const { host, sender } = await setup();
    const quiet = fakePort(sender);
    servePagePort(quiet.port, host);
    quiet.send(validRequest);
    await quiet.done();
    expect(quiet.received.map((message) => message.type)).toEqual(['head']);

    const listening = fakePort(sender);
    servePagePort(listening.port, host);
    listening.send({
      ...validRequest,
      headers: { 'x-freellm-progress': '1' },
      // Another question: a cached answer asks no provider.
      body: JSON.stringify({ messages: [{ role: 'user', content: 'who is answering?' }] }),
    });
    await listening.done();
    expect(listening.received.map((message) => message.type)).toEqual(['progress', 'head']);
    expect(listening.received[0]).toMatchObject({ provider: expect.stringContaining('Groq') });
  });

  it('ends a stream that breaks after its head with an error chunk and an end, never a second head', async () => {
    const { host, sender } = await setup();
    const breaking = withStream(host, async function* () {
      yield tokenChunk;
      throw new Error('the stream broke');
    });
    const page = fakePort(sender);
    servePagePort(page.port, breaking);
    page.send({
      ...validRequest,
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    await page.done();
    expect(page.received.map((message) => message.type)).toEqual(['head', 'data', 'end']);
    expect(page.received[1]).toMatchObject({
      type: 'data',
      text: expect.stringMatching(/^data: \{"error":/),
    });
  });

  it('cuts a revoked site’s stream that has not started yet with a 403 head, not an end without an answer', async () => {
    const { host, sender } = await setup();
    let started = () => undefined as void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    const silent = withStream(host, async function* () {
      started();
      await new Promise(() => undefined);
      yield tokenChunk;
    });
    const page = fakePort(sender);
    servePagePort(page.port, silent);
    page.send({
      ...validRequest,
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    await begun;
    expect(host.active.cutOrigin('https://app.example', revoked())).toBe(1);
    await page.done();
    expect(page.received).toHaveLength(1);
    expect(page.received[0]).toMatchObject({
      type: 'head',
      status: 403,
      end: true,
      text: expect.stringContaining('origin_revoked'),
    });
  });
});
