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
import { messageOf } from '../../../shared/ui/message-of';

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
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(1)} MB`;
}

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
      setError(messageOf(thrown));
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
        `Cache cleared: ${count(forgotten)} ${forgotten === 1 ? 'answer' : 'answers'} forgotten, counters reset.`,
      );
      await refresh();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };

  const keyLabel = (keyId: string) =>
    keys.find((key) => key.id === keyId)?.label ?? (keyId ? 'removed key' : 'no key');
  const providerName = providerNamesOf(providers);

  return (
    <section class="card dashboard" aria-labelledby="dashboard-title">
      <div class="card-head with-action">
        <div>
          <h2 id="dashboard-title">Usage and health</h2>
          <p class="muted">
            Measured from real traffic: what each key spent against its free tier, how it answered, and what
            the cache saved.
          </p>
        </div>
        <button type="button" class="ghost" onClick={refresh}>
          Refresh
        </button>
      </div>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {health && health.notices.length > 0 && (
        <ul class="key-notices" aria-label="Keys turned off">
          {health.notices.map((notice) => (
            <li key={notice.keyId} class="key-notice">
              {/* A list item cannot be a status itself: its content is. */}
              <div role="status">
                <strong>{keyLabel(notice.keyId)}</strong> ({providerName(notice.providerId)}) was turned off:{' '}
                {keyNoticeWords(notice, providerName(notice.providerId))}
                <span class="notice-time">at {clock(notice.at)}</span>
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
      'Hits',
      count(stats.hits),
      asked > 0 ? `${Math.round((stats.hits / asked) * 100)}% of requests` : undefined,
    ],
    ['Misses', count(stats.misses)],
    ['Shared in flight', count(stats.shared)],
    ['Requests saved', count(stats.savedUpstreamRequests), 'not sent upstream'],
    [
      'Memory',
      bytes(stats.memoryBytes),
      `${count(stats.memoryEntries)} ${stats.memoryEntries === 1 ? 'answer' : 'answers'}`,
    ],
  ];
  return (
    <div class="cache-panel" data-testid="cache-panel">
      <div class="cache-head">
        <h3>Response cache</h3>
        <button type="button" class="ghost danger" onClick={onClear}>
          Clear cache
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
      setError(messageOf(thrown));
    }
  };
  const number = (raw: string) => (raw.trim() === '' || !(Number(raw) > 0) ? undefined : Number(raw));
  return (
    <div class="cache-settings">
      {/* Uncontrolled, keyed by the stored value: the dashboard's refreshes leave a value being typed alone. */}
      <label class="limit">
        Keep answers for
        <input
          type="number"
          min={1}
          step={1}
          aria-label="Keep cached answers for (hours)"
          key={stats.ttlMs}
          defaultValue={String(Math.round(stats.ttlMs / HOUR_MS))}
          onChange={(event) => {
            const hours = number(event.currentTarget.value);
            if (hours) void save({ ttlMs: Math.round(hours * HOUR_MS) });
          }}
        />
        hours
      </label>
      <label class="limit">
        Store up to
        <input
          type="number"
          min={1}
          step={1}
          aria-label="Cache size limit (MB)"
          key={stats.maxStoredBytes}
          defaultValue={String(Math.round(stats.maxStoredBytes / MIB))}
          onChange={(event) => {
            const megabytes = number(event.currentTarget.value);
            if (megabytes) void save({ maxStoredBytes: Math.round(megabytes * MIB) });
          }}
        />
        MB
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
  if (entries.length === 0)
    return (
      <p class="empty">
        No traffic yet. Rows appear here after the first request a provider answers or refuses.
      </p>
    );
  const order = (id: string) => {
    const index = providers.findIndex((provider) => provider.id === id);
    return index < 0 ? providers.length : index;
  };
  const groups = [...new Set(entries.map((entry) => entry.providerId))].sort((a, b) => order(a) - order(b));
  return (
    <table class="usage-table">
      <thead>
        <tr>
          <th>Key · model</th>
          <th>Today</th>
          <th>This minute</th>
          <th>Success</th>
          <th>Latency</th>
          <th>Status</th>
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
                  {count(today)} {today === 1 ? 'request' : 'requests'} today
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
      <td data-label="Today">
        <Meter used={entry.day.requests} limit={entry.limits.rpd} label="today" />
        {entry.day.tokens > 0 && <span class="tokens">{count(entry.day.tokens)} tokens</span>}
      </td>
      <td data-label="This minute">
        <Meter used={entry.minute.requests} limit={entry.limits.rpm} label="this minute" />
      </td>
      <td
        data-label="Success"
        class={entry.successRate !== null && entry.successRate < 0.9 ? 'weak' : undefined}
        title={`${entry.ok} answered, ${entry.failed} failed`}
      >
        {rate}
      </td>
      <td>{entry.latencyMs === null ? '—' : `${count(Math.round(entry.latencyMs))} ms`}</td>
      <td class="row-status">
        {keyOff ? (
          <span class="pill off">Key turned off</span>
        ) : entry.coolingUntil ? (
          <span class="pill cooling">
            Cooling down until {clock(entry.coolingUntil)}
            {entry.cooldownReason && ` (${outcomeWords(entry.cooldownReason)})`}
          </span>
        ) : (
          <span class="pill ready">Ready</span>
        )}
        {entry.lastError && (
          <span class="last-error" title={entry.lastError.message}>
            Last error {clock(entry.lastError.at)}: {outcomeWords(entry.lastError.kind)}
            {entry.lastError.message && ` — ${entry.lastError.message}`}
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
        <span class="no-limit">no known limit</span>
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
        aria-label={`Requests ${label}`}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
      >
        <span style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}
