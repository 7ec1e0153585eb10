/**
 * @module Fetches `catalog.json` at most daily from the address fixed at build time, accepts it
 * only as `acceptCatalogUpdate` allows, keeps the accepted one (public data, parsed and checked
 * again on every load) and remembers the last attempt for the options page to put in words. A
 * broken or hostile update changes nothing.
 */
import { z } from 'zod';
import type { FetchLike } from '../../providers/types';
import type { FreeLLMDatabase } from '../../store/database';
import { keepCopy } from '../../store/kept-copies';
import { readSetting, writeSetting } from '../../store/kept-setting';
import type { CurrentCatalog } from '../current-catalog';
import { acceptCatalogUpdate, catalogRefusalSchema } from './accept-catalog-update';
import { keptCatalogUpdateSetting } from './catalog-update-setting';

export const CATALOG_CHECK_INTERVAL_MS = 24 * 60 * 60_000;
const ACCEPTED_ROW = 'catalogUpdate';
const CHECK_ROW = 'catalogUpdateCheck';

/** Where updates come from and the key they must be signed with; both fixed when FreeLLM is built. */
export interface CatalogUpdateSource {
  url: string;
  publicKey: string;
}

/** The build's constants as a source: none unless both the address and the key were set. */
export function catalogUpdateSource(url: string, publicKey: string): CatalogUpdateSource | undefined {
  return url && publicKey ? { url, publicKey } : undefined;
}

const acceptedSchema = z.object({ envelope: z.string(), url: z.string() });

/** What the last attempt gave: codes and values, so the options page says it in the user's language. */
const checkResultSchema = z.union([
  // Kept by versions before the codes: English words, shown as they are.
  z.object({ outcome: z.enum(['accepted', 'current', 'refused', 'failed']), message: z.string() }),
  z.object({ outcome: z.literal('accepted'), date: z.string() }),
  z.object({ outcome: z.literal('current') }),
  z.object({ outcome: z.literal('refused'), reason: catalogRefusalSchema }),
  /** With the server's HTTP status; without it, the server could not be reached. */
  z.object({ outcome: z.literal('failed'), status: z.number().optional() }),
]);
const checkSchema = z.intersection(z.object({ at: z.number() }), checkResultSchema);
export type CatalogCheck = z.infer<typeof checkSchema>;

export interface CatalogStatus {
  /** The day of the catalog in use. */
  date: string;
  /** `built-in`, or the address of the accepted update. */
  source: string;
  updates: { enabled: boolean; url: string | null };
  lastCheck: CatalogCheck | null;
}

interface CatalogUpdatesDeps {
  db: FreeLLMDatabase;
  fetch: FetchLike;
  now: () => number;
  crypto: Crypto;
  catalog: CurrentCatalog;
  /** Absent: this build fetches no updates. */
  source?: CatalogUpdateSource;
}

export interface CatalogUpdates {
  /** Lays the kept update (if it still passes, and updates are on) over the catalog. */
  load(): Promise<void>;
  /** Fetches an update if updates are on and the last attempt is a day old. */
  refreshIfDue(): Promise<void>;
  status(): Promise<CatalogStatus>;
  setEnabled(enabled: boolean): Promise<CatalogStatus>;
}

export function createCatalogUpdates(deps: CatalogUpdatesDeps): CatalogUpdates {
  const { db, catalog, source } = deps;
  const setting = keptCatalogUpdateSetting(db);
  const knownProviders = new Set(catalog.presets().map((preset) => preset.id));
  const builtInVersion = catalog.inUse();
  let loaded: Promise<void> | undefined;
  let refreshing: Promise<void> | undefined;
  keepCopy(db, () => {
    loaded = undefined;
  });

  async function readKept(): Promise<void> {
    // A build without updates (and every test engine) reads nothing before its first request.
    if (!source) return;
    const kept = await readSetting(db, ACCEPTED_ROW, acceptedSchema.optional(), undefined);
    if (!kept || !(await setting.get()).enabled) return catalog.use(undefined);
    const verdict = await acceptCatalogUpdate(kept.envelope, {
      crypto: deps.crypto,
      publicKey: source.publicKey,
      knownProviders,
      inUse: builtInVersion,
    });
    catalog.use(verdict.accepted ? { payload: verdict.payload, url: kept.url } : undefined);
  }

  const load = () => (loaded ??= readKept());

  async function check(url: string, publicKey: string): Promise<CatalogCheck> {
    const at = deps.now();
    let text: string;
    try {
      const response = await deps.fetch(url, { cache: 'no-store', credentials: 'omit' });
      if (!response.ok) return { at, outcome: 'failed', status: response.status };
      text = await response.text();
    } catch {
      return { at, outcome: 'failed' };
    }
    const verdict = await acceptCatalogUpdate(text, {
      crypto: deps.crypto,
      publicKey,
      knownProviders,
      inUse: catalog.inUse(),
    });
    if (verdict.accepted) {
      await writeSetting(db, ACCEPTED_ROW, { envelope: text, url });
      catalog.use({ payload: verdict.payload, url });
      return { at, outcome: 'accepted', date: verdict.payload.date };
    }
    if (verdict.current) return { at, outcome: 'current' };
    return { at, outcome: 'refused', reason: verdict.reason };
  }

  async function refresh(): Promise<void> {
    await load();
    if (!source || !(await setting.get()).enabled) return;
    const last = await readSetting(db, CHECK_ROW, checkSchema.optional(), undefined);
    if (last && deps.now() - last.at < CATALOG_CHECK_INTERVAL_MS) return;
    await writeSetting(db, CHECK_ROW, await check(source.url, source.publicKey));
  }

  async function status(): Promise<CatalogStatus> {
    await load();
    const { date, source: from } = catalog.inUse();
    return {
      date,
      source: from,
      updates: { enabled: (await setting.get()).enabled, url: source?.url ?? null },
      lastCheck: (await readSetting(db, CHECK_ROW, checkSchema.optional(), undefined)) ?? null,
    };
  }

  return {
    load,
    refreshIfDue() {
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    status,
    async setEnabled(enabled) {
      await setting.save({ enabled });
      loaded = undefined;
      return status();
    },
  };
}
