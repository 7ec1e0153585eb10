/**
 * @module Gathers what the quota report is built from, out of the engine's own state: enabled
 * keys by provider, the models a site may use there, each key's allowance for each model, the
 * attempts of the recent window, and the asking site's own limits.
 */
import { pickedAutomatically } from '../catalog/catalog-types';
import type { CatalogReader } from '../catalog/current-catalog';
import { siteWindows, type OriginGrants } from '../grants/origin-grants';
import type { KeySummary } from '../keys/stored-key';
import type { ProviderDirectory, ResolvedProvider } from '../providers/provider-directory';
import type { RequestLogEntry } from '../request-log/request-log-entry';
import type { UsageLedger } from '../usage/usage-ledger';
import { buildQuotaReport } from './build-quota-report';
import type { Forecast, QuotaReport, QuotaWindow } from './quota-report';

/** Long enough to smooth a burst, short enough to follow a change of pace within minutes. */
export const PACE_WINDOW_MS = 15 * 60_000;

export interface QuotaDeps {
  now: () => number;
  keys: { list(): Promise<KeySummary[]> };
  providers: Pick<ProviderDirectory, 'resolve'>;
  ledger: Pick<UsageLedger, 'allowance'>;
  requestLog: { since(at: number): Promise<RequestLogEntry[]> };
  origins: Pick<OriginGrants, 'list'>;
  catalog: CatalogReader;
}

/** The models `auto`, tiers and shared names may use (never a retired or paid one), and the default. */
function modelsOf(provider: ResolvedProvider, catalog: CatalogReader): string[] {
  const preset = catalog.find(provider.id);
  const listed = preset?.models
    .filter((model) => pickedAutomatically(preset, model))
    .map((model) => model.id);
  return [...new Set([provider.defaultModel, ...(listed ?? [])])];
}

/** One key's own day: what is left of it and when it runs out at the key's recent pace. */
export interface KeyQuota {
  keyId: string;
  providerId: string;
  requests: QuotaWindow;
  tokens: QuotaWindow;
  forecast: Forecast;
}

export function createQuotaReader(deps: QuotaDeps) {
  async function siteOf(origin: string) {
    const grant = (await deps.origins.list()).find((item) => item.origin === origin);
    return grant ? { origin, ...siteWindows(grant, deps.now()) } : null;
  }

  /** Enabled keys, their providers, and the attempts of the pace window. */
  async function gather() {
    const now = deps.now();
    const enabled = (await deps.keys.list()).filter((key) => key.enabled);
    const providerIds = [...new Set(enabled.map((key) => key.providerId))];
    const [resolved, log] = await Promise.all([
      Promise.all(providerIds.map((id) => deps.providers.resolve(id))),
      deps.requestLog.since(now - PACE_WINDOW_MS),
    ]);
    return { now, enabled, providers: resolved.flatMap((provider) => provider ?? []), log };
  }

  /** Each model the provider serves automatically, with the allowance of each of `keys` for it. */
  const modelsWithAllowances = (provider: ResolvedProvider, keys: KeySummary[]) =>
    modelsOf(provider, deps.catalog).map((model) => ({
      id: model,
      allowances: keys.map((key) =>
        deps.ledger.allowance({ providerId: provider.id, keyId: key.id, accountId: key.account, model }),
      ),
    }));

  /** The report for a site (its origin) or for the extension's own pages (null). */
  async function read(origin: string | null): Promise<QuotaReport> {
    const [{ now, enabled, providers, log }, site] = await Promise.all([
      gather(),
      origin === null ? null : siteOf(origin),
    ]);
    return buildQuotaReport({
      now,
      paceWindowMs: PACE_WINDOW_MS,
      providers: providers.map((provider) => {
        const keys = enabled.filter((key) => key.providerId === provider.id);
        return {
          id: provider.id,
          name: provider.custom ? null : provider.name,
          keys: keys.length,
          models: modelsWithAllowances(provider, keys),
        };
      }),
      attempts: log.flatMap((entry) => entry.attempts),
      site,
    });
  }

  /**
   * Each enabled key's day, for the extension's own dashboard only (it names keys): the same
   * report, with every key read as a provider of one key and paced by its own attempts.
   */
  async function readKeys(): Promise<KeyQuota[]> {
    const { now, enabled, providers, log } = await gather();
    const byId = new Map(providers.map((provider) => [provider.id, provider]));
    const keys = enabled.flatMap((key) => {
      const provider = byId.get(key.providerId);
      return provider ? [{ key, provider }] : [];
    });
    const report = buildQuotaReport({
      now,
      paceWindowMs: PACE_WINDOW_MS,
      providers: keys.map(({ key, provider }) => ({
        id: key.id,
        name: null,
        keys: 1,
        models: modelsWithAllowances(provider, [key]),
      })),
      attempts: log.flatMap((entry) =>
        entry.attempts.flatMap((attempt) =>
          attempt.keyId === undefined ? [] : [{ provider: attempt.keyId, model: attempt.model }],
        ),
      ),
      site: null,
    });
    return report.providers.map((item, index) => ({
      keyId: item.id,
      providerId: keys[index]!.provider.id,
      requests: item.requests.day,
      tokens: item.tokens.day,
      forecast: item.forecast,
    }));
  }

  return { read, readKeys };
}
