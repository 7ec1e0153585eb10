/**
 * @module `POST /messages` and `POST /messages/count_tokens`: the Anthropic Messages API, served
 * by the engine like any chat request (routing, failover, accounting, cache, log). The
 * `anthropic-version` header is accepted whatever its value: the shapes served are those of
 * `2023-06-01`, the only version Anthropic has.
 */
import { chatCompletionRequestSchema, type ChatCompletion } from '../../openai/chat';
import { toFreeLLMError, type OpenAIErrorBody } from '../../openai/error';
import { requestNeeds } from '../../router/candidates';
import { askEngine, jsonAnswer, parseJsonBody, sseAnswer, type HttpAnswer, type Route } from '../http-route';
import { messageIdOf, messageOf, messagesErrorOf } from './messages-answer';
import { messagesToChat, parseMessagesRequest } from './messages-request';
import { messagesStream } from './messages-stream';

function errorAnswer(thrown: unknown): HttpAnswer {
  const error = toFreeLLMError(thrown);
  return jsonAnswer(error.status, {}, messagesErrorOf(error.status, error.toBody()));
}

/** The prompt's size as the router estimates it; 0 for a request the engine will refuse anyway. */
function estimatedInputTokens(chat: unknown): number {
  const parsed = chatCompletionRequestSchema.safeParse(chat);
  return parsed.success ? requestNeeds(parsed.data).promptTokens : 0;
}

export const serveMessages: Route = async (request) => {
  try {
    const chat = messagesToChat(parseMessagesRequest(parseJsonBody(request.body)));
    const estimated = estimatedInputTokens(chat);
    const answer = await askEngine(request, chat);
    const id = messageIdOf(answer.headers['x-request-id']);
    if (answer.kind === 'stream')
      return sseAnswer(answer.headers, answer.chunks, messagesStream(id, estimated));
    const body =
      answer.status === 200
        ? messageOf(answer.body as ChatCompletion, id, estimated)
        : messagesErrorOf(answer.status, answer.body as OpenAIErrorBody);
    return jsonAnswer(answer.status, answer.headers, body);
  } catch (thrown) {
    return errorAnswer(thrown);
  }
};

/** An estimate (about four characters a token, images at a fixed cost), as the router makes its own. */
export const countMessageTokens: Route = async (request) => {
  try {
    const body = parseJsonBody(request.body);
    // count_tokens takes no max_tokens; the schema wants one.
    const chat = messagesToChat(parseMessagesRequest({ max_tokens: 1, ...(body as object) }));
    return jsonAnswer(200, {}, { input_tokens: estimatedInputTokens(chat) });
  } catch (thrown) {
    return errorAnswer(thrown);
  }
};
