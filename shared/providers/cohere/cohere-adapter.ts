/**
 * @module The adapter for Cohere's native v2 chat API (`POST /v2/chat`, Bearer key).
 * @see https://docs.cohere.com/reference/chat
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import type { AdapterCall, ProviderAdapter } from '../types';
import { fetchUpstream, malformedUpstream, readJsonBody } from '../upstream-fetch';
import { classifyCohereError } from './classify-cohere-error';
import { cohereResponseSchema } from './cohere-api';
import { convertToCohereRequest } from './convert-to-cohere-request';
import { mapCohereResponse } from './map-cohere-response';
import { readCohereStream } from './map-cohere-stream';

export function createCohereAdapter(): ProviderAdapter {
  function post(request: ChatCompletionRequest, call: AdapterCall, stream: boolean): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (call.apiKey) headers.authorization = `Bearer ${call.apiKey}`;
    const body = JSON.stringify(convertToCohereRequest(request, call.model, stream));
    return fetchUpstream(call, `${call.baseURL}/chat`, { method: 'POST', headers, body }, classifyCohereError);
  }

  return {
    async complete(request, call) {
      const response = await post(request, call, false);
      return mapCohereResponse(await readJsonBody(response, cohereResponseSchema, call), { providerId: call.providerId, model: call.model, now: call.now() });
    },

    async stream(request, call) {
      const response = await post(request, call, true);
      if (!response.body) throw malformedUpstream(call.providerId, 'a stream without a body');
      return readCohereStream(response.body, { providerId: call.providerId, model: call.model, now: call.now() });
    },
  };
}
