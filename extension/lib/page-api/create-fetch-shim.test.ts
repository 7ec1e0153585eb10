import { describe, expect, it } from 'vitest';
import { FREELLM_BASE_URL } from '../../../shared/http/base-url';
import type { PageToBackground } from '../../../shared/protocol/page-port';
import { createFetchShim } from './create-fetch-shim';
import type { RequestChannel } from './port-exchange';

/** A shim whose background answers every request with `{}` and records what it was sent. */
function setup() {
  const sent: PageToBackground[] = [];
  const pageFetches: string[] = [];
  const openRequest = async (): Promise<RequestChannel> => {
    let listener: (message: unknown) => void = () => undefined;
    return {
      post: (message) => {
        sent.push(message);
        if (message.type === 'request')
          listener({ type: 'head', status: 200, headers: {}, text: '{}', end: true });
      },
      onMessage: (next) => {
        listener = next;
      },
      close: () => undefined,
    };
  };
  const pageFetch = async (input: RequestInfo | URL) => {
    pageFetches.push(String(input));
    return new Response('from the network');
  };
  return { shim: createFetchShim(openRequest, pageFetch as typeof fetch), sent, pageFetches };
}

describe('the page’s fetch shim', () => {
  it('sends only the headers the engine reads: the API key and telemetry a client adds stay in the page', async () => {
    const { shim, sent } = setup();
    await shim(`${FREELLM_BASE_URL}/chat/completions?x=1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-page-secret',
        'x-stainless-os': 'Linux',
        'content-type': 'application/json',
        'X-FreeLLM-Strategy': 'fastest',
      },
      body: '{"messages":[]}',
    });
    expect(sent).toEqual([
      {
        type: 'request',
        method: 'POST',
        path: '/v1/chat/completions?x=1',
        headers: { 'content-type': 'application/json', 'x-freellm-strategy': 'fastest' },
        body: '{"messages":[]}',
      },
    ]);
  });

  it('leaves every other URL to the page’s own fetch', async () => {
    const { shim, sent, pageFetches } = setup();
    const response = await shim('https://api.example/v1/chat/completions', { method: 'POST', body: '{}' });
    expect(await response.text()).toBe('from the network');
    expect(pageFetches).toEqual(['https://api.example/v1/chat/completions']);
    expect(sent).toEqual([]);
  });

  it('asks the extension for progress only when the caller listens for it', async () => {
    const { shim, sent } = setup();
    await shim(`${FREELLM_BASE_URL}/models`);
    await shim(`${FREELLM_BASE_URL}/models`, { onAttempt: () => undefined } as RequestInit);
    expect(sent.map((message) => message.type === 'request' && message.headers)).toEqual([
      {},
      { 'x-freellm-progress': '1' },
    ]);
  });
});
