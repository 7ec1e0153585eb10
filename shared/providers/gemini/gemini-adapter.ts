/**
 * @module The adapter for Google's native Gemini API (`generateContent`).
 * @see https://ai.google.dev/api/generate-content
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import { readJsonEventStream } from '../read-json-event-stream';
import { responseContextOf, type AdapterCall, type ProviderAdapter } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import { classifyGeminiError, parseGeminiError } from './classify-gemini-error';
import { convertToGeminiRequest } from './convert-to-gemini-request';
import { geminiAuthHeaders, geminiResponseSchema } from './gemini-api';
import { listGeminiModels } from './list-gemini-models';
import { mapGeminiResponse } from './map-gemini-response';
import { mapGeminiStream } from './map-gemini-stream';

function post(request: ChatCompletionRequest, call: AdapterCall, stream: boolean): Promise<Response> {
  // Model ids listed by GET /models come as `models/gemini-…`.
  const url = `${call.baseURL}/models/${call.model.replace(/^models\//, '')}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`;
  const headers = { 'content-type': 'application/json', ...geminiAuthHeaders(call.apiKey) };
  const body = JSON.stringify(convertToGeminiRequest(request, { model: call.model, stream }));
  return fetchUpstream(call, url, { method: 'POST', headers, body }, classifyGeminiError);
}

export function createGeminiAdapter(): ProviderAdapter {
  return {
    async complete(request, call) {
      const response = await post(request, call, false);
      return mapGeminiResponse(
        await readJsonBody(response, geminiResponseSchema, call),
        responseContextOf(call),
      );
    },

    async stream(request, call) {
      const response = await post(request, call, true);
      const events = readJsonEventStream(response, geminiResponseSchema, {
        providerId: call.providerId,
        // Errors after HTTP 200 come as `{"error":…}` or `[{"error":…}]`.
        screen: (_json, data) => {
          const error = parseGeminiError(data);
          return (
            error &&
            classifyGeminiError({
              status: error.error.code ?? 500,
              headers: new Headers(),
              bodyText: data,
              providerId: call.providerId,
              now: call.now(),
            })
          );
        },
      });
      return mapGeminiStream(events, responseContextOf(call));
    },

    listModels: listGeminiModels,
  };
}
