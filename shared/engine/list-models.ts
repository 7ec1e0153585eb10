/**
 * @module OpenAI `GET /models`: the virtual models (`auto`, `auto:fast`, `auto:smart`), the
 * user's aliases, model names several providers serve, and `provider/model` for every model of
 * every provider the user has an enabled key for — live from the provider's own list when it
 * answers (kept for a few minutes), the catalog's otherwise. Every list read (or failed read) is
 * handed to the model availability, which routing follows; routing asks for stale ones here.
 */
import type { CatalogReader } from '../catalog/current-catalog';
import { listProviderModels, type ListedModel } from '../providers/list-provider-models';
import type { KeyManager } from '../keys/key-ring';
import type { ProviderDirectory } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';
import { LIVE_LIST_TTL_MS, type ModelAvailability } from '../router/model-availability';
import { MODEL_EQUIVALENTS } from '../router/model-equivalence';
import type { RoutingSettings } from '../router/routing-settings';
import { providerNamesOf } from '../providers/provider-names';

export interface ModelLister {
  list(): Promise<{ object: 'list'; data: ListedModel[] }>;
  /**
   * Reads again, in the background, the live lists of these providers that are stale (one read
   * at a time per provider, and none again within the list's lifetime after a failed one).
   */
  refresh(providerIds: Iterable<string>): void;
}

interface ListerDeps {
  keys: Pick<KeyManager, 'list' | 'reveal'>;
  providers: ProviderDirectory;
  settings(): Promise<RoutingSettings>;
  fetch: FetchLike;
  now: () => number;
  catalog: CatalogReader;
  /** Told every live list read, and every failed read: routing follows them. */
  availability: ModelAvailability;
}

export function createModelLister(deps: ListerDeps): ModelLister {
  const remembered = new Map<string, { at: number; models: ListedModel[] }>();
  const triedAt = new Map<string, number>();

  async function firstKeyByProvider(): Promise<Map<string, string>> {
    const first = new Map<string, string>();
    for (const key of await deps.keys.list())
      if (key.enabled && !first.has(key.providerId)) first.set(key.providerId, key.id);
    return first;
  }

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
    triedAt.set(providerId, deps.now());
    if (listing.live) {
      remembered.set(cacheKey, { at: deps.now(), models: listing.models });
      await deps.availability.sawList(
        providerId,
        listing.models.map((model) => model.id),
      );
    } else if (listing.error) await deps.availability.listFailed(providerId);
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
      const firstKeys = await firstKeyByProvider();
      const nameOf = providerNamesOf(await deps.providers.list());
      const perProvider = await Promise.all(
        [...firstKeys].map(async ([providerId, keyId]) =>
          (await modelsOf(providerId, keyId)).map((model) => ({
            ...model,
            id: `${providerId}/${model.id}`,
            provider_name: nameOf(providerId),
          })),
        ),
      );
      const served = new Set(firstKeys.keys());
      const embedding = new Set(perProvider.flat().flatMap((model) => (model.type ? [model.id] : [])));
      const shared = Object.entries(MODEL_EQUIVALENTS)
        .filter(([, ids]) => Object.keys(ids).some((id) => served.has(id)))
        .map(([name, ids]) =>
          Object.entries(ids).some(([providerId, id]) => embedding.has(`${providerId}/${id}`))
            ? { ...virtual(name), type: 'embedding' as const }
            : virtual(name),
        );
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
    refresh(providerIds) {
      const due = [...providerIds].filter(
        (id) =>
          deps.availability.stale(id) &&
          deps.catalog.find(id)?.modelsEndpoint !== undefined &&
          deps.now() - (triedAt.get(id) ?? -Infinity) >= LIVE_LIST_TTL_MS,
      );
      if (due.length === 0) return;
      for (const id of due) triedAt.set(id, deps.now());
      void firstKeyByProvider()
        .then((firstKeys) =>
          Promise.all(
            due.flatMap((id) => {
              const keyId = firstKeys.get(id);
              return keyId ? [modelsOf(id, keyId)] : [];
            }),
          ),
        )
        // A list that cannot be read leaves routing to the catalog; GET /models says why.
        .catch(() => undefined);
    },
  };
}
