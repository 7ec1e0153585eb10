/**
 * @module The usage history as chart series and table rows: one series per provider or per key
 * over every hour (or day) of the window, zeros where nothing was sent, and success rate and mean
 * latency over the same axis. Pure, so the chart, its table and its summary read the same figures.
 */
import { t } from '../../../shared/i18n/t';
import type { HistorySpan, UsageHistoryReport, UsageHistoryRow } from '../../../shared/usage/usage-history';

export type GroupBy = 'provider' | 'key';
export type Measure = 'requests' | 'tokens';

export interface Series {
  label: string;
  values: (number | null)[];
  total: number;
}

export interface ChartData {
  /** Bucket starts (ms), oldest first. */
  times: number[];
  series: Series[];
}

export function rowsOf(report: UsageHistoryReport, span: HistorySpan) {
  return {
    rows: span === 'hour' ? report.hours : report.days,
    times: span === 'hour' ? report.hourStarts : report.dayStarts,
  };
}

/** Requests or tokens per provider or key, largest total first. */
export function spendingSeries(
  report: UsageHistoryReport,
  span: HistorySpan,
  groupBy: GroupBy,
  measure: Measure,
  nameOf: (row: UsageHistoryRow) => string,
): ChartData {
  const { rows, times } = rowsOf(report, span);
  const index = new Map(times.map((time, position) => [time, position]));
  const groups = new Map<string, Series>();
  for (const row of rows) {
    const position = index.get(row.start);
    if (position === undefined) continue;
    const id = groupBy === 'provider' ? row.providerId : row.keyId;
    let series = groups.get(id);
    if (!series) {
      series = { label: nameOf(row), values: times.map(() => 0), total: 0 };
      groups.set(id, series);
    }
    series.values[position] = (series.values[position] ?? 0) + row[measure];
    series.total += row[measure];
  }
  return { times, series: [...groups.values()].sort((a, b) => b.total - a.total) };
}

/** Share of attempts answered (%) and mean latency of the answered ones (ms); null where none was sent. */
export function healthSeries(report: UsageHistoryReport, span: HistorySpan): ChartData {
  const { rows, times } = rowsOf(report, span);
  const sums = times.map(() => ({ requests: 0, failed: 0, latencyMsTotal: 0 }));
  const index = new Map(times.map((time, position) => [time, position]));
  for (const row of rows) {
    const sum = sums[index.get(row.start) ?? -1];
    if (!sum) continue;
    sum.requests += row.requests;
    sum.failed += row.failed;
    sum.latencyMsTotal += row.latencyMsTotal;
  }
  const answered = (sum: (typeof sums)[number]) => sum.requests - sum.failed;
  const all = sums.reduce((total, sum) => total + sum.requests, 0);
  const ok = sums.reduce((total, sum) => total + answered(sum), 0);
  return {
    times,
    series: [
      {
        label: t('usageHistorySuccessRate'),
        values: sums.map((sum) =>
          sum.requests > 0 ? Math.round((answered(sum) / sum.requests) * 100) : null,
        ),
        total: all > 0 ? Math.round((ok / all) * 100) : 0,
      },
      {
        label: t('usageHistoryMeanLatency'),
        values: sums.map((sum) =>
          answered(sum) > 0 ? Math.round(sum.latencyMsTotal / answered(sum)) : null,
        ),
        total: ok > 0 ? Math.round(sums.reduce((total, sum) => total + sum.latencyMsTotal, 0) / ok) : 0,
      },
    ],
  };
}

/** The table's rows: only the hours or days in which something was sent. */
export function tableRows(data: ChartData): { time: number; values: (number | null)[] }[] {
  return data.times
    .map((time, position) => ({ time, values: data.series.map((series) => series.values[position] ?? null) }))
    .filter((row) => row.values.some((value) => value !== null && value !== 0));
}

export const dayOf = (date: Date) => date.toLocaleDateString([], { month: 'short', day: 'numeric' });
export const hourOf = (date: Date) =>
  date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });

/** An hour or a day of the history as the page says it ("Dec 3 14:00", "Dec 3"), in the user's language. */
export function bucketTime(at: number, span: HistorySpan): string {
  const date = new Date(at);
  return span === 'day' ? dayOf(date) : `${dayOf(date)} ${hourOf(date)}`;
}
