/**
 * @module The adapter of every built-in provider, made once: its wire family's, OpenAI-compatible
 * ones with the preset's quirks; a provider the catalog does not know (the user's own endpoint)
 * gets the plain OpenAI-compatible one.
 */
import type { ProviderPreset, WireFamily } from '../catalog/catalog-types';
import { PROVIDER_PRESETS } from '../catalog/provider-presets';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter';
import { createCohereAdapter } from './cohere/cohere-adapter';
import { createGeminiAdapter } from './gemini/gemini-adapter';
import { createOpenAICompatibleAdapter } from './openai-compatible/openai-compatible-adapter';
import type { ProviderAdapter } from './types';

const ADAPTER_BY_FAMILY: Record<WireFamily, (preset: ProviderPreset) => ProviderAdapter> = {
  'openai-compatible': (preset) => createOpenAICompatibleAdapter(preset),
  anthropic: () => createAnthropicAdapter(),
  gemini: () => createGeminiAdapter(),
  cohere: () => createCohereAdapter(),
};

const adapters = new Map(
  PROVIDER_PRESETS.map((preset) => [preset.id, ADAPTER_BY_FAMILY[preset.family](preset)]),
);
const plainAdapter = createOpenAICompatibleAdapter();

export function adapterFor(providerId: string): ProviderAdapter {
  return adapters.get(providerId) ?? plainAdapter;
}
