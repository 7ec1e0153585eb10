/**
 * @module OpenAI `GET /models`: the virtual models (`auto`, `auto:fast`, `auto:smart`), the
 * user's aliases, model names several providers serve, and `provider/model` for every model of
 * every provider the user has an enabled key for — live from the provider's own list when it
 * answers (kept for a few minutes), the catalog's otherwise.
 */
import type { CatalogReader } from '../catalog/current-catalog';
import { listProviderModels, type ListedModel } from '../providers/list-provider-models';
import type { KeyManager } from '../keys/key-ring';
import type { ProviderDirectory } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';
import { MODEL_EQUIVALENTS } from '../router/model-equivalence';
import type { RoutingSettings } from '../router/routing-settings';

const LIVE_LIST_TTL_MS = 10 * 60_000;

export interface ModelLister {
  list(): Promise<{ object: 'list'; data: ListedModel[] }>;
}

interface ListerDeps {
  keys: Pick<KeyManager, 'list' | 'reveal'>;
  providers: ProviderDirectory;
  settings(): Promise<RoutingSettings>;
  fetch: FetchLike;
  now: () => number;
  catalog: CatalogReader;
}

export function createModelLister(deps: ListerDeps): ModelLister {
  const remembered = new Map<string, { at: number; models: ListedModel[] }>();

  async function modelsOf(providerId: string, keyId: string): Promise<ListedModel[]> {
    const provider = await deps.providers.resolve(providerId);
    if (!provider) return [];
    const created = Math.floor(deps.now() / 1000);
    const preset = deps.catalog.find(providerId);
    if (!preset)
      return [
        { id: provider.defaultModel, object: 'model', created, owned_by: provider.id, free_tier: false },
      ];
    const cacheKey = `${keyId}@${provider.baseURL}`;
    const hit = remembered.get(cacheKey);
    if (hit && deps.now() - hit.at < LIVE_LIST_TTL_MS) return hit.models;
    // A locked vault still lists the catalog's models.
    const apiKey = provider.keyless ? undefined : await deps.keys.reveal(keyId).catch(() => undefined);
    const listing = await listProviderModels(preset, {
      fetch: deps.fetch,
      baseURL: provider.baseURL,
      apiKey,
      now: deps.now,
    });
    if (listing.live) remembered.set(cacheKey, { at: deps.now(), models: listing.models });
    return listing.models;
  }

  return {
    async list() {
      const created = Math.floor(deps.now() / 1000);
      const virtual = (id: string): ListedModel => ({
        id,
        object: 'model',
        created,
        owned_by: 'freellm',
        free_tier: true,
      });
      const firstKeyByProvider = new Map<string, string>();
      for (const key of await deps.keys.list())
        if (key.enabled && !firstKeyByProvider.has(key.providerId))
          firstKeyByProvider.set(key.providerId, key.id);
      const perProvider = await Promise.all(
        [...firstKeyByProvider].map(async ([providerId, keyId]) =>
          (await modelsOf(providerId, keyId)).map((model) => ({ ...model, id: `${providerId}/${model.id}` })),
        ),
      );
      const served = new Set(firstKeyByProvider.keys());
      const shared = Object.entries(MODEL_EQUIVALENTS)
        .filter(([, ids]) => Object.keys(ids).some((id) => served.has(id)))
        .map(([name]) => virtual(name));
      const aliases = Object.keys((await deps.settings()).aliases).map(virtual);
      return {
        object: 'list',
        data: [
          virtual('auto'),
          virtual('auto:fast'),
          virtual('auto:smart'),
          ...aliases,
          ...shared,
          ...perProvider.flat(),
        ],
      };
    },
  };
}
