/**
 * @module What FreeLLM has seen of which models a provider really serves, beyond the catalog:
 * the provider's live model list (kept, persisted, read again in the background when stale) and
 * models it retired (a second "not found" for the same model). Both are kept in one `settings`
 * row so a restarted worker routes as well as the one before it.
 */
import { z } from 'zod';
import { keptSetting } from '../store/kept-setting';
import type { FreeLLMDatabase } from '../store/database';
import type { WriteBehind } from '../store/write-behind';

/** How long a live list is trusted before it is read again (in the background). */
export const LIVE_LIST_TTL_MS = 10 * 60_000;
/** The "not found" answer that retires a model: the first may be a provider's passing mistake. */
const NOT_FOUND_TO_RETIRE = 2;

const ROW_ID = 'modelAvailability';

const modelAvailabilitySchema = z.object({
  lists: z.record(z.string(), z.object({ at: z.number(), ids: z.array(z.string()) })),
  notFound: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
  retired: z.record(z.string(), z.record(z.string(), z.number())),
});
type Known = z.infer<typeof modelAvailabilitySchema>;

export interface RetiredModel {
  providerId: string;
  model: string;
  /** When it answered "not found" the second time (epoch ms). */
  at: number;
}

export interface ModelAvailability {
  /** Reads the persisted state once (a settings import makes it read again). */
  load(): Promise<void>;
  /** The ids of the provider's last live list, or undefined when none was read (or it failed). */
  listed(providerId: string): ReadonlySet<string> | undefined;
  /** True when the provider's list was never read or is older than `LIVE_LIST_TTL_MS`. */
  stale(providerId: string): boolean;
  /** A live list was read: it decides; a model it lists again is no longer retired. */
  sawList(providerId: string, ids: readonly string[]): Promise<void>;
  /** The live list could not be read: the catalog decides until it can. */
  listFailed(providerId: string): Promise<void>;
  /** When FreeLLM retired the model, or undefined. */
  retiredAt(providerId: string, model: string): number | undefined;
  notFound(providerId: string, model: string): Promise<void>;
  /** The model answered: an earlier "not found" was a passing one. */
  answered(providerId: string, model: string): Promise<void>;
  retired(): RetiredModel[];
}

const empty = (): Known => ({ lists: {}, notFound: {}, retired: {} });

export function createModelAvailability(deps: {
  db: FreeLLMDatabase;
  now: () => number;
  writeBehind?: WriteBehind;
}): ModelAvailability {
  const row = keptSetting(deps.db, ROW_ID, modelAvailabilitySchema, empty());
  let known = empty();
  const listedIds = new Map<string, ReadonlySet<string>>();
  const adopt = (loaded: Known) => {
    known = loaded;
    listedIds.clear();
    for (const [providerId, list] of Object.entries(loaded.lists))
      listedIds.set(providerId, new Set(list.ids));
  };
  // One function, so that changes waiting for the same batch are written once.
  const write = () => row.save(known);
  const persist = () => {
    if (deps.writeBehind) void deps.writeBehind.once(write);
    else void write().catch(() => undefined);
  };
  const drop = (table: Record<string, Record<string, number>>, providerId: string, model: string) => {
    const models = table[providerId];
    if (models?.[model] === undefined) return false;
    delete models[model];
    if (Object.keys(models).length === 0) delete table[providerId];
    return true;
  };

  // The kept row is the state itself: changes wait for it, so a first read never undoes them.
  async function load() {
    const loaded = await row.get();
    if (loaded !== known) adopt(loaded);
  }

  return {
    load,
    listed: (providerId) => listedIds.get(providerId),
    stale(providerId) {
      const list = known.lists[providerId];
      return !list || deps.now() - list.at >= LIVE_LIST_TTL_MS;
    },
    async sawList(providerId, ids) {
      await load();
      known.lists[providerId] = { at: deps.now(), ids: [...ids] };
      listedIds.set(providerId, new Set(ids));
      for (const model of ids) drop(known.retired, providerId, model);
      persist();
    },
    async listFailed(providerId) {
      await load();
      if (!known.lists[providerId]) return;
      delete known.lists[providerId];
      listedIds.delete(providerId);
      persist();
    },
    retiredAt: (providerId, model) => known.retired[providerId]?.[model],
    async notFound(providerId, model) {
      await load();
      if (known.retired[providerId]?.[model] !== undefined) return;
      const count = (known.notFound[providerId]?.[model] ?? 0) + 1;
      if (count >= NOT_FOUND_TO_RETIRE) {
        drop(known.notFound, providerId, model);
        (known.retired[providerId] ??= {})[model] = deps.now();
      } else (known.notFound[providerId] ??= {})[model] = count;
      persist();
    },
    async answered(providerId, model) {
      await load();
      if (drop(known.notFound, providerId, model)) persist();
    },
    retired: () =>
      Object.entries(known.retired).flatMap(([providerId, models]) =>
        Object.entries(models).map(([model, at]) => ({ providerId, model, at })),
      ),
  };
}
