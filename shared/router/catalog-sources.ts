/**
 * @module The catalog seen through the router's two small inputs: `LimitSource` (free-tier
 * limits, a model's own before its provider's) and `ModelSource` (capabilities, context
 * windows, a speed tier), read from the catalog in use. The engine uses these unless its host
 * passes others (tests, bench).
 */
import {
  pickedAutomatically,
  type CatalogModel,
  type FreeTierLimits,
  type ProviderPreset,
} from '../catalog/catalog-types';
import { builtInCatalog, type CatalogReader } from '../catalog/current-catalog';
import type { LimitSource, LimitSpec } from '../usage/usage-limits';
import { MODEL_EQUIVALENTS, type ModelInfo, type ModelSource } from './model-equivalence';

/** Where a provider's day does not start at UTC midnight (docs/providers.md, section 2). */
const DAILY_RESET_TIME_ZONES: Record<string, string> = { gemini: 'America/Los_Angeles' };

// Where the catalog names no speed tier, model names say it well enough for `auto:fast` / `auto:smart`.
const FAST = /(^|[-/_.])((\d|1\d|20)b|mini|nano|flash-lite|lite|instant|small|haiku|tiny)([-_.:]|$)/i;
const SMART = /(^|[-/_.])(\d{3}b|70b|pro|large|opus|sonnet|maverick|r1|k2)([-_.:]|$)/i;

function tierOf(id: string): ModelInfo['tier'] {
  if (FAST.test(id)) return 'fast';
  return SMART.test(id) ? 'smart' : undefined;
}

const canonicalOf = (providerId: string, id: string) =>
  Object.entries(MODEL_EQUIVALENTS).find(([, ids]) => ids[providerId] === id)?.[0];

function toSpec(providerId: string, limits: FreeTierLimits | undefined): LimitSpec | undefined {
  if (!limits) return undefined;
  return {
    scope: limits.scope,
    rpm: limits.rpm?.value,
    rpd: limits.rpd?.value,
    tpm: limits.tpm?.value,
    tpd: limits.tpd?.value,
    dailyResetTimeZone: DAILY_RESET_TIME_ZONES[providerId],
  };
}

export function limitSourceOf(catalog: CatalogReader): LimitSource {
  return {
    limitsFor(providerId, model) {
      const preset = catalog.find(providerId);
      return toSpec(
        providerId,
        preset?.models.find((entry) => entry.id === model)?.freeTier ?? preset?.freeTier.limits,
      );
    },
  };
}

/**
 * A retired model, or a paid one behind a free key, keeps its capabilities (a pinned call still
 * uses them) but gets no tier and no shared name, so no virtual model expands to it.
 */
function toModelInfo(preset: ProviderPreset, model: CatalogModel): ModelInfo {
  const automatic = pickedAutomatically(preset, model);
  return {
    id: model.id,
    canonical: automatic ? canonicalOf(preset.id, model.id) : undefined,
    contextWindow: model.contextWindow.value,
    tools: model.capabilities.tools,
    vision: model.capabilities.vision,
    jsonMode: model.capabilities.jsonMode,
    tier: automatic && !model.embedding ? (model.tier ?? tierOf(model.id)) : undefined,
    automatic,
    ...(model.embedding && { embedding: model.embedding }),
  };
}

// By preset object: an accepted update makes new presets, so nothing stale is kept.
const modelCache = new WeakMap<ProviderPreset, readonly ModelInfo[]>();

export function modelSourceOf(catalog: CatalogReader): ModelSource {
  return {
    models(providerId) {
      const preset = catalog.find(providerId);
      if (!preset) return [];
      let models = modelCache.get(preset);
      if (!models) {
        models = preset.models.map((model) => toModelInfo(preset, model));
        modelCache.set(preset, models);
      }
      return models;
    },
  };
}

export const catalogLimitSource = limitSourceOf(builtInCatalog);
export const catalogModelSource = modelSourceOf(builtInCatalog);
