/**
 * Faults a provider can show, for the fault-matrix e2e and the failover benchmark. A mock started
 * with `faults` picks one by the requested model's name, up to its first dot (`status-503.case-7`
 * is a 503; the rest keeps each case's model, and so its cool-down, apart); other names answer.
 */
import type { ServerResponse } from 'node:http';

export const FAULTS = [
  'hang',
  'slow-first-byte',
  'silent-after-head',
  'truncate-before-token',
  'truncate-after-token',
  'invalid-json',
  'html-page',
  'status-500',
  'status-503',
  'status-529',
] as const;
export type Fault = (typeof FAULTS)[number];

/** How long `slow-first-byte` waits before its (otherwise normal) answer. */
export const SLOW_FIRST_BYTE_MS = 20_000;

export function faultOf(model: unknown): Fault | undefined {
  const name = String(model).split('.')[0];
  return FAULTS.find((fault) => fault === name);
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>';

const STATUS_ERRORS: Record<string, { status: number; error: Record<string, unknown> }> = {
  'status-500': {
    status: 500,
    error: {
      message: 'The server had an error while processing your request.',
      type: 'server_error',
      param: null,
      code: null,
    },
  },
  'status-503': {
    status: 503,
    error: {
      message: 'The engine is currently overloaded, please try again later.',
      type: 'server_error',
      param: null,
      code: 'service_unavailable',
    },
  },
  'status-529': {
    status: 529,
    error: { message: 'Overloaded', type: 'overloaded_error', param: null, code: 'overloaded_error' },
  },
};

/**
 * Sends `text`, then drops the connection without ending the answer: a moment later, as a
 * failing upstream would (an immediate reset may discard what the client has not read yet).
 */
function cut(response: ServerResponse, text: string): void {
  response.write(text, () => setTimeout(() => response.socket?.destroy(), CUT_AFTER_MS));
}
const CUT_AFTER_MS = 100;

/**
 * Plays `fault` on `response`. Returns `'answer'` when the normal answer should follow (after a
 * slow first byte, if the client is still there), `'done'` when the fault is the whole answer.
 */
export async function playFault(
  fault: Fault,
  response: ServerResponse,
  stream: boolean,
  roleChunk: string,
  firstToken: string,
): Promise<'answer' | 'done'> {
  switch (fault) {
    case 'hang':
      return 'done';
    case 'slow-first-byte':
      await new Promise((resolve) => setTimeout(resolve, SLOW_FIRST_BYTE_MS));
      return response.destroyed ? 'done' : 'answer';
    case 'silent-after-head':
      response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      response.flushHeaders();
      return 'done';
    case 'truncate-before-token':
      response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      cut(response, stream ? roleChunk : '{"id":"chatcmpl-cut","object":"chat.comp');
      return 'done';
    case 'truncate-after-token':
      response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      cut(
        response,
        stream
          ? roleChunk + firstToken
          : '{"id":"chatcmpl-cut","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Ec',
      );
      return 'done';
    case 'invalid-json':
      response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      response.end(
        stream
          ? 'data: {"id": chatcmpl-oops, "choices": [\n\ndata: [DONE]\n\n'
          : '{"id": chatcmpl-oops, "choices": [',
      );
      return 'done';
    case 'html-page':
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(HTML_PAGE);
      return 'done';
    default: {
      const { status, error } = STATUS_ERRORS[fault]!;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error }));
      return 'done';
    }
  }
}
