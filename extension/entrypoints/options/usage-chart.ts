/**
 * @module Draws one usage chart with uPlot. The options page imports this module only once the
 * usage history is on screen, so the page's first load does not carry the library. Colours come
 * from the theme's variables when drawn; the caller draws again when the theme changes.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../../shared/i18n/t';
import type { HistorySpan } from '../../../shared/usage/usage-history';
import { bucketTime, dayOf, hourOf, type ChartData } from './usage-history-series';

/** Distinct on both the light and the dark card. */
const PALETTE = ['#4f7be8', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#1098ad', '#e03131', '#74b816'];

export interface ChartLook {
  width: number;
  span: HistorySpan;
  /** The second series on its own scale, on the right (latency beside success rate). */
  secondScale?: string;
  firstScale: string;
}

/** The top of a scale: 100 for a share, otherwise a little above the highest value (at least 1). */
const upTo = (max: number | null, scale: string) =>
  scale === '%' ? 100 : Math.max(1, Math.ceil((max ?? 0) * 1.15));

/** Positions of the values that are neither missing nor zero. */
const busy = (values: (number | null)[]) =>
  values.flatMap((value, index) => (value !== null && value !== 0 ? [index] : []));

const DAY_SECONDS = 86_400;

/**
 * The time axis's labels: uPlot's own are English (month names, am/pm), so they are made here as
 * the rest of the page says times, the day under the first hour of each day.
 */
function timeTicks(_chart: uPlot, splits: number[], _axis: number, _space: number, increment: number) {
  let previousDay = '';
  return splits.map((seconds) => {
    const date = new Date(seconds * 1000);
    const day = dayOf(date);
    if (increment >= DAY_SECONDS) return day;
    const label = day === previousDay ? hourOf(date) : `${hourOf(date)}\n${day}`;
    previousDay = day;
    return label;
  });
}

export interface DrawnChart {
  resize(width: number): void;
  destroy(): void;
}

export function drawChart(target: HTMLElement, data: ChartData, look: ChartLook): DrawnChart {
  const style = getComputedStyle(target);
  const ink = style.getPropertyValue('--muted').trim() || '#5d6673';
  const line = style.getPropertyValue('--line').trim() || '#e3e6ea';
  const axis = (scale: string, side: 1 | 3): uPlot.Axis => ({
    scale,
    side,
    stroke: ink,
    grid: { stroke: line, width: 1 },
    ticks: { stroke: line, width: 1 },
    size: 48,
  });
  const chart = new uPlot(
    {
      width: look.width,
      height: 200,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        // Counts, shares and times start at zero, with room above the highest point.
        [look.firstScale]: { range: (_chart, _min, max) => [0, upTo(max, look.firstScale)] },
        ...(look.secondScale && {
          [look.secondScale]: { range: (_chart, _min, max) => [0, upTo(max, look.secondScale!)] },
        }),
      },
      series: [
        {
          label: t('usageHistoryTime'),
          value: (_chart, seconds, _series, index) =>
            index === null || seconds === null ? '--' : bucketTime(seconds * 1000, look.span),
        },
        ...data.series.map((series, index) => ({
          label: series.label,
          stroke: PALETTE[index % PALETTE.length],
          width: 2,
          spanGaps: false,
          scale: index === 1 && look.secondScale ? look.secondScale : look.firstScale,
          // A dot on each busy hour (or day) while they are few, so one busy hour among idle ones shows.
          points: {
            show: busy(series.values).length < 40,
            size: 5,
            filter: () => busy(series.values),
          },
        })),
      ],
      axes: [
        {
          stroke: ink,
          grid: { stroke: line, width: 1 },
          ticks: { stroke: line, width: 1 },
          values: timeTicks,
        },
        axis(look.firstScale, 3),
        ...(look.secondScale ? [{ ...axis(look.secondScale, 1), grid: { show: false } }] : []),
      ],
    },
    [data.times.map((time) => time / 1000), ...data.series.map((series) => series.values)],
    target,
  );
  return {
    resize: (width) => chart.setSize({ width, height: 200 }),
    destroy: () => chart.destroy(),
  };
}
