/**
 * @module The usage dashboard: today's headroom and when it runs out at the recent pace, the
 * history of the last week and month (usage-history-panel.tsx), what
 * each (provider, key, model) spent today and this minute against its free-tier limits, its passive health from real traffic, keys the router turned
 * off and why, and the response cache's savings with a way to empty it. Names come from the
 * provider and key listings; secrets never reach this page.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CacheStats } from '../../../shared/cache';
import type { KeyListing } from '../../../shared/engine/create-engine';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import { providerNamesOf } from '../../../shared/providers/provider-names';
import type { QuotaReport } from '../../../shared/quota/quota-report';
import type { KeyNotice } from '../../../shared/usage/key-notice';
import type { HealthEntry } from '../../../shared/usage/usage-ledger';
import { outcomeWords } from '../../../shared/ui/outcome-words';
import { callBackground, type ResultOf } from '../../lib/ui-client';
import { ForecastPanel } from './dashboard-section-forecast';
import { keyNoticeWords } from './key-notice-words';
import { UsageHistoryPanel } from './usage-history-panel';
import { RetiredModels } from './model-notes';
import './dashboard-section.css';
import { FieldError } from '../../../shared/ui/field-error';
import { errorWords } from '../../../shared/ui/error-words';
import { messageWith } from '../../../shared/ui/message-with';
import { t } from '../../../shared/i18n/t';

interface Health {
  models: HealthEntry[];
  notices: KeyNotice[];
}

interface Props {
  keys: KeyListing[];
  providers: ProviderSummary[];
}

/** Counters move with traffic; a slow poll keeps an open page honest without a Refresh click. */
const POLL_MS = 15_000;

const clock = (at: number) =>
  new Date(at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
const count = (value: number) => value.toLocaleString();

function bytes(value: number): string {
  if (value < 1024) return t('dashboardBytes', String(value));
  if (value < 1024 * 1024) return t('dashboardKilobytes', (value / 1024).toFixed(1));
  return t('dashboardMegabytes', (value / 1024 / 1024).toFixed(1));
}

const answers = (n: number) => t(n === 1 ? 'dashboardAnswersOne' : 'dashboardAnswersMany', count(n));

export function DashboardSection({ keys, providers }: Props) {
  const [health, setHealth] = useState<Health | undefined>();
  const [cache, setCache] = useState<CacheStats | undefined>();
  const [quota, setQuota] = useState<QuotaReport | undefined>();
  const [history, setHistory] = useState<ResultOf<'usage.history'> | undefined>();
  const [modelStatus, setModelStatus] = useState<ResultOf<'models.status'> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [cleared, setCleared] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    try {
      const [nextHealth, nextCache, nextQuota, nextModelStatus, nextHistory] = await Promise.all([
        callBackground('health'),
        callBackground('cache.stats'),
        callBackground('quota.get'),
        callBackground('models.status'),
        callBackground('usage.history'),
      ]);
      setHealth(nextHealth);
      setHistory(nextHistory);
      setCache(nextCache);
      setQuota(nextQuota);
      setModelStatus(nextModelStatus);
      setError(undefined);
    } catch (thrown) {
      setError(errorWords(thrown));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const clearCache = async () => {
    const forgotten = cache?.memoryEntries ?? 0;
    try {
      await callBackground('cache.clear');
      setCleared(
        t(forgotten === 1 ? 'dashboardCacheClearedOne' : 'dashboardCacheClearedMany', count(forgotten)),
      );
      await refresh();
    } catch (thrown) {
      setError(errorWords(thrown));
    }
  };

  const keyLabel = (keyId: string) =>
    keys.find((key) => key.id === keyId)?.label ?? t(keyId ? 'dashboardRemovedKey' : 'dashboardNoKey');
  const providerName = providerNamesOf(providers);

  return (
    <section class="card dashboard" aria-labelledby="dashboard-title">
      <div class="card-head with-action">
        <div>
          <h2 id="dashboard-title">{t('dashboardTitle')}</h2>
          <p class="muted">{t('dashboardIntro')}</p>
        </div>
        <button type="button" class="ghost" onClick={refresh}>
          {t('usageRefresh')}
        </button>
      </div>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {health && health.notices.length > 0 && (
        <ul class="key-notices" aria-label={t('dashboardKeysTurnedOff')}>
          {health.notices.map((notice) => (
            <li key={notice.keyId} class="key-notice">
              {/* A list item cannot be a status itself: its content is. */}
              <div role="status">
                {messageWith(
                  'dashboardKeyTurnedOff',
                  <strong>{keyLabel(notice.keyId)}</strong>,
                  providerName(notice.providerId),
                  keyNoticeWords(notice, providerName(notice.providerId)),
                )}
                <span class="notice-time">{t('dashboardKeyTurnedOffAt', clock(notice.at))}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {quota && (
        <ForecastPanel report={quota} nameOf={(provider) => provider.name ?? providerName(provider.id)} />
      )}
      {history && <UsageHistoryPanel report={history} keyLabel={keyLabel} providerName={providerName} />}
      {modelStatus && <RetiredModels retired={modelStatus.retired} />}
      {cache && <CachePanel stats={cache} cleared={cleared} onClear={clearCache} onSaved={refresh} />}
      {health && (
        <UsageTable
          entries={health.models}
          providers={providers}
          keys={keys}
          keyLabel={keyLabel}
          providerName={providerName}
        />
      )}
    </section>
  );
}

function CachePanel({
  stats,
  cleared,
  onClear,
  onSaved,
}: {
  stats: CacheStats;
  cleared: string | undefined;
  onClear: () => Promise<void>;
  onSaved: () => Promise<void>;
}) {
  const asked = stats.hits + stats.misses + stats.shared;
  const tiles: [string, string, string?][] = [
    [
      t('dashboardCacheHits'),
      count(stats.hits),
      asked > 0 ? t('dashboardCacheHitShare', String(Math.round((stats.hits / asked) * 100))) : undefined,
    ],
    [t('dashboardCacheMisses'), count(stats.misses)],
    [t('dashboardCacheShared'), count(stats.shared)],
    [t('dashboardCacheSaved'), count(stats.savedUpstreamRequests), t('dashboardCacheSavedNote')],
    [t('dashboardCacheMemory'), bytes(stats.memoryBytes), answers(stats.memoryEntries)],
  ];
  return (
    <div class="cache-panel" data-testid="cache-panel">
      <div class="cache-head">
        <h3>{t('dashboardCacheTitle')}</h3>
        <button type="button" class="ghost danger" onClick={onClear}>
          {t('dashboardClearCache')}
        </button>
      </div>
      <dl class="cache-tiles">
        {tiles.map(([label, value, note]) => (
          <div key={label} class="cache-tile" data-testid="cache-stat" data-stat={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            {note && <dd class="tile-note">{note}</dd>}
          </div>
        ))}
      </dl>
      {cleared && (
        <p class="cache-cleared" role="status">
          {cleared}
        </p>
      )}
      <CacheSettingsForm stats={stats} onSaved={onSaved} />
    </div>
  );
}

const HOUR_MS = 3_600_000;
const MIB = 1024 * 1024;

/** How long answers are kept and how much of the browser's storage they may take. */
function CacheSettingsForm({ stats, onSaved }: { stats: CacheStats; onSaved: () => Promise<void> }) {
  const [error, setError] = useState<string | undefined>();
  const save = async (change: { ttlMs?: number; maxStoredBytes?: number }) => {
    try {
      await callBackground('cache.configure', change);
      setError(undefined);
      await onSaved();
    } catch (thrown) {
      setError(errorWords(thrown));
    }
  };
  const number = (raw: string) => (raw.trim() === '' || !(Number(raw) > 0) ? undefined : Number(raw));
  return (
    <div class="cache-settings">
      {/* Uncontrolled, keyed by the stored value: the dashboard's refreshes leave a value being typed alone. */}
      <label class="limit">
        {messageWith(
          'dashboardCacheKeepFor',
          <input
            type="number"
            min={1}
            step={1}
            aria-label={t('dashboardCacheKeepForLabel')}
            key={stats.ttlMs}
            defaultValue={String(Math.round(stats.ttlMs / HOUR_MS))}
            onChange={(event) => {
              const hours = number(event.currentTarget.value);
              if (hours) void save({ ttlMs: Math.round(hours * HOUR_MS) });
            }}
          />,
        )}
      </label>
      <label class="limit">
        {messageWith(
          'dashboardCacheStoreUpTo',
          <input
            type="number"
            min={1}
            step={1}
            aria-label={t('dashboardCacheSizeLabel')}
            key={stats.maxStoredBytes}
            defaultValue={String(Math.round(stats.maxStoredBytes / MIB))}
            onChange={(event) => {
              const megabytes = number(event.currentTarget.value);
              if (megabytes) void save({ maxStoredBytes: Math.round(megabytes * MIB) });
            }}
          />,
        )}
      </label>
      <FieldError message={error} />
    </div>
  );
}

interface TableProps {
  entries: HealthEntry[];
  providers: ProviderSummary[];
  keys: KeyListing[];
  keyLabel: (keyId: string) => string;
  providerName: (id: string) => string;
}

function UsageTable({ entries, providers, keys, keyLabel, providerName }: TableProps) {
  if (entries.length === 0) return <p class="empty">{t('dashboardNoTraffic')}</p>;
  const order = (id: string) => {
    const index = providers.findIndex((provider) => provider.id === id);
    return index < 0 ? providers.length : index;
  };
  const groups = [...new Set(entries.map((entry) => entry.providerId))].sort((a, b) => order(a) - order(b));
  return (
    <table class="usage-table">
      <thead>
        <tr>
          <th>{t('dashboardKeyAndModel')}</th>
          <th>{t('dashboardToday')}</th>
          <th>{t('dashboardThisMinute')}</th>
          <th>{t('dashboardSuccess')}</th>
          <th>{t('dashboardLatency')}</th>
          <th>{t('dashboardStatus')}</th>
        </tr>
      </thead>
      {groups.map((providerId) => {
        const rows = entries
          .filter((entry) => entry.providerId === providerId)
          .sort(
            (a, b) => keyLabel(a.keyId).localeCompare(keyLabel(b.keyId)) || a.model.localeCompare(b.model),
          );
        const today = rows.reduce((sum, entry) => sum + entry.day.requests, 0);
        const name = providerName(providerId);
        return (
          <tbody key={providerId} data-testid="usage-group" aria-label={name}>
            <tr class="group-head">
              <th colSpan={6} scope="rowgroup">
                {name}{' '}
                <span class="group-total">
                  {t(today === 1 ? 'dashboardRequestsTodayOne' : 'dashboardRequestsTodayMany', count(today))}
                </span>
              </th>
            </tr>
            {rows.map((entry) => (
              <UsageRow
                key={`${entry.keyId}:${entry.model}`}
                entry={entry}
                keyLabel={keyLabel(entry.keyId)}
                keyOff={keys.find((key) => key.id === entry.keyId)?.enabled === false}
              />
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

function UsageRow({ entry, keyLabel, keyOff }: { entry: HealthEntry; keyLabel: string; keyOff: boolean }) {
  const rate = entry.successRate === null ? '—' : `${Math.round(entry.successRate * 100)}%`;
  return (
    <tr data-testid="usage-row" class={entry.coolingUntil ? 'cooling' : undefined}>
      <td>
        <span class="row-key">{keyLabel}</span>
        <code class="row-model">{entry.model}</code>
      </td>
      <td data-label={t('dashboardToday')}>
        <Meter used={entry.day.requests} limit={entry.limits.rpd} label={t('dashboardRequestsToday')} />
        {entry.day.tokens > 0 && (
          <span class="tokens">
            {t(
              entry.day.tokens === 1 ? 'dashboardTokensOne' : 'dashboardTokensMany',
              count(entry.day.tokens),
            )}
          </span>
        )}
      </td>
      <td data-label={t('dashboardThisMinute')}>
        <Meter
          used={entry.minute.requests}
          limit={entry.limits.rpm}
          label={t('dashboardRequestsThisMinute')}
        />
      </td>
      <td
        data-label={t('dashboardSuccess')}
        class={entry.successRate !== null && entry.successRate < 0.9 ? 'weak' : undefined}
        title={t('dashboardAnsweredFailed', String(entry.ok), String(entry.failed))}
      >
        {rate}
      </td>
      <td>{entry.latencyMs === null ? '—' : t('milliseconds', count(Math.round(entry.latencyMs)))}</td>
      <td class="row-status">
        {keyOff ? (
          <span class="pill off">{t('dashboardKeyOff')}</span>
        ) : entry.coolingUntil ? (
          <span class="pill cooling">
            {entry.cooldownReason
              ? t(
                  'dashboardCoolingUntilBecause',
                  clock(entry.coolingUntil),
                  outcomeWords(entry.cooldownReason),
                )
              : t('dashboardCoolingUntil', clock(entry.coolingUntil))}
          </span>
        ) : (
          <span class="pill ready">{t('dashboardReady')}</span>
        )}
        {entry.lastError && (
          <span class="last-error" title={entry.lastError.message}>
            {entry.lastError.message
              ? t(
                  'dashboardLastErrorSaying',
                  clock(entry.lastError.at),
                  outcomeWords(entry.lastError.kind),
                  entry.lastError.message,
                )
              : t('dashboardLastError', clock(entry.lastError.at), outcomeWords(entry.lastError.kind))}
          </span>
        )}
      </td>
    </tr>
  );
}

function Meter({ used, limit, label }: { used: number; limit: number | undefined; label: string }) {
  if (limit === undefined) {
    return (
      <span class="meter-cell">
        <strong class="meter-text">{count(used)}</strong>
        <span class="no-limit">{t('dashboardNoKnownLimit')}</span>
      </span>
    );
  }
  const share = Math.min(1, used / limit);
  return (
    <span class="meter-cell">
      <span class="meter-text">
        <strong>{count(used)}</strong> / {count(limit)}
      </span>
      <span
        class={`meter${share >= 0.9 ? ' high' : share >= 0.6 ? ' mid' : ''}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
      >
        <span style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}
