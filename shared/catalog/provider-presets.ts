/**
 * @module The providers FreeLLM knows: data, not code (one file per provider in `presets/`,
 * sources in docs/providers.md). The manifest's host permissions are derived from this list, so
 * adding a remote provider here is the whole change; local servers stay optional permissions.
 */
import type { CatalogModel, ProviderPreset } from './catalog-types';
import { anthropic } from './presets/anthropic';
import { cerebras } from './presets/cerebras';
import { chutes } from './presets/chutes';
import { cloudflare } from './presets/cloudflare';
import { cohere } from './presets/cohere';
import { deepinfra } from './presets/deepinfra';
import { fireworks } from './presets/fireworks';
import { gemini } from './presets/gemini';
import { groq } from './presets/groq';
import { huggingface } from './presets/huggingface';
import { hyperbolic } from './presets/hyperbolic';
import { kilo, ovh } from './presets/keyless-endpoints';
import { llamacpp, lmstudio, ollama } from './presets/local-servers';
import { minimax } from './presets/minimax';
import { mistral } from './presets/mistral';
import { moonshot } from './presets/moonshot';
import { nebius } from './presets/nebius';
import { novita } from './presets/novita';
import { nvidia } from './presets/nvidia';
import { openai } from './presets/openai';
import { openrouter } from './presets/openrouter';
import { sambanova } from './presets/sambanova';
import { scaleway } from './presets/scaleway';
import { together } from './presets/together';
import { zai } from './presets/zai';

export type { CatalogModel, ProviderPreset } from './catalog-types';

/**
 * Recurring free tiers first (the key form offers them in this order), then trial credit and
 * paid hosts, then keyless endpoints and local servers.
 */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  groq,
  gemini,
  mistral,
  openrouter,
  cohere,
  cloudflare,
  nvidia,
  zai,
  huggingface,
  cerebras,
  sambanova,
  openai,
  anthropic,
  together,
  fireworks,
  deepinfra,
  nebius,
  novita,
  hyperbolic,
  scaleway,
  moonshot,
  minimax,
  chutes,
  ovh,
  kilo,
  ollama,
  lmstudio,
  llamacpp,
];

export function findPreset(id: string): ProviderPreset | undefined {
  return PROVIDER_PRESETS.find((preset) => preset.id === id);
}

/** The catalog's entry for one provider's model, if the catalog knows it. */
export function findCatalogModel(providerId: string, modelId: string): CatalogModel | undefined {
  return findPreset(providerId)?.models.find((model) => model.id === modelId);
}

const originOf = (preset: ProviderPreset) => new URL(preset.baseURL).origin;

/** Match patterns for the manifest's host permissions: one per remote provider API host. */
export function presetHostPatterns(): string[] {
  return [
    ...new Set(PROVIDER_PRESETS.filter((preset) => !preset.local).map((preset) => `${originOf(preset)}/*`)),
  ];
}

/** Remote endpoints that need no key: what a person with no keys is offered first. */
export function keylessEndpointPresets(): ProviderPreset[] {
  return PROVIDER_PRESETS.filter((preset) => preset.keyless && !preset.local);
}

/** Origins of the local servers (`http://localhost:11434`, …), e.g. to tell the user what to allow. */
export function localPresetOrigins(): string[] {
  return [...new Set(PROVIDER_PRESETS.filter((preset) => preset.local).map(originOf))];
}

/**
 * The preset a pasted key belongs to: the longest matching prefix wins (`sk-or-v1-` before
 * `sk-`), then a key shape (`ACCOUNT_ID:TOKEN`); undefined for keys that say nothing.
 */
export function detectPresetByKey(key: string): ProviderPreset | undefined {
  const matches = PROVIDER_PRESETS.flatMap((preset) =>
    preset.keyPrefixes.map((prefix) => ({ preset, prefix })),
  );
  matches.sort((a, b) => b.prefix.length - a.prefix.length);
  return (
    matches.find(({ prefix }) => key.startsWith(prefix))?.preset ??
    PROVIDER_PRESETS.find((preset) => preset.keyPattern?.test(key))
  );
}
