/** @module Every provider the user can use: the built-in presets plus their own endpoints. */
import { PROVIDER_PRESETS, findPreset } from '../catalog/provider-presets';
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import { customProviderSchema, type CustomProvider } from './custom-provider';
import { createOpenAICompatibleAdapter } from './openai-compatible/openai-compatible-adapter';
import type { ProviderAdapter } from './types';

export interface ResolvedProvider {
  id: string;
  name: string;
  baseURL: string;
  defaultModel: string;
  custom: boolean;
  adapter: ProviderAdapter;
}

export type ProviderSummary = Omit<ResolvedProvider, 'adapter'>;

export interface ProviderDirectory {
  list(): Promise<ProviderSummary[]>;
  resolve(id: string): Promise<ResolvedProvider | undefined>;
  addCustom(input: Omit<CustomProvider, 'id'>): Promise<CustomProvider>;
  removeCustom(id: string): Promise<void>;
}

const adapters = new Map(PROVIDER_PRESETS.map((preset) => [preset.id, createOpenAICompatibleAdapter(preset)]));
const plainAdapter = createOpenAICompatibleAdapter();

function fromCustom(custom: CustomProvider): ResolvedProvider {
  return { ...custom, custom: true, adapter: plainAdapter };
}

export function createProviderDirectory(db: FreeLLMDatabase, newId: () => string): ProviderDirectory {
  return {
    async list() {
      const customs = await db.customProviders.toArray();
      return [
        ...PROVIDER_PRESETS.map(({ id, name, baseURL, defaultModel }) => ({ id, name, baseURL, defaultModel, custom: false })),
        ...customs.map(({ id, name, baseURL, defaultModel }) => ({ id, name, baseURL, defaultModel, custom: true })),
      ];
    },
    async resolve(id) {
      const preset = findPreset(id);
      if (preset) return { ...preset, custom: false, adapter: adapters.get(id) ?? plainAdapter };
      const custom = await db.customProviders.get(id);
      const parsed = customProviderSchema.safeParse(custom);
      return parsed.success ? fromCustom(parsed.data) : undefined;
    },
    async addCustom(input) {
      const parsed = customProviderSchema.safeParse({ ...input, id: `custom-${newId()}` });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalidRequest(issue?.message ?? 'Invalid endpoint', issue?.path.join('.') ?? null);
      }
      await db.customProviders.add(parsed.data);
      return parsed.data;
    },
    async removeCustom(id) {
      await db.transaction('rw', db.customProviders, db.keys, async () => {
        await db.customProviders.delete(id);
        await db.keys.where('providerId').equals(id).delete();
      });
    },
  };
}
