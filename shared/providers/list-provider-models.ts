/**
 * @module A provider's models for `models.list()`: its live model list when a key is at hand,
 * enriched with what the catalog knows (context window, capabilities, free tier), or the
 * catalog alone when there is no key, no list endpoint, or the call fails.
 */
import type { CatalogModel, ModelCapabilities, ProviderPreset } from '../catalog/catalog-types';
import { toFreeLLMError, type FreeLLMError } from '../openai/error';
import { adapterFor } from './preset-adapters';
import type { ModelListCall, ProviderIdentity, ProviderModel } from './types';

/** An OpenAI model object, plus what the catalog knows about it. */
export interface ListedModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  context_window?: number;
  capabilities?: ModelCapabilities;
  /**
   * The provider still has a free tier (`access`), and the catalog has free-tier limits for this
   * model or the provider's free tier covers all; trial credit and paid access are not free.
   */
  free_tier: boolean;
  /** An embedding model (for `POST /embeddings` only); chat models carry no type. */
  type?: 'embedding';
  /** On `provider/model` entries of `GET /models`: the provider's or the user's endpoint's name, for people. */
  provider_name?: string;
}

export interface ModelListing {
  models: ListedModel[];
  /** True when the list came from the provider itself. */
  live: boolean;
  /** Why the live list could not be read (bad key, provider down); the catalog was used. */
  error?: FreeLLMError;
}

function toListed(
  preset: ProviderPreset,
  created: number,
  live: ProviderModel | undefined,
  known: CatalogModel | undefined,
): ListedModel {
  const id = live?.id ?? known?.id ?? '';
  return {
    id,
    object: 'model',
    created: live?.created ?? created,
    owned_by: live?.ownedBy ?? preset.id,
    context_window: known?.contextWindow.value ?? live?.contextWindow,
    capabilities: known?.capabilities,
    ...(known?.embedding && { type: 'embedding' as const }),
    free_tier:
      preset.access.value === 'free' &&
      (known?.access?.value ?? 'free') === 'free' &&
      (known?.freeTier !== undefined || preset.freeTier.limits !== undefined || preset.keyless === true),
  };
}

/**
 * Lists a provider's models. Asks the provider (`preset.modelsEndpoint`) when a key is given or
 * none is needed, keeping the catalog's knowledge for the models it also knows; answers from
 * the catalog alone otherwise, or when that call fails (the error is returned, never thrown).
 * @example const { models } = await listProviderModels(findPreset('groq')!, { fetch, baseURL, apiKey, now });
 */
export async function listProviderModels(
  preset: ProviderPreset,
  call: Omit<ModelListCall, 'endpoint' | keyof ProviderIdentity>,
): Promise<ModelListing> {
  const created = Math.floor(call.now() / 1000);
  // The catalog alone lists only the models a provider still serves; its live list says for itself.
  const catalog = () =>
    preset.models
      .filter((model) => !model.retired)
      .map((model) => toListed(preset, created, undefined, model));
  if (!preset.modelsEndpoint || (!call.apiKey && !preset.keyless)) return { models: catalog(), live: false };
  try {
    const live = await adapterFor(preset.id).listModels({
      ...call,
      providerId: preset.id,
      providerName: preset.name,
      endpoint: preset.modelsEndpoint,
    });
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
