/**
 * @module When an allowance runs out at the current pace. The estimator is deliberately plain, so
 * a person can check it: the pace is what was sent upstream over the recent window (requests per
 * minute; tokens per minute is that times today's average tokens per request), assumed to go on
 * unchanged; the day's remaining requests and tokens divided by it give the time left, the nearer
 * of the two wins. No pace (nothing sent in the window) means no prediction ("idle"), never
 * "runs out never": a quiet quarter of an hour says nothing about the next one.
 */
import { MINUTE_MS } from '../usage/usage-bucket';
import type { Forecast } from './quota-report';

export interface Pace {
  requestsPerMinute: number;
  tokensPerMinute: number;
}

export interface DayLeft {
  /** Null: no known daily limit. */
  requests: number | null;
  tokens: number | null;
  /** When the daily allowance starts again (ms). */
  resetsAt: number;
}

/** Minutes until `left` is spent at `perMinute`; Infinity when unlimited or not spent at all. */
const minutesFor = (left: number | null, perMinute: number) =>
  left === null || perMinute <= 0 ? Infinity : left / perMinute;

export function forecastRunOut(now: number, left: DayLeft, pace: Pace): Forecast {
  const rates = {
    requests_per_minute: Math.round(pace.requestsPerMinute * 1000) / 1000,
    tokens_per_minute: Math.round(pace.tokensPerMinute * 10) / 10,
  };
  const verdict = (status: Forecast['status'], at: number | null = null): Forecast => ({
    status,
    runs_out_at: at === null ? null : Math.floor(at / 1000),
    ...rates,
  });
  if (left.requests === null && left.tokens === null) return verdict('no_daily_limit');
  if (left.requests === 0 || left.tokens === 0) return verdict('exhausted', now);
  if (pace.requestsPerMinute <= 0) return verdict('idle');
  const minutes = Math.min(
    minutesFor(left.requests, pace.requestsPerMinute),
    minutesFor(left.tokens, pace.tokensPerMinute),
  );
  const at = now + minutes * MINUTE_MS;
  return at < left.resetsAt ? verdict('runs_out', at) : verdict('lasts_until_reset');
}
