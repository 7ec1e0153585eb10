/**
 * @module The catalog the engine reads everywhere (router limits, defaults, tiers, model lists):
 * the built-in presets with the accepted update's data laid over them. This is the one place
 * they are merged.
 */
import type { ProviderPreset } from './catalog-types';
import { PROVIDER_PRESETS, findPreset } from './provider-presets';
import { catalogDateOf, withCatalogData } from './updates/catalog-data';
import type { CatalogUpdatePayload } from './updates/catalog-update-schema';
import type { CatalogVersion } from './updates/accept-catalog-update';

export interface CatalogReader {
  presets(): readonly ProviderPreset[];
  find(id: string): ProviderPreset | undefined;
}

/** Which catalog is in use: its version, and `built-in` or the address the update came from. */
export type CatalogInUse = CatalogVersion & { source: string };

export interface CurrentCatalog extends CatalogReader {
  inUse(): CatalogInUse;
  /** Lays an accepted update over the built-in presets; undefined goes back to the built-in ones. */
  use(update: { payload: CatalogUpdatePayload; url: string } | undefined): void;
}

export const BUILT_IN_SOURCE = 'built-in';

/** The presets as shipped: for readers that have no engine (tests, the benchmark). */
export const builtInCatalog: CatalogReader = { presets: () => PROVIDER_PRESETS, find: findPreset };

export function createCurrentCatalog(builtIn: readonly ProviderPreset[] = PROVIDER_PRESETS): CurrentCatalog {
  const builtInVersion: CatalogInUse = { date: catalogDateOf(builtIn), source: BUILT_IN_SOURCE };
  let presets = builtIn;
  let version = builtInVersion;
  return {
    presets: () => presets,
    find: (id) => presets.find((preset) => preset.id === id),
    inUse: () => version,
    use(update) {
      presets = update
        ? builtIn.map((preset) => withCatalogData(preset, update.payload.providers[preset.id]))
        : builtIn;
      version = update
        ? { date: update.payload.date, issuedAt: update.payload.issuedAt, source: update.url }
        : builtInVersion;
    },
  };
}
