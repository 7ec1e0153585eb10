/** @module `POST /embeddings`: the engine answers in OpenAI's own shape, passed through. */
import { engineOptions, errorAnswer, jsonAnswer, parseJsonBody, type Route } from './http-route';

export const serveEmbeddings: Route = async (request) => {
  let body: unknown;
  try {
    body = parseJsonBody(request.body);
  } catch (thrown) {
    return errorAnswer(thrown);
  }
  const answer = await request.engine.embeddings(
    body,
    request.caller,
    request.signal,
    engineOptions(request),
  );
  return jsonAnswer(answer.status, answer.headers, answer.body);
};
