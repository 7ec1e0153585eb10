/**
 * @module One adapter for every provider that speaks OpenAI's chat-completions format; the
 * differences between them live in data (presets), not subclasses.
 */
import { z } from 'zod';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../../openai/chat';
import { readJsonEventStream } from '../read-json-event-stream';
import { identityOf, responseContextOf, type AdapterCall, type ProviderAdapter } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import { oneVectorPerText } from '../embedded-vectors';
import { classifyOpenAICompatibleError } from './classify-openai-compatible-error';
import { convertToOpenAICompatibleRequest } from './convert-to-openai-compatible-request';
import { listOpenAICompatibleModels } from './list-openai-compatible-models';
import { mapOpenAICompatibleResponse } from './map-openai-compatible-response';
import { mapOpenAICompatibleStream } from './map-openai-compatible-stream';
import {
  openAICompatibleAuthHeaders,
  upstreamChunkSchema,
  upstreamCompletionSchema,
  upstreamEmbeddingsSchema,
} from './openai-compatible-api';
import type { OpenAICompatibleQuirks } from './openai-compatible-quirks';

export function createOpenAICompatibleAdapter(quirks: OpenAICompatibleQuirks = {}): ProviderAdapter {
  async function post(
    original: AdapterCall,
    path: string,
    body: (call: AdapterCall) => unknown,
  ): Promise<{ response: Response; call: AdapterCall }> {
    const call = quirks.prepareCall ? quirks.prepareCall(original) : original;
    const headers = {
      'content-type': 'application/json',
      ...quirks.headers,
      ...openAICompatibleAuthHeaders(call.apiKey),
    };
    const response = await fetchUpstream(
      call,
      `${call.baseURL}${path}`,
      { method: 'POST', headers, body: JSON.stringify(body(call)) },
      classifyOpenAICompatibleError,
    );
    return { response, call };
  }

  const send = (request: ChatCompletionRequest, original: AdapterCall, stream: boolean) =>
    post(original, '/chat/completions', (call) =>
      convertToOpenAICompatibleRequest(request, { model: call.model, stream }, quirks),
    );

  return {
    async complete(request, original): Promise<ChatCompletion> {
      const { response, call } = await send(request, original, false);
      return mapOpenAICompatibleResponse(
        await readJsonBody(
          response,
          upstreamCompletionSchema,
          call,
          'a response that is not a chat completion',
        ),
        responseContextOf(call),
      );
    },

    async stream(request, original): Promise<AsyncIterable<ChatCompletionChunk>> {
      const { response, call } = await send(request, original, true);
      const chunks = readJsonEventStream(response, upstreamChunkSchema, {
        ...identityOf(call),
        endMarker: '[DONE]',
        // Some providers (OpenRouter) report failures inside a 200 stream, with the HTTP status they meant.
        screen: (json, data) =>
          typeof json === 'object' && json !== null && 'error' in json
            ? classifyOpenAICompatibleError({
                status: embeddedStatus(json),
                headers: new Headers(),
                bodyText: data,
                ...identityOf(call),
                now: call.now(),
              })
            : undefined,
        describe: () => 'a stream chunk',
      });
      return mapOpenAICompatibleStream(chunks, responseContextOf(call));
    },

    listModels(call) {
      // The list is asked for as a chat is (Cloudflare's account id goes into its URL too).
      const prepared = quirks.prepareCall ? quirks.prepareCall({ ...call, model: '' }) : call;
      return listOpenAICompatibleModels({ ...prepared, endpoint: call.endpoint });
    },

    async embed(batch, original) {
      const { response, call } = await post(original, '/embeddings', (prepared) => ({
        model: prepared.model,
        input: batch.texts,
        encoding_format: 'float',
        ...(batch.dimensions !== undefined && { dimensions: batch.dimensions }),
      }));
      const answer = await readJsonBody(
        response,
        upstreamEmbeddingsSchema,
        call,
        'a response that is not embeddings',
      );
      const vectors = [...answer.data]
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((item) => item.embedding);
      return {
        vectors: oneVectorPerText(vectors, batch, call),
        promptTokens: answer.usage?.prompt_tokens ?? undefined,
      };
    },
  };
}

const embeddedErrorSchema = z.looseObject({
  error: z.looseObject({ code: z.union([z.number(), z.string()]).nullish() }),
});

/** The HTTP status an in-stream error names in `error.code` (OpenRouter: 429, 502, …); else 502. */
function embeddedStatus(json: unknown): number {
  const code = Number(embeddedErrorSchema.safeParse(json).data?.error.code);
  return Number.isInteger(code) && code >= 400 && code <= 599 ? code : 502;
}
