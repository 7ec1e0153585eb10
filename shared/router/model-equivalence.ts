/**
 * @module What the router needs to know about models: capabilities for the pre-filter, a tier
 * for `auto:fast` / `auto:smart`, and a canonical name so one model served by several providers
 * (`gpt-oss-120b` on Groq, Cerebras, NVIDIA…) is one virtual model. The catalog implements
 * `ModelSource`; the seed table below covers the well-known shared models until it does.
 */
import type { EmbeddingSpec } from '../catalog/catalog-types';

export interface ModelInfo {
  /** The provider's own id, sent upstream. */
  id: string;
  /** The cross-provider name, e.g. `llama-3.3-70b`. */
  canonical?: string;
  contextWindow?: number;
  /** `false` excludes the model from requests that need it; unknown (undefined) does not. */
  tools?: boolean;
  vision?: boolean;
  jsonMode?: boolean;
  tier?: 'fast' | 'smart';
  /**
   * `false`: no virtual model (`auto`, a tier, a shared name) expands to it — the catalog retired
   * it, a free key cannot call it, or the provider's live list no longer has it.
   */
  automatic?: boolean;
  /** When FreeLLM retired it for this provider (it answered "not found" twice): nothing routes to it. */
  retiredAt?: number;
  /** Present for an embedding model: only `POST /embeddings` routes to it. */
  embedding?: EmbeddingSpec;
}

/** Models of one provider, best first (the order `auto` tries them in). */
export interface ModelSource {
  models(providerId: string): readonly ModelInfo[];
}

/**
 * Canonical name → each provider's id, from the providers' model pages (see
 * /work/shared/docs/providers.md); the catalog's `canonical` fields extend it. A model the
 * catalog marks retired has no place here (Groq's `llama-3.3-70b-versatile`, 2026-08-16).
 */
export const MODEL_EQUIVALENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'llama-3.3-70b': {
    cerebras: 'llama-3.3-70b',
    sambanova: 'Meta-Llama-3.3-70B-Instruct',
    together: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    fireworks: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
    deepinfra: 'meta-llama/Llama-3.3-70B-Instruct',
    openrouter: 'meta-llama/llama-3.3-70b-instruct:free',
    huggingface: 'meta-llama/Llama-3.3-70B-Instruct',
    nvidia: 'meta/llama-3.3-70b-instruct',
  },
  'gpt-oss-120b': {
    groq: 'openai/gpt-oss-120b',
    cerebras: 'gpt-oss-120b',
    openrouter: 'openai/gpt-oss-120b:free',
    nvidia: 'openai/gpt-oss-120b',
  },
  // An embedding model: the same weights give the same vectors, so either host may serve a request.
  'bge-m3': { cloudflare: '@cf/baai/bge-m3', nvidia: 'baai/bge-m3' },
};

/** The provider's id for a canonical name, from the model source first, then the seed table. */
export function equivalentModel(
  canonical: string,
  providerId: string,
  source?: ModelSource,
): string | undefined {
  const seeded = MODEL_EQUIVALENTS[canonical]?.[providerId];
  const models = source?.models(providerId) ?? [];
  const info =
    models.find((model) => model.canonical === canonical) ?? models.find((model) => model.id === seeded);
  if (info) return info.automatic === false ? undefined : info.id;
  return seeded;
}

export function isCanonicalName(name: string, providerIds: Iterable<string>, source?: ModelSource): boolean {
  if (MODEL_EQUIVALENTS[name]) return true;
  for (const providerId of providerIds)
    if (source?.models(providerId).some((model) => model.canonical === name)) return true;
  return false;
}
