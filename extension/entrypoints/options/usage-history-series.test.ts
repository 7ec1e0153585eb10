/** The history's chart series: one per provider or key over the whole window, zeros where idle. */
import { describe, expect, it } from 'vitest';
import type { UsageHistoryReport, UsageHistoryRow } from '../../../shared/usage/usage-history';
import { healthSeries, spendingSeries, tableRows } from './usage-history-series';

const HOUR = 3_600_000;
const row = (
  start: number,
  providerId: string,
  keyId: string,
  requests: number,
  failed = 0,
): UsageHistoryRow => ({
  id: `hour:${start}:${providerId}:${keyId}`,
  span: 'hour',
  start,
  providerId,
  keyId,
  requests,
  failed,
  tokens: requests * 10,
  latencyMsTotal: (requests - failed) * 100,
});
const report: UsageHistoryReport = {
  timeZone: 'UTC',
  hourStarts: [0, HOUR, 2 * HOUR],
  dayStarts: [0],
  hours: [row(0, 'groq', 'k1', 2, 1), row(0, 'groq', 'k2', 1), row(2 * HOUR, 'gemini', 'k3', 4)],
  days: [],
};

describe('usage history series', () => {
  it('adds up keys per provider, or keeps them apart per key, largest first', () => {
    const byProvider = spendingSeries(report, 'hour', 'provider', 'requests', (item) => item.providerId);
    expect(byProvider.series).toEqual([
      { label: 'gemini', values: [0, 0, 4], total: 4 },
      { label: 'groq', values: [3, 0, 0], total: 3 },
    ]);
    const byKey = spendingSeries(report, 'hour', 'key', 'tokens', (item) => item.keyId);
    expect(byKey.series.map((series) => [series.label, series.total])).toEqual([
      ['k3', 40],
      ['k1', 20],
      ['k2', 10],
    ]);
  });

  it('gives success rate and mean latency per hour, nothing for an idle hour, and a table of the busy ones', () => {
    const health = healthSeries(report, 'hour');
    expect(health.series.map((series) => series.values)).toEqual([
      [67, null, 100],
      [100, null, 100],
    ]);
    expect(health.series.map((series) => series.total)).toEqual([86, 100]);
    expect(tableRows(health).map((item) => item.time)).toEqual([0, 2 * HOUR]);
  });
});
