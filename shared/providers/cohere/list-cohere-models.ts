/**
 * @module Cohere's model list (on its v1 API, beside the v2 base URL): only the chat models.
 * @see https://docs.cohere.com/reference/list-models
 */
import type { ModelListCall, ProviderModel } from '../types';
import { fetchModelList } from '../upstream-fetch';
import { classifyCohereError } from './classify-cohere-error';
import { cohereAuthHeaders, cohereModelListSchema } from './cohere-api';

export async function listCohereModels(call: ModelListCall): Promise<ProviderModel[]> {
  const list = await fetchModelList(
    call,
    cohereAuthHeaders(call.apiKey),
    classifyCohereError,
    cohereModelListSchema,
  );
  return list.models
    .filter((model) => model.endpoints?.includes('chat') ?? true)
    .map((model) => ({ id: model.name, contextWindow: model.context_length ?? undefined }));
}
