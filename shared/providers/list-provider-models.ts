/**
 * @module A provider's models for `models.list()`: its live model list when a key is at hand,
 * enriched with what the catalog knows (context window, capabilities, free tier), or the
 * catalog alone when there is no key, no list endpoint, or the call fails.
 */
import { z } from 'zod';
import { toFreeLLMError, type FreeLLMError } from '../openai/error';
import { ANTHROPIC_VERSION } from './anthropic/anthropic-adapter';
import { classifyAnthropicError } from './anthropic/classify-anthropic-error';
import { classifyCohereError } from './cohere/classify-cohere-error';
import { classifyGeminiError } from './gemini/classify-gemini-error';
import { classifyOpenAICompatibleError } from './openai-compatible/classify-openai-compatible-error';
import type { AdapterCall } from './types';
import { fetchUpstream, malformedUpstream, type ErrorClassifier } from './upstream-fetch';
import type { CatalogModel, ModelCapabilities, ProviderPreset, WireFamily } from '../catalog/catalog-types';

/** An OpenAI model object, plus what the catalog knows about it. */
export interface ListedModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  context_window?: number;
  capabilities?: ModelCapabilities;
  /** The catalog has free-tier limits for this model (or the provider's free tier covers all). */
  free_tier: boolean;
}

export interface ModelListing {
  models: ListedModel[];
  /** True when the list came from the provider itself. */
  live: boolean;
  /** Why the live list could not be read (bad key, provider down); the catalog was used. */
  error?: FreeLLMError;
}

export type ModelListCall = Omit<AdapterCall, 'model' | 'providerId'>;

interface LiveModel {
  id: string;
  created?: number;
  ownedBy?: string;
  contextWindow?: number;
}

// OpenAI-compatible providers and Anthropic: `{ data: [{ id, created | created_at, owned_by }] }`.
const dataListSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string(), created: z.number().nullish(), created_at: z.string().nullish(), owned_by: z.string().nullish() })),
});
// Gemini: `{ models: [{ name: 'models/…', inputTokenLimit, supportedGenerationMethods }] }`.
const geminiListSchema = z.looseObject({
  models: z.array(z.looseObject({ name: z.string(), inputTokenLimit: z.number().nullish(), supportedGenerationMethods: z.array(z.string()).nullish() })),
});
// Cohere: `{ models: [{ name, context_length, endpoints }] }`.
const cohereListSchema = z.looseObject({
  models: z.array(z.looseObject({ name: z.string(), context_length: z.number().nullish(), endpoints: z.array(z.string()).nullish() })),
});

function readLiveModels(family: ProviderPreset['family'], json: unknown): LiveModel[] | undefined {
  if (family === 'gemini') {
    return geminiListSchema.safeParse(json).data?.models
      .filter((model) => model.supportedGenerationMethods?.includes('generateContent') ?? true)
      .map((model) => ({ id: model.name.replace(/^models\//, ''), contextWindow: model.inputTokenLimit ?? undefined }));
  }
  if (family === 'cohere') {
    return cohereListSchema.safeParse(json).data?.models
      .filter((model) => model.endpoints?.includes('chat') ?? true)
      .map((model) => ({ id: model.name, contextWindow: model.context_length ?? undefined }));
  }
  return dataListSchema.safeParse(json).data?.data.map((model) => ({
    id: model.id,
    created: model.created ?? (model.created_at ? Math.floor(Date.parse(model.created_at) / 1000) || undefined : undefined),
    ownedBy: model.owned_by ?? undefined,
  }));
}

/** A list request fails as the family's chat requests do (Gemini's refused key is a 400 `API_KEY_INVALID`). */
const CLASSIFIER_BY_FAMILY: Record<WireFamily, ErrorClassifier> = {
  'openai-compatible': classifyOpenAICompatibleError,
  anthropic: classifyAnthropicError,
  gemini: classifyGeminiError,
  cohere: classifyCohereError,
};

function authHeaders(preset: ProviderPreset, apiKey: string | undefined): Record<string, string> {
  if (!apiKey || preset.auth === 'none') return {};
  if (preset.auth === 'x-goog-api-key') return { 'x-goog-api-key': apiKey };
  if (preset.auth === 'x-api-key') {
    return { 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION, 'anthropic-dangerous-direct-browser-access': 'true' };
  }
  return { authorization: `Bearer ${apiKey}` };
}

function toListed(preset: ProviderPreset, created: number, live: LiveModel | undefined, known: CatalogModel | undefined): ListedModel {
  const id = live?.id ?? known?.id ?? '';
  return {
    id,
    object: 'model',
    created: live?.created ?? created,
    owned_by: live?.ownedBy ?? preset.id,
    context_window: known?.contextWindow.value ?? live?.contextWindow,
    capabilities: known?.capabilities,
    free_tier: known?.freeTier !== undefined || preset.freeTier.limits !== undefined || preset.keyless === true,
  };
}

async function fetchLiveModels(preset: ProviderPreset, endpoint: string, listCall: ModelListCall): Promise<LiveModel[]> {
  const prepared = { ...listCall, model: '', providerId: preset.id };
  const call = preset.prepareCall ? preset.prepareCall(prepared) : prepared;
  const url = endpoint.startsWith('/') ? `${call.baseURL}${endpoint}` : new URL(endpoint, `${call.baseURL}/`).href;
  const response = await fetchUpstream(call, url, { method: 'GET', headers: authHeaders(preset, call.apiKey) }, CLASSIFIER_BY_FAMILY[preset.family]);
  const json: unknown = await response.json().catch((error: unknown) => {
    throw malformedUpstream(preset.id, 'a model list that is not JSON', error);
  });
  const models = readLiveModels(preset.family, json);
  if (!models) throw malformedUpstream(preset.id, 'a model list of unexpected shape');
  return models;
}

/**
 * Lists a provider's models. Asks the provider (`preset.modelsEndpoint`) when a key is given or
 * none is needed, keeping the catalog's knowledge for the models it also knows; answers from
 * the catalog alone otherwise, or when that call fails (the error is returned, never thrown).
 * @example const { models } = await listProviderModels(findPreset('groq')!, { fetch, baseURL, apiKey, now });
 */
export async function listProviderModels(preset: ProviderPreset, call: ModelListCall): Promise<ModelListing> {
  const created = Math.floor(call.now() / 1000);
  const catalog = () => preset.models.map((model) => toListed(preset, created, undefined, model));
  if (!preset.modelsEndpoint || (!call.apiKey && !preset.keyless)) return { models: catalog(), live: false };
  try {
    const live = await fetchLiveModels(preset, preset.modelsEndpoint, call);
    const known = new Map(preset.models.map((model) => [model.id, model]));
    const listed = live.map((model) => toListed(preset, created, model, known.get(model.id)));
    // Models the catalog knows come first, in catalog order: they are the ones routing prefers.
    const rank = (model: ListedModel) => {
      const index = preset.models.findIndex((entry) => entry.id === model.id);
      return index === -1 ? preset.models.length : index;
    };
    return { models: listed.sort((a, b) => rank(a) - rank(b)), live: true };
  } catch (thrown) {
    if (call.signal?.aborted) throw thrown;
    return { models: catalog(), live: false, error: toFreeLLMError(thrown) };
  }
}
