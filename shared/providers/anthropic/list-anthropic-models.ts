/**
 * @module Anthropic's `GET /models`, with the headers every Anthropic call carries.
 * @see https://docs.anthropic.com/en/api/models-list
 */
import type { ModelListCall, ProviderModel } from '../types';
import { fetchModelList } from '../upstream-fetch';
import { anthropicAuthHeaders, anthropicModelListSchema } from './anthropic-api';
import { classifyAnthropicError } from './classify-anthropic-error';

export async function listAnthropicModels(call: ModelListCall): Promise<ProviderModel[]> {
  const list = await fetchModelList(
    call,
    anthropicAuthHeaders(call.apiKey),
    classifyAnthropicError,
    anthropicModelListSchema,
  );
  return list.data.map((model) => ({ id: model.id, created: createdSeconds(model.created_at) }));
}

function createdSeconds(rfc3339: string | null | undefined): number | undefined {
  return rfc3339 ? Math.floor(Date.parse(rfc3339) / 1000) || undefined : undefined;
}
