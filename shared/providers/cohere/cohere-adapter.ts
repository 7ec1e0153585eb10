/**
 * @module The adapter for Cohere's native v2 chat API (`POST /v2/chat`, Bearer key).
 * @see https://docs.cohere.com/reference/chat
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import { readJsonEventStream } from '../read-json-event-stream';
import { responseContextOf, type AdapterCall, type ProviderAdapter } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import { classifyCohereError } from './classify-cohere-error';
import { cohereAuthHeaders, cohereResponseSchema, cohereStreamEventSchema } from './cohere-api';
import { convertToCohereRequest } from './convert-to-cohere-request';
import { listCohereModels } from './list-cohere-models';
import { mapCohereResponse } from './map-cohere-response';
import { mapCohereStream } from './map-cohere-stream';

function post(request: ChatCompletionRequest, call: AdapterCall, stream: boolean): Promise<Response> {
  const headers = { 'content-type': 'application/json', ...cohereAuthHeaders(call.apiKey) };
  const body = JSON.stringify(convertToCohereRequest(request, { model: call.model, stream }));
  return fetchUpstream(call, `${call.baseURL}/chat`, { method: 'POST', headers, body }, classifyCohereError);
}

export function createCohereAdapter(): ProviderAdapter {
  return {
    async complete(request, call) {
      const response = await post(request, call, false);
      return mapCohereResponse(
        await readJsonBody(response, cohereResponseSchema, call),
        responseContextOf(call),
      );
    },

    async stream(request, call) {
      const response = await post(request, call, true);
      const events = readJsonEventStream(response, cohereStreamEventSchema, {
        providerId: call.providerId,
        // The SDK's terminator.
        endMarker: '[DONE]',
        // An untyped `{"message": …}` mid-stream is Cohere's error envelope.
        screen: (json, data) =>
          typeof json === 'object' &&
          json !== null &&
          'message' in json &&
          !cohereStreamEventSchema.safeParse(json).success
            ? classifyCohereError({
                status: 502,
                headers: new Headers(),
                bodyText: data,
                providerId: call.providerId,
                now: call.now(),
              })
            : undefined,
      });
      return mapCohereStream(events, responseContextOf(call));
    },

    listModels: listCohereModels,
  };
}
