/**
 * @module The HTTP surface, independent of any transport: the fetch shim, the playground and
 * tests all speak to the engine through it. Each route converts its API to the engine's one
 * internal form (an OpenAI chat request) and the answer back; anything else is an OpenAI-shaped
 * 404 — but only for a site that was allowed (or a local caller with the token): any other gets
 * the 403 (401) whatever it asks, so it learns nothing, not even which paths exist.
 */
import type { Caller } from '../engine/engine-answer';
import type { Engine } from '../engine/create-engine';
import { errorWithCode, toFreeLLMError } from '../openai/error';
import type { PortRequest } from '../protocol/page-port';
import type { AttemptProgress } from '../protocol/attempt-progress';
import { countMessageTokens, serveMessages } from './anthropic-messages/messages-route';
import { serveChatCompletions, serveModels, serveQuota } from './chat-route';
import { jsonAnswer, type HttpAnswer, type Route } from './http-route';
import { serveResponses } from './openai-responses/responses-route';
import { serveEmbeddings } from './embeddings-route';

export type { HttpAnswer };

const ROUTES: Record<string, Route> = {
  'POST /chat/completions': serveChatCompletions,
  'GET /models': serveModels,
  'GET /quota': serveQuota,
  'POST /messages': serveMessages,
  'POST /messages/count_tokens': countMessageTokens,
  'POST /responses': serveResponses,
  'POST /embeddings': serveEmbeddings,
};

const SERVED = Object.keys(ROUTES).join(', ');

export async function handleHttp(
  engine: Engine,
  request: Omit<PortRequest, 'type'>,
  caller: Caller,
  signal?: AbortSignal,
  onAttempt?: (progress: AttemptProgress) => void,
): Promise<HttpAnswer> {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  try {
    if (caller.kind === 'page') await engine.origins.check(caller);
    if (caller.kind === 'local') await engine.localEndpoint.admit(headers);
  } catch (thrown) {
    const error = toFreeLLMError(thrown);
    return jsonAnswer(error.status, {}, error.toBody());
  }
  const path = new URL(request.path, 'http://freellm.invalid/').pathname
    .replace(/^\/v1(?=\/)/, '')
    .replace(/\/+$/, '');
  const route = Object.hasOwn(ROUTES, `${request.method} ${path}`)
    ? ROUTES[`${request.method} ${path}`]
    : undefined;
  if (route) {
    return route({ engine, caller, headers, body: request.body, signal, onAttempt });
  }
  const error = errorWithCode(
    'unknown_url',
    `Unknown request URL: ${request.method} ${path}. FreeLLM serves ${SERVED}.`,
  );
  return jsonAnswer(error.status, {}, error.toBody());
}
