/**
 * @module `POST /responses`: the OpenAI Responses API, served by the engine like any chat request
 * (routing, failover, accounting, cache, log). Errors keep OpenAI's shape, as the API's own do.
 */
import type { ChatCompletion, ChatMessage } from '../../openai/chat';
import { errorWithCode } from '../../openai/error';
import { askEngine, errorAnswer, jsonAnswer, parseJsonBody, sseAnswer, type Route } from '../http-route';
import { keptResponsesOf } from './kept-responses';
import {
  assistantMessageOf,
  keptItemsOf,
  outputOfCompletion,
  responseIdOf,
  responseOf,
  type AnswerOutput,
  type ResponseContext,
} from './responses-answer';
import {
  conversationOf,
  parseResponsesRequest,
  responsesToChat,
  type ResponsesRequest,
} from './responses-request';
import { responsesStream } from './responses-stream';

export const serveResponses: Route = async (request) => {
  let parsed: ResponsesRequest;
  let conversation: ChatMessage[];
  const kept = keptResponsesOf(request.engine, request.caller);
  try {
    parsed = parseResponsesRequest(parseJsonBody(request.body));
    const previous = parsed.previous_response_id;
    const history = previous ? kept.conversation(previous) : [];
    if (!history)
      throw errorWithCode(
        'previous_response_not_found',
        `Previous response with id '${previous}' not found. FreeLLM keeps its last responses in memory only while it runs (see docs/page-api.md).`,
        { param: 'previous_response_id' },
      );
    conversation = conversationOf(parsed, history, kept.item);
  } catch (thrown) {
    return errorAnswer(thrown);
  }
  const answer = await askEngine(request, responsesToChat(parsed, conversation));
  const context: ResponseContext = { id: responseIdOf(answer.headers['x-request-id']), request: parsed };
  const keep = (output: AnswerOutput) => {
    if (parsed.store !== false)
      kept.keep(context.id, [...conversation, assistantMessageOf(output)], keptItemsOf(context, output));
  };
  if (answer.kind === 'stream')
    return sseAnswer(answer.headers, answer.chunks, responsesStream(context, keep));
  if (answer.status !== 200) return jsonAnswer(answer.status, answer.headers, answer.body);
  const output = outputOfCompletion(answer.body as ChatCompletion);
  keep(output);
  return jsonAnswer(200, answer.headers, responseOf(context, output));
};
