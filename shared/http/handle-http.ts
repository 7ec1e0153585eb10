/**
 * @module The OpenAI-compatible HTTP surface, independent of any transport: the fetch shim, the
 * playground and tests all speak to the engine through it. Covers `POST /chat/completions`,
 * `GET /models` and `GET /quota`; anything else is an OpenAI-shaped 404 — but only for a site that was allowed:
 * any other gets the 403 whatever it asks, so it learns nothing, not even which paths exist.
 */
import type { Caller, EngineAnswer } from '../engine/engine-answer';
import type { Engine } from '../engine/create-engine';
import { carriesToken, type ChatCompletionChunk } from '../openai/chat';
import {
  errorWithCode,
  FreeLLMError,
  invalidRequest,
  toFreeLLMError,
  type OpenAIErrorBody,
} from '../openai/error';
import type { PortRequest } from '../protocol/page-port';
import type { AttemptProgress } from '../protocol/attempt-progress';
import { encodeSseData, SSE_DONE } from '../sse/encode-sse';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<string>;
}

const JSON_TYPE = { 'content-type': 'application/json' };

export async function handleHttp(
  engine: Engine,
  request: Omit<PortRequest, 'type'>,
  caller: Caller,
  signal?: AbortSignal,
  onAttempt?: (progress: AttemptProgress) => void,
): Promise<HttpAnswer> {
  if (caller.kind === 'page') {
    try {
      await engine.origins.check(caller);
    } catch (thrown) {
      return fromError(toFreeLLMError(thrown));
    }
  }
  const path = new URL(request.path, 'http://freellm.invalid/').pathname
    .replace(/^\/v1(?=\/)/, '')
    .replace(/\/+$/, '');
  if (path === '/chat/completions' && request.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return fromError(invalidRequest('The request body is not valid JSON.'));
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    return fromAnswer(
      await engine.chat(body, caller, signal, {
        strategy: headers['x-freellm-strategy'],
        headers,
        onAttempt,
      }),
    );
  }
  if (path === '/models' && request.method === 'GET') {
    return fromAnswer(await engine.models(caller));
  }
  if (path === '/quota' && request.method === 'GET') {
    try {
      return fromAnswer({ kind: 'json', status: 200, headers: {}, body: await engine.quota(caller) });
    } catch (thrown) {
      return fromError(toFreeLLMError(thrown));
    }
  }
  return fromError(
    errorWithCode(
      'unknown_url',
      `Unknown request URL: ${request.method} ${path}. FreeLLM serves POST /chat/completions, GET /models and GET /quota.`,
    ),
  );
}

function fromError(error: FreeLLMError): HttpAnswer {
  return fromAnswer({ kind: 'json', status: error.status, headers: {}, body: error.toBody() });
}

function fromAnswer(answer: EngineAnswer): HttpAnswer {
  if (answer.kind === 'json') {
    return {
      status: answer.status,
      headers: { ...answer.headers, ...JSON_TYPE },
      body: once(JSON.stringify(answer.body)),
    };
  }
  return {
    status: answer.status,
    headers: {
      ...answer.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    },
    body: toSse(answer.chunks),
  };
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/**
 * Chunks before the first token (the role chunk) are held and sent with it, so the body's first
 * piece already shows the answer: a transport that sends each piece as a message spends one
 * message, not two, before the first token.
 */
async function* toSse(chunks: AsyncIterable<ChatCompletionChunk | OpenAIErrorBody>): AsyncGenerator<string> {
  let failed = false;
  let held = '';
  for await (const chunk of chunks) {
    failed ||= 'error' in chunk;
    held += encodeSseData(chunk);
    if (failed || carriesToken(chunk as ChatCompletionChunk)) {
      yield held;
      held = '';
    }
  }
  if (!failed) yield held + SSE_DONE;
}
