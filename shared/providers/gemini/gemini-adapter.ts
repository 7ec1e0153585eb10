/**
 * @module The adapter for Google's native Gemini API (`generateContent`).
 * @see https://ai.google.dev/api/generate-content
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import { readJsonEventStream } from '../read-json-event-stream';
import { identityOf, responseContextOf, type AdapterCall, type ProviderAdapter } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import { classifyGeminiError, parseGeminiError } from './classify-gemini-error';
import { convertToGeminiRequest } from './convert-to-gemini-request';
import { geminiAuthHeaders, geminiEmbeddingsSchema, geminiResponseSchema } from './gemini-api';
import { oneVectorPerText } from '../embedded-vectors';
import { listGeminiModels } from './list-gemini-models';
import { mapGeminiResponse } from './map-gemini-response';
import { mapGeminiStream } from './map-gemini-stream';

// Model ids listed by GET /models come as `models/gemini-…`.
const modelIdOf = (call: AdapterCall) => call.model.replace(/^models\//, '');

function postTo(method: string, body: unknown, call: AdapterCall): Promise<Response> {
  const url = `${call.baseURL}/models/${modelIdOf(call)}:${method}`;
  const headers = { 'content-type': 'application/json', ...geminiAuthHeaders(call.apiKey) };
  return fetchUpstream(
    call,
    url,
    { method: 'POST', headers, body: JSON.stringify(body) },
    classifyGeminiError,
  );
}

const post = (request: ChatCompletionRequest, call: AdapterCall, stream: boolean) =>
  postTo(
    stream ? 'streamGenerateContent?alt=sse' : 'generateContent',
    convertToGeminiRequest(request, { model: call.model, stream }),
    call,
  );

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
        ...identityOf(call),
        // Errors after HTTP 200 come as `{"error":…}` or `[{"error":…}]`.
        screen: (_json, data) => {
          const error = parseGeminiError(data);
          return (
            error &&
            classifyGeminiError({
              status: error.error.code ?? 500,
              headers: new Headers(),
              bodyText: data,
              ...identityOf(call),
              now: call.now(),
            })
          );
        },
      });
      return mapGeminiStream(events, responseContextOf(call));
    },

    listModels: listGeminiModels,

    /** `batchEmbedContents`: one request per text, answered in the same order. @see https://ai.google.dev/api/embeddings */
    async embed(batch, call) {
      const model = `models/${modelIdOf(call)}`;
      const requests = batch.texts.map((text) => ({
        model,
        content: { parts: [{ text }] },
        ...(batch.dimensions !== undefined && { outputDimensionality: batch.dimensions }),
      }));
      const response = await postTo('batchEmbedContents', { requests }, call);
      const answer = await readJsonBody(
        response,
        geminiEmbeddingsSchema,
        call,
        'a response that is not embeddings',
      );
      return {
        vectors: oneVectorPerText(
          answer.embeddings.map((item) => item.values),
          batch,
          call,
        ),
      };
    },
  };
}
