/**
 * @module What every route of the HTTP surface takes and gives: the request as a transport read
 * it, and an answer with a JSON or SSE body.
 */
import type { Caller, EngineAnswer } from '../engine/engine-answer';
import type { ChatOptions, Engine } from '../engine/create-engine';
import type { ChatCompletionChunk } from '../openai/chat';
import { invalidRequest, toFreeLLMError, type OpenAIErrorBody } from '../openai/error';
import type { AttemptProgress } from '../protocol/attempt-progress';
import { toSse, type StreamTranslator } from './stream-translator';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<string>;
}

export interface RouteRequest {
  engine: Engine;
  caller: Caller;
  /** Names in lower case. */
  headers: Record<string, string>;
  body: string | undefined;
  signal?: AbortSignal;
  onAttempt?: (progress: AttemptProgress) => void;
}

export type Route = (request: RouteRequest) => Promise<HttpAnswer>;

export function parseJsonBody(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '');
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
}

/** What the engine reads from a request besides its body. */
export const engineOptions = (request: RouteRequest): ChatOptions => ({
  strategy: request.headers['x-freellm-strategy'],
  headers: request.headers,
  onAttempt: request.onAttempt,
});

/** Asks the engine for a chat answer as the chat-completions route does, with the same options. */
export const askEngine = (request: RouteRequest, chat: unknown): Promise<EngineAnswer> =>
  request.engine.chat(chat, request.caller, request.signal, engineOptions(request));

export function jsonAnswer(status: number, headers: Record<string, string>, body: unknown): HttpAnswer {
  return {
    status,
    headers: { ...headers, 'content-type': 'application/json' },
    body: once(JSON.stringify(body)),
  };
}

/** Anything thrown before the engine answered, in OpenAI's error shape. */
export function errorAnswer(thrown: unknown): HttpAnswer {
  const error = toFreeLLMError(thrown);
  return jsonAnswer(error.status, {}, error.toBody());
}

export function sseAnswer(
  headers: Record<string, string>,
  chunks: AsyncIterable<ChatCompletionChunk | OpenAIErrorBody>,
  translator: StreamTranslator,
): HttpAnswer {
  return {
    status: 200,
    headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    body: toSse(chunks, translator),
  };
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
