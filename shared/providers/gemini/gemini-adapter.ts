/**
 * @module The adapter for Google's native Gemini API (`generateContent`). The key travels in the
 * `x-goog-api-key` header, never in the URL, so it cannot end up in URLs or request logs.
 * @see https://ai.google.dev/api/generate-content
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import type { AdapterCall, ProviderAdapter } from '../types';
import { fetchUpstream, malformedUpstream, readJsonBody } from '../upstream-fetch';
import { classifyGeminiError } from './classify-gemini-error';
import { convertToGeminiRequest } from './convert-to-gemini-request';
import { geminiResponseSchema } from './gemini-api';
import { mapGeminiResponse } from './map-gemini-response';
import { readGeminiStream } from './map-gemini-stream';

export function createGeminiAdapter(): ProviderAdapter {
  function post(request: ChatCompletionRequest, call: AdapterCall, method: string): Promise<Response> {
    // Model ids listed by GET /models come as `models/gemini-…`.
    const url = `${call.baseURL}/models/${call.model.replace(/^models\//, '')}:${method}`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (call.apiKey) headers['x-goog-api-key'] = call.apiKey;
    const body = JSON.stringify(convertToGeminiRequest(request, call.model));
    return fetchUpstream(call, url, { method: 'POST', headers, body }, classifyGeminiError);
  }

  return {
    async complete(request, call) {
      const response = await post(request, call, 'generateContent');
      return mapGeminiResponse(await readJsonBody(response, geminiResponseSchema, call), { providerId: call.providerId, model: call.model, now: call.now() });
    },

    async stream(request, call) {
      const response = await post(request, call, 'streamGenerateContent?alt=sse');
      if (!response.body) throw malformedUpstream(call.providerId, 'a stream without a body');
      return readGeminiStream(response.body, { providerId: call.providerId, model: call.model, now: call.now() });
    },
  };
}
