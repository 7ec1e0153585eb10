/**
 * @module The adapter for Cohere's native v2 chat API (`POST /v2/chat`, Bearer key).
 * @see https://docs.cohere.com/reference/chat
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import { readJsonEventStream } from '../read-json-event-stream';
import { identityOf, responseContextOf, type AdapterCall, type ProviderAdapter } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import { classifyCohereError } from './classify-cohere-error';
import {
  cohereAuthHeaders,
  cohereEmbeddingsSchema,
  cohereResponseSchema,
  cohereStreamEventSchema,
} from './cohere-api';
import { oneVectorPerText } from '../embedded-vectors';
import { convertToCohereRequest } from './convert-to-cohere-request';
import { listCohereModels } from './list-cohere-models';
import { mapCohereResponse } from './map-cohere-response';
import { mapCohereStream } from './map-cohere-stream';

function postTo(path: string, body: unknown, call: AdapterCall): Promise<Response> {
  const headers = { 'content-type': 'application/json', ...cohereAuthHeaders(call.apiKey) };
  return fetchUpstream(
    call,
    `${call.baseURL}${path}`,
    { method: 'POST', headers, body: JSON.stringify(body) },
    classifyCohereError,
  );
}

const post = (request: ChatCompletionRequest, call: AdapterCall, stream: boolean) =>
  postTo('/chat', convertToCohereRequest(request, { model: call.model, stream }), call);

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
        ...identityOf(call),
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
                ...identityOf(call),
                now: call.now(),
              })
            : undefined,
      });
      return mapCohereStream(events, responseContextOf(call));
    },

    listModels: listCohereModels,

    /**
     * `POST /v2/embed`. Cohere's v3+ models need an `input_type`; OpenAI's API has none, so texts
     * are embedded as documents to search (queries embed well enough as documents, not the other way).
     * @see https://docs.cohere.com/reference/embed
     */
    async embed(batch, call) {
      const response = await postTo(
        '/embed',
        {
          model: call.model,
          texts: batch.texts,
          input_type: 'search_document',
          embedding_types: ['float'],
          ...(batch.dimensions !== undefined && { output_dimension: batch.dimensions }),
        },
        call,
      );
      const answer = await readJsonBody(
        response,
        cohereEmbeddingsSchema,
        call,
        'a response that is not embeddings',
      );
      return {
        vectors: oneVectorPerText(answer.embeddings.float, batch, call),
        promptTokens: answer.meta?.billed_units?.input_tokens ?? undefined,
      };
    },
  };
}
