/**
 * The quota report as a caller reads it from a running engine: the catalog's limits, limits learned
 * from a provider's headers, the user's own, usage so far, and when the pool runs out at the
 * recent pace, on a fake clock.
 */
import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { ask } from '../testing/chat-builders';
import { createTestEngine } from '../testing/test-engine';
import { quotaReportSchema, type QuotaReport } from './quota-report';

const MINUTE = 60_000;
const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'openai/gpt-oss-120b',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 40, completion_tokens: 10, total_tokens: 50 },
};
const extension = { kind: 'extension' } as const;
const page = { kind: 'page', origin: 'https://app.example' } as const;
const seconds = (iso: string) => Date.parse(iso) / 1000;

async function groqEngine(headers: Record<string, string> = {}) {
  const fetch = createFakeFetch(() => jsonResponse(completion, 200, headers));
  const test = createTestEngine(fetch);
  await test.engine.keys.add({ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' });
  return { ...test, fetch };
}

const groqOf = (report: QuotaReport) => report.providers.find((provider) => provider.id === 'groq');
const modelOf = (report: QuotaReport, id: string) => groqOf(report)?.models.find((model) => model.id === id);

describe('engine.quota', () => {
  it('starts from the catalog’s limits, lists only models auto may use, and predicts nothing while idle', async () => {
    const { engine } = await groqEngine();
    const report = quotaReportSchema.parse(await engine.quota(extension));
    expect(groqOf(report)).toMatchObject({ name: 'Groq', keys: 1 });
    expect(groqOf(report)?.models.map((model) => model.id)).toEqual([
      'openai/gpt-oss-120b',
      'openai/gpt-oss-20b',
      'qwen/qwen3.8-27b',
    ]);
    expect(modelOf(report, 'openai/gpt-oss-120b')).toMatchObject({
      requests: {
        minute: { limit: 30, used: 0, remaining: 30, resets_at: null },
        day: { limit: 1000, used: 0, remaining: 1000, resets_at: seconds('2026-11-26T00:00:00Z') },
      },
      tokens: { minute: { limit: 8000, remaining: 8000 }, day: { limit: 200_000 } },
      forecast: { status: 'idle', runs_out_at: null, requests_per_minute: 0 },
    });
    expect(report.pool.requests.day).toMatchObject({ limit: 3000, remaining: 3000 });
    expect(report.site).toBeNull();
    // Asking made no bookkeeping: the dashboard's health table still has no rows.
    expect((await engine.health()).models).toEqual([]);
  });

  it('counts what was spent, and the minute frees up a minute after the first request', async () => {
    const { engine, clock } = await groqEngine();
    const started = clock.now;
    await engine.chat(ask('one'), extension);
    clock.now += 10_000;
    await engine.chat(ask('two'), extension);
    await engine.settled();
    const report = await engine.quota(extension);
    expect(modelOf(report, 'openai/gpt-oss-120b')).toMatchObject({
      requests: {
        minute: { used: 2, remaining: 28, resets_at: (started + MINUTE) / 1000 },
        day: { used: 2, remaining: 998 },
      },
      tokens: { day: { used: 100, remaining: 199_900 } },
    });
    expect(modelOf(report, 'openai/gpt-oss-20b')?.requests.day.used).toBe(0);
    expect(report.pool.requests.day).toMatchObject({ used: 2, remaining: 2998 });

    clock.now += MINUTE;
    expect(modelOf(await engine.quota(extension), 'openai/gpt-oss-120b')?.requests.minute).toMatchObject({
      used: 0,
      remaining: 30,
    });
  });

  it('uses the limits the provider’s headers told, over the catalog’s', async () => {
    const { engine } = await groqEngine({
      'x-ratelimit-limit-requests': '14400',
      'x-ratelimit-remaining-requests': '14000',
      'x-ratelimit-limit-tokens': '6000',
    });
    await engine.chat(ask('one'), extension);
    await engine.settled();
    expect(modelOf(await engine.quota(extension), 'openai/gpt-oss-120b')).toMatchObject({
      // The provider counted 400 spent today (another app shares the key): that counts too.
      requests: { day: { limit: 14_400, used: 400, remaining: 14_000 } },
      tokens: { minute: { limit: 6000 } },
    });
  });

  it('predicts when a model, its provider and the pool run out at the pace of the last 15 minutes', async () => {
    const { engine, clock } = await groqEngine();
    await engine.limits.save({
      'groq/openai/gpt-oss-120b': { rpd: 10 },
      'groq/openai/gpt-oss-20b': { rpd: 10 },
      'groq/qwen/qwen3.8-27b': { rpd: 10 },
    });
    const now = clock.now; // 12:00 UTC
    await engine.chat(ask('one'), extension);
    await engine.chat(ask('two'), extension);
    await engine.settled();
    const report = await engine.quota(extension);
    // 2 requests in 15 minutes: 8 left at 2/15 a minute last 60 minutes.
    expect(modelOf(report, 'openai/gpt-oss-120b')?.forecast).toEqual({
      status: 'runs_out',
      runs_out_at: (now + 60 * MINUTE) / 1000,
      requests_per_minute: 0.133,
      tokens_per_minute: 6.7,
    });
    // Groq serves on its default model only: the same moment.
    expect(groqOf(report)?.forecast).toMatchObject({
      status: 'runs_out',
      runs_out_at: (now + 60 * MINUTE) / 1000,
    });
    // The pool only counts the models in use and the defaults: the same single model here.
    expect(report.pool.forecast).toMatchObject({
      status: 'runs_out',
      runs_out_at: (now + 60 * MINUTE) / 1000,
    });
    // A quiet quarter of an hour later there is no pace, and no prediction.
    clock.now += 15 * MINUTE + 1;
    expect((await engine.quota(extension)).pool.forecast).toMatchObject({
      status: 'idle',
      runs_out_at: null,
      requests_per_minute: 0,
    });
  });

  it('says the allowance outlasts the day when the pace would empty it after the reset', async () => {
    const { engine, clock } = await groqEngine();
    clock.now = Date.parse('2026-11-25T23:00:00Z');
    await engine.chat(ask('one'), extension);
    await engine.settled();
    expect((await engine.quota(extension)).pool.forecast).toMatchObject({
      status: 'lasts_until_reset',
      runs_out_at: null,
    });
  });

  it('gives an allowed page its own limits beside the pool’s, and refuses a page never allowed', async () => {
    const { engine, clock } = await groqEngine();
    await expect(engine.quota(page)).rejects.toMatchObject({ status: 403, code: 'origin_not_allowed' });
    await engine.origins.allow(page.origin);
    await engine.origins.configure(page.origin, { limits: { requestsPerDay: 5 } });
    await engine.chat(ask('one'), page);
    await engine.settled();
    const report = await engine.quota(page);
    expect(report.site).toEqual({
      origin: page.origin,
      requests: {
        minute: { limit: null, used: 1, remaining: null, resets_at: (clock.now + MINUTE) / 1000 },
        day: { limit: 5, used: 1, remaining: 4, resets_at: seconds('2026-11-26T00:00:00Z') },
      },
    });
    expect(report.pool.requests.day.used).toBe(1);
    // Nothing in the answer names a key.
    const keyId = (await engine.keys.list())[0]?.id ?? 'missing';
    expect(JSON.stringify(report)).not.toContain(keyId);
    expect(JSON.stringify(report)).not.toContain('gsk_');
  });
});
