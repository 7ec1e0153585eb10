/**
 * @module The dashboard's forecast: how much of today's allowance each provider and the whole
 * pool have left, and when they run out at the recent pace, in one sentence ("At this pace, Groq
 * runs out at 14:20; the pool at 18:05."). The figures are the engine's `quota.get`, the same
 * report a site reads from `GET /quota`; only the words are made here.
 */
import type { Forecast, ProviderQuota, QuotaReport, QuotaWindow } from '../../../shared/quota/quota-report';

const time = (seconds: number) =>
  new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
const count = (value: number) => value.toLocaleString();

/** What happens next to one allowance, as the end of a sentence that starts with its name. */
export function outlook(forecast: Forecast, day: QuotaWindow): string {
  const reset = day.resets_at === null ? '' : ` until ${time(day.resets_at)}`;
  switch (forecast.status) {
    case 'runs_out':
      return `runs out at ${time(forecast.runs_out_at ?? 0)}`;
    case 'exhausted':
      return `has run out${reset}`;
    case 'lasts_until_reset':
      return `lasts until its daily reset${day.resets_at === null ? '' : ` at ${time(day.resets_at)}`}`;
    case 'no_daily_limit':
      return 'has no known daily limit';
    case 'idle':
      return 'is idle';
  }
}

export function forecastSentence(report: QuotaReport, nameOf: (provider: ProviderQuota) => string): string {
  const minutes = Math.round(report.pace_window_seconds / 60);
  if (report.pool.forecast.status === 'idle')
    return `Nothing was sent in the last ${minutes} minutes: no pace to predict from.`;
  const providers = report.providers
    .filter((provider) => ['runs_out', 'exhausted'].includes(provider.forecast.status))
    .sort((a, b) => (a.forecast.runs_out_at ?? 0) - (b.forecast.runs_out_at ?? 0))
    .map((provider) => `${nameOf(provider)} ${outlook(provider.forecast, provider.requests.day)}`);
  const pool = outlook(report.pool.forecast, report.pool.requests.day);
  const poolPart =
    providers.length > 0 && report.pool.forecast.status === 'runs_out'
      ? `the pool at ${time(report.pool.forecast.runs_out_at ?? 0)}`
      : `the pool ${pool}`;
  return `At this pace (the last ${minutes} minutes), ${[...providers, poolPart].join('; ')}.`;
}

/** `unit` in the plural ("requests"); one is said in the singular. */
export function left(window: QuotaWindow, unit: string): string {
  if (window.limit === null)
    return `${count(window.used)} ${window.used === 1 ? unit.replace(/s$/, '') : unit} today, no known limit`;
  return `${count(window.remaining ?? 0)} of ${count(window.limit)} ${unit} left today`;
}

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
      <h3>Today’s headroom</h3>
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
                ` · ${provider.forecast.requests_per_minute.toLocaleString()} requests a minute`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
