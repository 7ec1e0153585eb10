/**
 * @module The request log: who asked, who answered, how it went, in the dashboard's words; filtered
 * by site, provider and outcome, a page of 20 at a time back through everything the log keeps, and
 * exported as CSV or JSON.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import type { RequestLogPage, RequestLogQuery } from '../../../shared/request-log/query-request-log';
import { REQUEST_LOG_CAP } from '../../../shared/request-log/request-log-entry';
import { requestOutcome, type RequestOutcome } from '../../../shared/request-log/request-outcome';
import { REQUEST_LOG_MAX_AGE_MS } from '../../../shared/store/prune-request-log';
import { FieldError } from '../../../shared/ui/field-error';
import { messageOf } from '../../../shared/ui/message-of';
import { callBackground } from '../../lib/ui-client';
import { providerNamesOf } from '../../../shared/providers/provider-names';
import { download, logAsCsv, logAsJson } from './request-log-export';
import { attemptsInWords, OUTCOME_WORDS } from './request-log-words';
import './request-log-section.css';

const PAGE_SIZE = 20;
const KEPT_DAYS = Math.round(REQUEST_LOG_MAX_AGE_MS / 86_400_000);

type Filters = Pick<RequestLogQuery, 'site' | 'provider' | 'outcome'>;

const when = (at: number) =>
  new Date(at).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });

export function RequestLogSection({ providers }: { providers: ProviderSummary[] }) {
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<RequestLogPage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const providerName = providerNamesOf(providers);

  const load = useCallback(async () => {
    try {
      setPage(await callBackground('log.query', { ...filters, offset, limit: PAGE_SIZE }));
      setError(undefined);
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  }, [filters, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  const filter = (change: Filters) => {
    setFilters({ ...filters, ...change });
    setOffset(0);
  };

  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const { entries } = await callBackground('log.query', { ...filters, limit: REQUEST_LOG_CAP });
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'csv')
        download(logAsCsv(entries, providerName), `freellm-requests-${stamp}.csv`, 'text/csv');
      else download(logAsJson(entries), `freellm-requests-${stamp}.json`, 'application/json');
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };

  const total = page?.total ?? 0;
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <section class="card request-log" aria-labelledby="log-title">
      <div class="card-head with-action">
        <div>
          <h2 id="log-title">Requests</h2>
          <p class="muted">
            Who asked, who answered, and how long it took. The log keeps the latest{' '}
            {REQUEST_LOG_CAP.toLocaleString()} requests of the last {KEPT_DAYS} days. Keys and prompts are
            never logged.
          </p>
        </div>
        <button type="button" class="ghost" onClick={load}>
          Refresh
        </button>
      </div>
      <div class="log-filters">
        <label>
          Site
          <select
            value={filters.site ?? ''}
            onChange={(event) => filter({ site: event.currentTarget.value || undefined })}
          >
            <option value="">All sites</option>
            {page?.sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <label>
          Provider
          <select
            value={filters.provider ?? ''}
            onChange={(event) => filter({ provider: event.currentTarget.value || undefined })}
          >
            <option value="">All providers</option>
            {page?.providers.map((id) => (
              <option key={id} value={id}>
                {providerName(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select
            value={filters.outcome ?? ''}
            onChange={(event) =>
              filter({ outcome: (event.currentTarget.value || undefined) as RequestOutcome | undefined })
            }
          >
            <option value="">Any outcome</option>
            {(Object.keys(OUTCOME_WORDS) as RequestOutcome[]).map((outcome) => (
              <option key={outcome} value={outcome}>
                {OUTCOME_WORDS[outcome]}
              </option>
            ))}
          </select>
        </label>
        <div class="log-export">
          <button type="button" class="ghost" disabled={total === 0} onClick={() => exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" class="ghost" disabled={total === 0} onClick={() => exportAs('json')}>
            Export JSON
          </button>
        </div>
      </div>
      <FieldError message={error} />
      {page && page.entries.length === 0 ? (
        <p class="empty">{filtered ? 'No request matches these filters.' : 'No requests yet.'}</p>
      ) : (
        page && (
          <>
            <table class="log-table">
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Site</th>
                  <th>Model</th>
                  <th>Outcome</th>
                  <th>Attempts</th>
                  <th>Status</th>
                  <th>Latency</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.requestId} data-testid="log-row">
                    <td data-label="Time">{when(entry.at)}</td>
                    <td data-label="Site" class="ellipsis">
                      {entry.origin}
                    </td>
                    <td data-label="Model">
                      {entry.model}
                      {entry.stream ? ' · stream' : ''}
                    </td>
                    <td data-label="Outcome" class="outcome">
                      {OUTCOME_WORDS[requestOutcome(entry)]}
                      {entry.provider && ` by ${providerName(entry.provider)} / ${entry.servedModel}`}
                    </td>
                    <td data-label="Attempts" class="attempts">
                      {entry.attempts.length === 0 ? '—' : attemptsInWords(entry.attempts, providerName)}
                    </td>
                    <td data-label="Status">
                      <span class={`status ${entry.status < 400 ? 'ok' : 'bad'}`}>{entry.status}</span>
                    </td>
                    <td data-label="Latency">{entry.latencyMs} ms</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav class="log-pager" aria-label="Request log pages">
              <button
                type="button"
                class="ghost"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                Newer
              </button>
              <span data-testid="log-range" aria-live="polite">
                {offset + 1}–{offset + page.entries.length} of {total.toLocaleString()}
              </span>
              <button
                type="button"
                class="ghost"
                disabled={offset + PAGE_SIZE >= total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                Older
              </button>
            </nav>
          </>
        )
      )}
    </section>
  );
}
