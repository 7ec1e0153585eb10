/** The report's sums and forecasts from plain allowances: what a shared allowance and the pool add up to. */
import { describe, expect, it } from 'vitest';
import type { Allowance } from '../usage/usage-ledger';
import { buildQuotaReport, type QuotaInputs } from './build-quota-report';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const MIDNIGHT = Date.parse('2026-11-26T00:00:00Z');
const MINUTE = 60_000;

function allowance(id: string, rpd: number | undefined, usedToday: number, tpd?: number): Allowance {
  return {
    id,
    limits: { rpd, tpd },
    minute: { requests: 0, tokens: 0, freesAt: null },
    day: { requests: usedToday, tokens: usedToday * 100, resetsAt: MIDNIGHT },
  };
}

function inputs(change: Partial<QuotaInputs>): QuotaInputs {
  return { now: NOW, paceWindowMs: 15 * MINUTE, providers: [], attempts: [], site: null, ...change };
}

const attempts = (provider: string, model: string, count: number) =>
  Array.from({ length: count }, () => ({ provider, model }));

describe('buildQuotaReport', () => {
  it('counts an allowance shared by two models (a key-wide limit) once in the provider and the pool', () => {
    const shared = allowance('key:mistral:k1', 100, 10);
    const report = buildQuotaReport(
      inputs({
        providers: [
          {
            id: 'mistral',
            name: 'Mistral',
            keys: 1,
            models: [
              { id: 'small', allowances: [shared] },
              { id: 'large', allowances: [shared] },
            ],
          },
        ],
      }),
    );
    expect(report.providers[0]?.models[1]?.requests.day).toMatchObject({ limit: 100, remaining: 90 });
    expect(report.providers[0]?.requests.day).toMatchObject({ limit: 100, used: 10, remaining: 90 });
    expect(report.pool.requests.day).toMatchObject({ limit: 100, remaining: 90 });
  });

  it('runs the pool out on the models in use and every default, not on idle non-default models', () => {
    const report = buildQuotaReport(
      inputs({
        providers: [
          {
            id: 'groq',
            name: 'Groq',
            keys: 1,
            models: [
              { id: 'default', allowances: [allowance('model:groq:k:default', 40, 10)] },
              { id: 'other', allowances: [allowance('model:groq:k:other', 1000, 0)] },
            ],
          },
          {
            id: 'mistral',
            name: 'Mistral',
            keys: 1,
            models: [{ id: 'default', allowances: [allowance('key:mistral:k2', 30, 0)] }],
          },
        ],
        attempts: attempts('groq', 'default', 15),
      }),
    );
    // Groq: 30 left at 1 a minute; the pool: those and Mistral's 30, not Groq's idle 1,000.
    expect(report.providers[0]?.forecast).toMatchObject({
      status: 'runs_out',
      runs_out_at: (NOW + 30 * MINUTE) / 1000,
      requests_per_minute: 1,
    });
    expect(report.pool.forecast).toMatchObject({
      status: 'runs_out',
      runs_out_at: (NOW + 60 * MINUTE) / 1000,
    });
    expect(report.providers[1]?.forecast.status).toBe('idle');
    expect(report.pool.requests.day.remaining).toBe(1060);
  });

  it('lets the nearer of requests and tokens decide, and says so when nothing is left or no limit is known', () => {
    const report = buildQuotaReport(
      inputs({
        providers: [
          {
            id: 'gemini',
            name: 'Gemini',
            keys: 1,
            models: [
              // 90 requests left, but only 2,000 tokens at 100 a request: 20 requests' worth.
              { id: 'flash', allowances: [allowance('a', 100, 10, 3000)] },
              { id: 'spent', allowances: [allowance('b', 5, 5)] },
              { id: 'open', allowances: [allowance('c', undefined, 3)] },
            ],
          },
        ],
        attempts: [...attempts('gemini', 'flash', 15), ...attempts('gemini', 'open', 15)],
      }),
    );
    const [flash, spent, open] = report.providers[0]?.models ?? [];
    expect(flash?.forecast).toMatchObject({ status: 'runs_out', runs_out_at: (NOW + 20 * MINUTE) / 1000 });
    expect(spent?.forecast).toMatchObject({ status: 'exhausted', runs_out_at: NOW / 1000 });
    expect(open?.forecast).toMatchObject({ status: 'no_daily_limit', runs_out_at: null });
    expect(open?.requests.day).toMatchObject({ limit: null, used: 3, remaining: null });
    // A provider with one model of unknown daily limit in use cannot be predicted to run out.
    expect(report.providers[0]?.forecast.status).toBe('no_daily_limit');
  });
});
