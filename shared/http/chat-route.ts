/** @module `POST /chat/completions`, `GET /models` and `GET /quota`: the engine's own form, passed through. */
import type { EngineAnswer } from '../engine/engine-answer';
import {
  askEngine,
  errorAnswer,
  jsonAnswer,
  parseJsonBody,
  sseAnswer,
  type HttpAnswer,
  type Route,
} from './http-route';
import { chatCompletionStream } from './stream-translator';

function fromAnswer(answer: EngineAnswer): HttpAnswer {
  return answer.kind === 'json'
    ? jsonAnswer(answer.status, answer.headers, answer.body)
    : sseAnswer(answer.headers, answer.chunks, chatCompletionStream());
}

export const serveChatCompletions: Route = async (request) => {
  let body: unknown;
  try {
    body = parseJsonBody(request.body);
  } catch (thrown) {
    return errorAnswer(thrown);
  }
  return fromAnswer(await askEngine(request, body));
};

export const serveModels: Route = async (request) => fromAnswer(await request.engine.models(request.caller));

export const serveQuota: Route = async (request) => {
  try {
    return jsonAnswer(200, {}, await request.engine.quota(request.caller));
  } catch (thrown) {
    return errorAnswer(thrown);
  }
};
