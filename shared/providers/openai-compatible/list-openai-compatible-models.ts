/**
 * @module An OpenAI-compatible provider's `GET /models`, read as OpenAI's model list.
 * @see https://platform.openai.com/docs/api-reference/models/list
 */
import type { ModelListCall, ProviderModel } from '../types';
import { fetchModelList } from '../upstream-fetch';
import { classifyOpenAICompatibleError } from './classify-openai-compatible-error';
import { openAICompatibleAuthHeaders, upstreamModelListSchema } from './openai-compatible-api';

export async function listOpenAICompatibleModels(call: ModelListCall): Promise<ProviderModel[]> {
  const list = await fetchModelList(
    call,
    openAICompatibleAuthHeaders(call.apiKey),
    classifyOpenAICompatibleError,
    upstreamModelListSchema,
  );
  return list.data.map((model) => ({
    id: model.id,
    created: model.created ?? undefined,
    ownedBy: model.owned_by ?? undefined,
  }));
}
