/**
 * @module Gemini's `GET /models`: only the models that answer `generateContent`, their ids
 * without the `models/` prefix.
 * @see https://ai.google.dev/api/models#method:-models.list
 */
import type { ModelListCall, ProviderModel } from '../types';
import { fetchModelList } from '../upstream-fetch';
import { classifyGeminiError } from './classify-gemini-error';
import { geminiAuthHeaders, geminiModelListSchema } from './gemini-api';

export async function listGeminiModels(call: ModelListCall): Promise<ProviderModel[]> {
  const list = await fetchModelList(
    call,
    geminiAuthHeaders(call.apiKey),
    classifyGeminiError,
    geminiModelListSchema,
  );
  return list.models
    .filter((model) => model.supportedGenerationMethods?.includes('generateContent') ?? true)
    .map((model) => ({
      id: model.name.replace(/^models\//, ''),
      contextWindow: model.inputTokenLimit ?? undefined,
    }));
}
