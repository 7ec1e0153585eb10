/**
 * @module The catalog's updatable data, both ways: taken out of the presets (what the build
 * publishes) and laid over them (what the engine uses). Everything else in a preset (base URL,
 * auth, request quirks) always comes from the built-in one.
 */
import type { ProviderPreset } from '../catalog-types';
import {
  CATALOG_UPDATE_FORMAT,
  type CatalogProviderData,
  type CatalogUpdatePayload,
} from './catalog-update-schema';

export function providerDataOf(preset: ProviderPreset): CatalogProviderData {
  return {
    access: preset.access,
    terms: { note: preset.freeTier.note, limits: preset.freeTier.limits },
    defaultModel: preset.defaultModel,
    models: [...preset.models],
  };
}

function* asOfDates(value: unknown): Generator<string> {
  if (!value || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'asOf' && typeof item === 'string') yield item;
    else yield* asOfDates(item);
  }
}

/** The catalog's date: the day of its newest figure (a month counts as its first day). */
export function catalogDateOf(presets: readonly ProviderPreset[]): string {
  const newest = [...asOfDates(presets.map(providerDataOf))].sort().at(-1) ?? '1970-01-01';
  return newest.length === 7 ? `${newest}-01` : newest;
}

export function catalogPayloadOf(
  presets: readonly ProviderPreset[],
  issue: { issuedAt: string; source: string },
): CatalogUpdatePayload {
  return {
    format: CATALOG_UPDATE_FORMAT,
    formatVersion: 1,
    date: catalogDateOf(presets),
    ...issue,
    providers: Object.fromEntries(presets.map((preset) => [preset.id, providerDataOf(preset)])),
  };
}

export function withCatalogData(
  preset: ProviderPreset,
  data: CatalogProviderData | undefined,
): ProviderPreset {
  if (!data) return preset;
  return {
    ...preset,
    access: data.access,
    freeTier: { ...preset.freeTier, note: data.terms.note, limits: data.terms.limits },
    defaultModel: data.defaultModel,
    models: data.models,
  };
}
