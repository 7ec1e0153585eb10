/**
 * @module A fetch that keeps the chat's last call as it went over the wire, for the API explorer:
 * the request as sent, and the answer's status, headers and body or stream events as they come.
 * The caller gets its answer untouched (a streamed body is split in two, one half read here).
 */
import { messageOf } from '../../shared/ui/message-of';
import { decodeSse } from '../../shared/sse/decode-sse';

export interface RecordedCall {
  method: string;
  url: string;
  requestHeaders: [string, string][];
  requestBody: string | null;
  response?: { status: number; headers: [string, string][] };
  /** Each server-sent event's data, in order, for a streamed answer. */
  chunks: string[];
  /** The whole body of an answer not streamed (errors included). */
  body?: string;
  finished: boolean;
  failure?: string;
}

function isStreamRequest(body: string | null): boolean {
  try {
    return (JSON.parse(body ?? '') as { stream?: unknown }).stream === true;
  } catch {
    return false;
  }
}

/** Wraps `fetch`; each call other than a GET (the model list) is told to `onCall` at every change. */
export function recordingFetch(
  fetch: typeof globalThis.fetch,
  onCall: (call: RecordedCall) => void,
): typeof globalThis.fetch {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method === 'GET') return fetch(input, init);
    const requestBody = typeof init?.body === 'string' ? init.body : null;
    let call: RecordedCall = {
      method,
      url: input instanceof Request ? input.url : String(input),
      requestHeaders: [...new Headers(init?.headers)],
      requestBody,
      chunks: [],
      finished: false,
    };
    const tell = (change: Partial<RecordedCall>) => {
      call = { ...call, ...change };
      onCall(call);
    };
    tell({});
    let response: Response;
    try {
      // The same `init`: it may carry the chat's `onAttempt`, which only FreeLLM's fetch reads.
      response = await fetch(input, init);
    } catch (error) {
      tell({ finished: true, failure: messageOf(error) });
      throw error;
    }
    tell({ response: { status: response.status, headers: [...response.headers] } });
    if (!response.ok || !response.body || !isStreamRequest(requestBody)) {
      response
        .clone()
        .text()
        .then(
          (body) => tell({ body, finished: true }),
          (error: unknown) => tell({ finished: true, failure: messageOf(error) }),
        );
      return response;
    }
    const [forCaller, forRecord] = response.body.tee();
    void (async () => {
      try {
        for await (const event of decodeSse(forRecord)) tell({ chunks: [...call.chunks, event.data] });
        tell({ finished: true });
      } catch (error) {
        tell({ finished: true, failure: messageOf(error) });
      }
    })();
    return new Response(forCaller, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
