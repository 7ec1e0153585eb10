/**
 * @module The adapter for Anthropic's native Messages API: builds `POST {baseURL}/messages` from
 * an OpenAI request, and turns the answer — JSON, SSE or an error — back into OpenAI objects.
 * @see https://docs.anthropic.com/en/api/messages
 */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../../openai/chat';
import { readJsonEventStream } from '../read-json-event-stream';
import { identityOf, responseContextOf, type AdapterCall, type ProviderAdapter } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import {
  anthropicAuthHeaders,
  anthropicMessageSchema,
  anthropicStreamEventSchema,
  knownAnthropicEventTypes,
} from './anthropic-api';
import { classifyAnthropicError, classifyAnthropicStreamError } from './classify-anthropic-error';
import { convertToAnthropicRequest } from './convert-to-anthropic-request';
import { listAnthropicModels } from './list-anthropic-models';
import { mapAnthropicResponse } from './map-anthropic-response';
import { mapAnthropicStream } from './map-anthropic-stream';

function post(request: ChatCompletionRequest, call: AdapterCall, stream: boolean): Promise<Response> {
  const body = JSON.stringify(convertToAnthropicRequest(request, { model: call.model, stream }));
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...anthropicAuthHeaders(call.apiKey) },
    body,
  };
  return fetchUpstream(call, `${call.baseURL}/messages`, init, classifyAnthropicError);
}

function eventTypeOf(json: unknown): unknown {
  return typeof json === 'object' && json !== null && 'type' in json ? json.type : undefined;
}

export function createAnthropicAdapter(): ProviderAdapter {
  return {
    async complete(request, call): Promise<ChatCompletion> {
      const response = await post(request, call, false);
      return mapAnthropicResponse(
        await readJsonBody(response, anthropicMessageSchema, call, 'a response that is not a message'),
        responseContextOf(call),
      );
    },

    async stream(request, call): Promise<AsyncIterable<ChatCompletionChunk>> {
      const response = await post(request, call, true);
      const events = readJsonEventStream(response, anthropicStreamEventSchema, {
        ...identityOf(call),
        screen: (json, data) => {
          const type = eventTypeOf(json);
          // Anthropic may add event types; the docs ask clients to ignore those they do not know.
          if (typeof type !== 'string' || !knownAnthropicEventTypes.has(type)) return 'skip';
          return type === 'error' ? classifyAnthropicStreamError(data, call, call.now()) : undefined;
        },
        describe: (json) => `a ${String(eventTypeOf(json))} event`,
      });
      return mapAnthropicStream(events, responseContextOf(call));
    },

    listModels: listAnthropicModels,
  };
}
