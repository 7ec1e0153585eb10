/** @module What the engine hands a host: a JSON answer or a stream of chunks, with headers. */
import type { ChatCompletionChunk } from '../openai/chat';
import type { PageCaller } from '../grants/origin-grants';
import type { OpenAIErrorBody } from '../openai/error';
import type { Attempt } from '../request-log/request-log-entry';
import type { Candidate } from '../router/candidates';
import { LOCAL_ENDPOINT_CALLER } from '../local-endpoint/local-endpoint';

export type EngineAnswer =
  | { kind: 'json'; status: number; headers: Record<string, string>; body: unknown }
  | {
      kind: 'stream';
      status: 200;
      headers: Record<string, string>;
      /** Ends after the last chunk; a failure after the first chunk arrives as one error body. */
      chunks: AsyncIterable<ChatCompletionChunk | OpenAIErrorBody>;
    };

export type JsonAnswer = Extract<EngineAnswer, { kind: 'json' }>;

/** Who served an answer, and after how many attempts: the headers every routed answer carries. */
export function routingHeaders(served: Candidate, attempts: Attempt[]): Record<string, string> {
  return {
    'x-freellm-provider': served.provider.id,
    'x-freellm-model': served.model,
    'x-freellm-attempts': String(attempts.length),
  };
}

/**
 * Who is asking. Pages are identified by what the host read from the port's sender; `local` is a
 * tool outside the browser, through the local endpoint (it showed the token).
 */
export type Caller = ({ kind: 'page' } & PageCaller) | { kind: 'extension' } | { kind: 'local' };

/** A page's origin, `extension` for the extension's own pages together, or the local endpoint: the request log's "who". */
export const callerOrigin = (caller: Caller): string =>
  caller.kind === 'page' ? caller.origin : caller.kind === 'local' ? LOCAL_ENDPOINT_CALLER : 'extension';
