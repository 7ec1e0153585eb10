/**
 * @module Every provider the user can use: the built-in presets (each with the adapter of its
 * wire family and the user's base-URL override, if any) plus their own endpoints.
 */
import type { ProviderPreset, WireFamily } from '../catalog/catalog-types';
import { builtInCatalog, type CatalogReader } from '../catalog/current-catalog';
import { baseURLSchema, providerSettingsSchema } from '../catalog/provider-settings';
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import { keepCopy } from '../store/kept-copies';
import { customProviderSchema, type CustomProvider } from './custom-provider';
import { adapterFor } from './preset-adapters';
import type { RateLimitHeaderFamily } from './rate-limits';
import type { ProviderAdapter } from './types';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';
import { onDeviceProvider } from './on-device/on-device-provider';

export interface ResolvedProvider {
  id: string;
  name: string;
  family: WireFamily | 'on-device';
  /** The override when the user set one, else the preset's. */
  baseURL: string;
  baseURLOverridden: boolean;
  defaultModel: string;
  custom: boolean;
  /** Local servers: no key needed. */
  keyless: boolean;
  local: boolean;
  /** How to read this provider's rate-limit headers (`parseRateLimitHeaders`). */
  rateLimitHeaders: RateLimitHeaderFamily;
  /** The catalog's least time-to-first-byte limit for a provider known to be slow to start. */
  firstByteTimeoutMs?: number;
  adapter: ProviderAdapter;
}

export type ProviderSummary = Omit<ResolvedProvider, 'adapter'>;

export interface ProviderDirectory {
  list(): Promise<ProviderSummary[]>;
  resolve(id: string): Promise<ResolvedProvider | undefined>;
  addCustom(input: Omit<CustomProvider, 'id'>): Promise<CustomProvider>;
  removeCustom(id: string): Promise<void>;
  /** Points a built-in provider at another base URL; `null` goes back to the preset's. */
  setBaseURLOverride(providerId: string, baseURL: string | null): Promise<void>;
}

function summarize(preset: ProviderPreset, overrides: Map<string, string>): ProviderSummary {
  const override = overrides.get(preset.id);
  return {
    id: preset.id,
    name: preset.name,
    family: preset.family,
    baseURL: override ?? preset.baseURL,
    baseURLOverridden: override !== undefined,
    defaultModel: preset.defaultModel,
    custom: false,
    keyless: preset.keyless === true,
    local: preset.local === true,
    rateLimitHeaders: preset.rateLimitHeaders,
    ...(preset.firstByteTimeoutMs && { firstByteTimeoutMs: preset.firstByteTimeoutMs.value }),
  };
}

function summarizeCustom({ id, name, baseURL, defaultModel }: CustomProvider): ProviderSummary {
  return {
    id,
    name,
    family: 'openai-compatible',
    baseURL,
    baseURLOverridden: false,
    defaultModel,
    custom: true,
    keyless: false,
    local: false,
    rateLimitHeaders: 'openai',
  };
}

/** `custom-my-server-3f2a`: readable in routing headers and logs, unique by its suffix. */
function customIdFor(name: string, newId: () => string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'endpoint';
  return `custom-${slug}-${newId()
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 6)
    .toLowerCase()}`;
}

/** `onDevice`: the adapter of the browser's built-in model (see `on-device/`). */
export function createProviderDirectory(
  db: FreeLLMDatabase,
  newId: () => string,
  onDevice: ProviderAdapter,
  catalog: CatalogReader = builtInCatalog,
): ProviderDirectory {
  const { adapter: _adapter, ...onDeviceSummary } = onDeviceProvider(onDevice);
  // Read once and kept: every request resolves its providers, and only this directory writes
  // them (a settings import makes every kept copy forget).
  let snapshot: Promise<{ customs: CustomProvider[]; overrides: Map<string, string> }> | undefined;
  const read = () =>
    (snapshot ??= Promise.all([db.customProviders.toArray(), db.providerSettings.toArray()]).then(
      ([customRows, settingRows]) => ({
        customs: customRows.flatMap((row) => {
          const parsed = customProviderSchema.safeParse(row);
          return parsed.success ? [parsed.data] : [];
        }),
        // Records that fail to parse are ignored.
        overrides: new Map(
          settingRows.flatMap((row) => {
            const parsed = providerSettingsSchema.safeParse(row);
            return parsed.success && parsed.data.baseURL
              ? [[parsed.data.providerId, parsed.data.baseURL] as const]
              : [];
          }),
        ),
      }),
    ));
  const forget = () => {
    snapshot = undefined;
  };
  keepCopy(db, forget);

  return {
    async list() {
      const { customs, overrides } = await read();
      return [
        ...catalog.presets().map((preset) => summarize(preset, overrides)),
        onDeviceSummary,
        ...customs.map(summarizeCustom),
      ];
    },
    async resolve(id) {
      const { customs, overrides } = await read();
      const preset = catalog.find(id);
      if (preset) return { ...summarize(preset, overrides), adapter: adapterFor(id) };
      if (id === onDeviceSummary.id) return onDeviceProvider(onDevice);
      const custom = customs.find((item) => item.id === id);
      return custom && { ...summarizeCustom(custom), adapter: adapterFor(id) };
    },
    async addCustom(input) {
      const custom = parseOrInvalidRequest(customProviderSchema, {
        ...input,
        id: customIdFor(input.name, newId),
      });
      await db.customProviders.add(custom);
      forget();
      return custom;
    },
    async removeCustom(id) {
      await db.transaction('rw', db.customProviders, db.keys, async () => {
        await db.customProviders.delete(id);
        await db.keys.where('providerId').equals(id).delete();
      });
      forget();
    },
    async setBaseURLOverride(providerId, baseURL) {
      if (!catalog.find(providerId)) throw invalidRequest(`Unknown provider "${providerId}"`, 'providerId');
      if (baseURL === null) {
        await db.providerSettings.delete(providerId);
      } else {
        const parsed = parseOrInvalidRequest(baseURLSchema, baseURL, { param: 'baseURL' });
        await db.providerSettings.put({ providerId, baseURL: parsed });
      }
      forget();
    },
  };
}
