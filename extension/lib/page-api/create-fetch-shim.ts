/**
 * `window.freellm.fetch` (and the popup's chat): an OpenAI-compatible `fetch` for requests under `baseURL`. It returns
 * real `Response` objects whose body streams as the background sends it (SSE for streams), and an
 * aborted signal closes the request's port, which cancels the upstream call. Other URLs go to the
 * page's own fetch, so the shim can be handed to clients that fetch other things too.
 */
import { backgroundToPageSchema, type PageToBackground } from '../../../shared/protocol/page-port';

/** One request's channel to the background: a MessagePort in pages, a runtime port in the popup. */
export interface RequestChannel {
  post(message: PageToBackground): void;
  onMessage(listener: (message: unknown) => void): void;
  close(): void;
}

export const BASE_URL = 'https://freellm.invalid/v1';

const FORWARDED_HEADERS = ['accept', 'cache-control', 'content-type'];

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function createFetchShim(openRequest: () => Promise<RequestChannel>, pageFetch: typeof fetch): typeof fetch {
  const baseOrigin = new URL(BASE_URL).origin;
  return async function freellmFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== baseOrigin) return pageFetch(input, init);
    const signal = request.signal;
    if (signal.aborted) throw abortError(signal);
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const channel = await openRequest();
    const post = (message: PageToBackground) => channel.post(message);

    return new Promise<Response>((resolve, reject) => {
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      let finished = false;
      const encoder = new TextEncoder();
      const finish = () => {
        finished = true;
        signal.removeEventListener('abort', onAbort);
        channel.close();
      };
      const onAbort = () => {
        if (finished) return;
        post({ type: 'abort' });
        finish();
        const error = abortError(signal);
        reject(error);
        controller?.error(error);
      };
      signal.addEventListener('abort', onAbort);
      channel.onMessage((data) => {
        if (finished) return;
        const parsed = backgroundToPageSchema.safeParse(data);
        if (!parsed.success) return;
        const message = parsed.data;
        if (message.type === 'head') {
          const stream = new ReadableStream<Uint8Array>({
            start: (streamController) => {
              controller = streamController;
            },
            cancel: () => {
              if (finished) return;
              post({ type: 'abort' });
              finish();
            },
          });
          resolve(new Response(stream, { status: message.status, headers: message.headers }));
        } else if (message.type === 'data') {
          controller?.enqueue(encoder.encode(message.text));
        } else {
          finish();
          if (controller) controller.close();
          else reject(new TypeError('FreeLLM closed the request without an answer.'));
        }
      });
      post({ type: 'request', method: request.method as 'GET', path: url.pathname + url.search, headers, body });
    });
  };
}
