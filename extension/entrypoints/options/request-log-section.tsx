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
import { errorWords } from '../../../shared/ui/error-words';
import { callBackground } from '../../lib/ui-client';
import { providerNamesOf } from '../../../shared/providers/provider-names';
import { download, logAsCsv, logAsJson } from './request-log-export';
import { attemptsInWords, REQUEST_OUTCOMES, requestOutcomeWords } from './request-log-words';
import { t } from '../../../shared/i18n/t';
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
      setError(errorWords(thrown));
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
      setError(errorWords(thrown));
    }
  };

  const total = page?.total ?? 0;
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <section class="card request-log" aria-labelledby="log-title">
      <div class="card-head with-action">
        <div>
          <h2 id="log-title">{t('logTitle')}</h2>
          <p class="muted">{t('logIntro', REQUEST_LOG_CAP.toLocaleString(), String(KEPT_DAYS))}</p>
        </div>
        <button type="button" class="ghost" onClick={load}>
          {t('usageRefresh')}
        </button>
      </div>
      <div class="log-filters">
        <label>
          {t('logSite')}
          <select
            value={filters.site ?? ''}
            onChange={(event) => filter({ site: event.currentTarget.value || undefined })}
          >
            <option value="">{t('logAllSites')}</option>
            {page?.sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logProvider')}
          <select
            value={filters.provider ?? ''}
            onChange={(event) => filter({ provider: event.currentTarget.value || undefined })}
          >
            <option value="">{t('logAllProviders')}</option>
            {page?.providers.map((id) => (
              <option key={id} value={id}>
                {providerName(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logOutcome')}
          <select
            value={filters.outcome ?? ''}
            onChange={(event) =>
              filter({ outcome: (event.currentTarget.value || undefined) as RequestOutcome | undefined })
            }
          >
            <option value="">{t('logAnyOutcome')}</option>
            {REQUEST_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {requestOutcomeWords(outcome)}
              </option>
            ))}
          </select>
        </label>
        <div class="log-export">
          <button type="button" class="ghost" disabled={total === 0} onClick={() => exportAs('csv')}>
            {t('logExportCsv')}
          </button>
          <button type="button" class="ghost" disabled={total === 0} onClick={() => exportAs('json')}>
            {t('logExportJson')}
          </button>
        </div>
      </div>
      <FieldError message={error} />
      {page && page.entries.length === 0 ? (
        <p class="empty">{t(filtered ? 'logNoMatch' : 'logEmpty')}</p>
      ) : (
        page && (
          <>
            <table class="log-table">
              <thead>
                <tr>
                  <th>{t('logTime')}</th>
                  <th>{t('logSite')}</th>
                  <th>{t('logModel')}</th>
                  <th>{t('logOutcome')}</th>
                  <th>{t('logAttempts')}</th>
                  <th>{t('logStatus')}</th>
                  <th>{t('logLatency')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.requestId} data-testid="log-row">
                    <td data-label={t('logTime')}>{when(entry.at)}</td>
                    <td data-label={t('logSite')} class="ellipsis">
                      {entry.origin}
                    </td>
                    <td data-label={t('logModel')}>
                      {entry.stream ? t('logModelStreamed', entry.model) : entry.model}
                    </td>
                    <td data-label={t('logOutcome')} class="outcome">
                      {entry.provider
                        ? t(
                            'logOutcomeBy',
                            requestOutcomeWords(requestOutcome(entry)),
                            providerName(entry.provider),
                            entry.servedModel ?? '',
                          )
                        : requestOutcomeWords(requestOutcome(entry))}
                    </td>
                    <td data-label={t('logAttempts')} class="attempts">
                      {entry.attempts.length === 0 ? '—' : attemptsInWords(entry.attempts, providerName)}
                    </td>
                    <td data-label={t('logStatus')}>
                      <span class={`status ${entry.status < 400 ? 'ok' : 'bad'}`}>{entry.status}</span>
                    </td>
                    <td data-label={t('logLatency')}>{t('milliseconds', String(entry.latencyMs))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav class="log-pager" aria-label={t('logPages')}>
              <button
                type="button"
                class="ghost"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('logNewer')}
              </button>
              <span data-testid="log-range" aria-live="polite">
                {t(
                  'logRange',
                  String(offset + 1),
                  String(offset + page.entries.length),
                  total.toLocaleString(),
                )}
              </span>
              <button
                type="button"
                class="ghost"
                disabled={offset + PAGE_SIZE >= total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('logOlder')}
              </button>
            </nav>
          </>
        )
      )}
    </section>
  );
}
