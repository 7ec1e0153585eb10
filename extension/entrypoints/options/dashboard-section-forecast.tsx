/**
 * @module The dashboard's forecast: how much of today's allowance each provider and the whole
 * pool have left, and when they run out at the recent pace, in one sentence ("At this pace, Groq
 * runs out at 14:20; the pool at 18:05."). The figures are the engine's `quota.get`, the same
 * report a site reads from `GET /quota`; only the words are made here.
 */
import { t, type MessageKey } from '../../../shared/i18n/t';
import type { Forecast, ProviderQuota, QuotaReport, QuotaWindow } from '../../../shared/quota/quota-report';

const time = (seconds: number) =>
  new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
const count = (value: number) => value.toLocaleString();

/** What happens next to one allowance, as the end of a sentence that starts with its name. */
export function outlook(forecast: Forecast, day: QuotaWindow): string {
  switch (forecast.status) {
    case 'runs_out':
      return t('dashboardRunsOutAt', time(forecast.runs_out_at ?? 0));
    case 'exhausted':
      return day.resets_at === null
        ? t('dashboardHasRunOut')
        : t('dashboardHasRunOutUntil', time(day.resets_at));
    case 'lasts_until_reset':
      return day.resets_at === null
        ? t('dashboardLastsUntilReset')
        : t('dashboardLastsUntilResetAt', time(day.resets_at));
    case 'no_daily_limit':
      return t('dashboardNoDailyLimit');
    case 'idle':
      return t('dashboardIdle');
  }
}

export function forecastSentence(report: QuotaReport, nameOf: (provider: ProviderQuota) => string): string {
  const minutes = Math.round(report.pace_window_seconds / 60);
  if (report.pool.forecast.status === 'idle') return t('dashboardForecastIdle', String(minutes));
  const providers = report.providers
    .filter((provider) => ['runs_out', 'exhausted'].includes(provider.forecast.status))
    .sort((a, b) => (a.forecast.runs_out_at ?? 0) - (b.forecast.runs_out_at ?? 0))
    .map((provider) =>
      t('dashboardForecastProvider', nameOf(provider), outlook(provider.forecast, provider.requests.day)),
    );
  const poolPart =
    providers.length > 0 && report.pool.forecast.status === 'runs_out'
      ? t('dashboardForecastPoolAt', time(report.pool.forecast.runs_out_at ?? 0))
      : t('dashboardForecastPool', outlook(report.pool.forecast, report.pool.requests.day));
  return t('dashboardForecastSentence', String(minutes), [...providers, poolPart].join('; '));
}

/** The words for each unit: spent with no known limit (one, many), and left of a known limit. */
const LEFT: Record<'requests' | 'tokens', [MessageKey, MessageKey, MessageKey]> = {
  requests: ['dashboardRequestsNoLimitOne', 'dashboardRequestsNoLimitMany', 'dashboardRequestsLeft'],
  tokens: ['dashboardTokensNoLimitOne', 'dashboardTokensNoLimitMany', 'dashboardTokensLeft'],
};

export function left(window: QuotaWindow, unit: keyof typeof LEFT): string {
  const [one, many, remaining] = LEFT[unit];
  if (window.limit === null) return t(window.used === 1 ? one : many, count(window.used));
  return t(remaining, count(window.remaining ?? 0), count(window.limit));
}

const perMinute = (rate: number) =>
  t(rate === 1 ? 'dashboardRequestsPerMinuteOne' : 'dashboardRequestsPerMinuteMany', rate.toLocaleString());

export function ForecastPanel({
  report,
  nameOf,
}: {
  report: QuotaReport;
  nameOf: (provider: ProviderQuota) => string;
}) {
  if (report.providers.length === 0) return null;
  return (
    <div class="forecast-panel" data-testid="quota-forecast">
      <h3>{t('dashboardForecastTitle')}</h3>
      <p class="forecast-sentence" data-testid="forecast-sentence">
        {forecastSentence(report, nameOf)}
      </p>
      <ul class="forecast-list">
        {report.providers.map((provider) => (
          <li key={provider.id} data-testid="forecast-provider" aria-label={nameOf(provider)}>
            <strong>{nameOf(provider)}</strong>
            <span>{left(provider.requests.day, 'requests')}</span>
            {provider.tokens.day.limit !== null && <span>{left(provider.tokens.day, 'tokens')}</span>}
            <span class="forecast-outlook">
              {outlook(provider.forecast, provider.requests.day)}
              {provider.forecast.requests_per_minute > 0 &&
                ` · ${perMinute(provider.forecast.requests_per_minute)}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
