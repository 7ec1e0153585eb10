/**
 * @module The dashboard's history: requests or tokens per provider or per key, by hour for the
 * last 7 days or by day for the last 30, success rate and latency over the same time, and when
 * each key's day runs out at its own pace. Each chart has a summary in words and a table to show
 * instead; the charting library loads when the panel first comes into view.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../shared/i18n/t';
import type { HistorySpan, UsageHistoryRow } from '../../../shared/usage/usage-history';
import type { ResultOf } from '../../lib/ui-client';
import { left, outlook } from './dashboard-section-forecast';
import {
  bucketTime,
  healthSeries,
  spendingSeries,
  tableRows,
  type ChartData,
  type GroupBy,
  type Measure,
} from './usage-history-series';
import './usage-history-panel.css';

type Report = ResultOf<'usage.history'>;
type ChartModule = typeof import('./usage-chart');

interface Props {
  report: Report;
  keyLabel: (keyId: string) => string;
  providerName: (id: string) => string;
}

const SPANS: Record<HistorySpan, MessageKey> = {
  hour: 'usageHistoryByHour',
  day: 'usageHistoryByDay',
};
const WINDOWS: Record<HistorySpan, MessageKey> = {
  hour: 'usageHistoryLastWeek',
  day: 'usageHistoryLastMonth',
};
/** What the spending chart counts, per what; and what its summary says when there is nothing. */
const SPENDING: Record<Measure, Record<GroupBy, MessageKey> & { none: MessageKey }> = {
  requests: {
    provider: 'usageHistoryRequestsByProvider',
    key: 'usageHistoryRequestsByKey',
    none: 'usageHistoryNoRequests',
  },
  tokens: {
    provider: 'usageHistoryTokensByProvider',
    key: 'usageHistoryTokensByKey',
    none: 'usageHistoryNoTokens',
  },
};
const count = (value: number) => value.toLocaleString();

export function UsageHistoryPanel({ report, keyLabel, providerName }: Props) {
  const [span, setSpan] = useState<HistorySpan>('hour');
  const [groupBy, setGroupBy] = useState<GroupBy>('provider');
  const [measure, setMeasure] = useState<Measure>('requests');
  const [asTable, setAsTable] = useState(false);
  const [charts, setCharts] = useState<ChartModule | undefined>();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!panel.current) return;
    const observer = new IntersectionObserver((seen) => {
      if (!seen.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void import('./usage-chart').then(setCharts);
    });
    observer.observe(panel.current);
    return () => observer.disconnect();
  }, []);

  const nameOf = (row: UsageHistoryRow) =>
    groupBy === 'provider'
      ? providerName(row.providerId)
      : t('usageHistoryKeyOf', keyLabel(row.keyId), providerName(row.providerId));
  // Kept between renders: a chart is drawn again only when its figures change.
  const spending = useMemo(
    () => spendingSeries(report, span, groupBy, measure, nameOf),
    [report, span, groupBy, measure],
  );
  const health = useMemo(() => healthSeries(report, span), [report, span]);
  const window = t(WINDOWS[span]);
  const totals = spending.series.map((series) =>
    t('usageHistorySeriesTotal', series.label, count(series.total)),
  );
  const spendingSummary =
    spending.series.length === 0
      ? t(SPENDING[measure].none, window)
      : t('usageHistorySpendingSummary', t(SPENDING[measure][groupBy]), window, totals.join(', '));
  const [rate, latency] = health.series;
  const healthSummary =
    spending.series.length === 0
      ? t('usageHistoryNothingSent', window)
      : t('usageHistoryHealthSummary', window, String(rate?.total ?? 0), count(latency?.total ?? 0));

  return (
    <div class="history-panel" data-testid="usage-history" ref={panel}>
      <div class="history-head">
        <h3>{t('usageHistoryTitle')}</h3>
        <button type="button" class="ghost" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {t(asTable ? 'usageHistoryShowCharts' : 'usageHistoryShowTables')}
        </button>
      </div>
      <div class="history-controls">
        <Choice name="span" label={t('usageHistoryPeriod')} value={span} options={SPANS} onChange={setSpan} />
        <Choice
          name="group"
          label={t('usageHistoryPer')}
          value={groupBy}
          options={{ provider: 'usageHistoryProvider', key: 'usageHistoryKey' }}
          onChange={setGroupBy}
        />
        <Choice
          name="measure"
          label={t('usageHistoryCount')}
          value={measure}
          options={{ requests: 'usageHistoryRequests', tokens: 'usageHistoryTokens' }}
          onChange={setMeasure}
        />
      </div>
      <HistoryFigure
        id="spending"
        summary={spendingSummary}
        data={spending}
        span={span}
        asTable={asTable}
        charts={charts}
        look={{ firstScale: measure }}
        unit={(value) => count(value)}
      />
      <HistoryFigure
        id="health"
        summary={healthSummary}
        data={health}
        span={span}
        asTable={asTable}
        charts={charts}
        look={{ firstScale: '%', secondScale: 'ms' }}
        unit={(value) => count(value)}
      />
      {report.keys.length > 0 && (
        <div class="key-outlook">
          <h4>{t('usageHistoryKeyOutlook')}</h4>
          <ul data-testid="key-forecast">
            {report.keys.map((key) => (
              <li key={key.keyId} data-testid="key-forecast-row">
                <strong>{keyLabel(key.keyId)}</strong>{' '}
                <span class="muted">({providerName(key.providerId)})</span>{' '}
                {key.forecast.status === 'no_daily_limit' ? (
                  <span>
                    {t(
                      key.requests.used === 1
                        ? 'usageHistoryNoDailyLimitOne'
                        : 'usageHistoryNoDailyLimitMany',
                      count(key.requests.used),
                    )}
                  </span>
                ) : (
                  <span>
                    {left(key.requests, 'requests')} · {outlook(key.forecast, key.requests)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Choice<Value extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: Value;
  options: Record<Value, MessageKey>;
  onChange: (value: Value) => void;
}) {
  return (
    <fieldset class="history-choice">
      <legend>{label}</legend>
      {(Object.keys(options) as Value[]).map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={`history-${name}`}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {t(options[option])}
        </label>
      ))}
    </fieldset>
  );
}

interface FigureProps {
  id: string;
  summary: string;
  data: ChartData;
  span: HistorySpan;
  asTable: boolean;
  charts: ChartModule | undefined;
  look: { firstScale: string; secondScale?: string };
  unit: (value: number) => string;
}

function HistoryFigure({ id, summary, data, span, asTable, charts, look, unit }: FigureProps) {
  const captionId = `history-${id}-summary`;
  return (
    <figure class="history-figure" data-testid="history-figure" data-chart={id} aria-labelledby={captionId}>
      <figcaption id={captionId}>{summary}</figcaption>
      {asTable ? (
        <HistoryTable data={data} span={span} unit={unit} caption={summary} />
      ) : (
        <Chart data={data} span={span} charts={charts} look={look} label={summary} />
      )}
    </figure>
  );
}

function HistoryTable({
  data,
  span,
  unit,
  caption,
}: {
  data: ChartData;
  span: HistorySpan;
  unit: (value: number) => string;
  caption: string;
}) {
  const rows = tableRows(data);
  if (rows.length === 0) return <p class="empty">{caption}</p>;
  return (
    <div class="history-table-wrap">
      <table class="history-table">
        <thead>
          <tr>
            <th scope="col">{t(span === 'hour' ? 'usageHistoryHour' : 'usageHistoryDay')}</th>
            {data.series.map((series) => (
              <th key={series.label} scope="col">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.time}>
              <th scope="row">{bucketTime(row.time, span)}</th>
              {row.values.map((value, index) => (
                <td key={index}>{value === null ? '—' : unit(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const darkScheme = () => matchMedia('(prefers-color-scheme: dark)');

/** The canvas is a picture of the summary above it, for a screen reader the table tells the rest. */
function Chart({
  data,
  span,
  charts,
  look,
  label,
}: {
  data: ChartData;
  span: HistorySpan;
  charts: ChartModule | undefined;
  look: FigureProps['look'];
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [dark, setDark] = useState(() => darkScheme().matches);
  useEffect(() => {
    const scheme = darkScheme();
    const changed = () => setDark(scheme.matches);
    scheme.addEventListener('change', changed);
    return () => scheme.removeEventListener('change', changed);
  }, []);
  useEffect(() => {
    const target = box.current;
    if (!charts || !target) return;
    const drawn = charts.drawChart(target, data, { ...look, span, width: target.clientWidth });
    const resized = new ResizeObserver(() => drawn.resize(target.clientWidth));
    resized.observe(target);
    return () => {
      resized.disconnect();
      drawn.destroy();
    };
  }, [charts, data, span, look.firstScale, look.secondScale, dark]);
  return <div class="history-chart" ref={box} role="img" aria-label={label} data-testid="history-chart" />;
}
