/**
 * `window.freellm.fetch` (and the popup's chat): an OpenAI-compatible `fetch` for requests under
 * `baseURL`, answered by the extension with real `Response`s (SSE bodies for streams, OpenAI
 * error bodies, the routing headers). Other URLs go to the page's own fetch, so the shim can be
 * handed to clients that fetch other things too.
 */
import { FREELLM_BASE_URL } from '../../../shared/http/base-url';
import { onAttemptOf, PROGRESS_HEADER } from '../../../shared/protocol/attempt-progress';
import { exchangeOverChannel, type RequestChannel } from './port-exchange';

/** Headers the engine reads; everything else a client sends (auth, SDK telemetry) stays in the page. */
const FORWARDED_HEADER = /^(accept|cache-control|content-type|x-freellm-.*)$/i;

export function createFetchShim(
  openRequest: () => Promise<RequestChannel>,
  pageFetch: typeof fetch,
): typeof fetch {
  const baseOrigin = new URL(FREELLM_BASE_URL).origin;
  return async function freellmFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== baseOrigin) return pageFetch(input, init);
    const headers = Object.fromEntries([...request.headers].filter(([name]) => FORWARDED_HEADER.test(name)));
    const onAttempt = onAttemptOf(init);
    if (onAttempt) headers[PROGRESS_HEADER] = '1';
    // A string body (what OpenAI clients send) is taken as is: reading it back from the Request is
    // an asynchronous stream read that costs the request a task.
    const body =
      request.method === 'GET' || request.method === 'HEAD'
        ? undefined
        : typeof init?.body === 'string'
          ? init.body
          : await request.text();
    const method = request.method as 'GET' | 'POST';
    return exchangeOverChannel(
      openRequest,
      { type: 'request', method, path: url.pathname + url.search, headers, body },
      request.signal,
      onAttempt,
    );
  };
}
