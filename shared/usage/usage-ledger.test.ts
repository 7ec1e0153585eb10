import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createTableLimitSource } from './usage-limits';
import { createUsageLedger } from './usage-ledger';

const start = Date.parse('2026-11-25T12:00:00Z');
const groq = { providerId: 'groq', keyId: 'k1', model: 'llama' };

function ledgerAt(limits = createTableLimitSource({ groq: { rpm: 2, tpm: 1_000, scope: 'model' } })) {
  const clock = { now: start };
  return { clock, ledger: createUsageLedger({ now: () => clock.now, limits }) };
}

describe('usage ledger', () => {
  it('calls a target with headroom free even when the clock moves between two readings (a real clock)', () => {
    const clock = { now: start };
    const ledger = createUsageLedger({ now: () => (clock.now += 1), limits: createTableLimitSource({}) });
    const plannedAt = clock.now;
    expect(ledger.freeAt(groq, 10)).toBeLessThanOrEqual(plannedAt);
  });

  it('frees a request slot 60 s after the oldest request in the window', () => {
    const { clock, ledger } = ledgerAt();
    ledger.reserve(groq, 10);
    clock.now += 5_000;
    ledger.reserve(groq, 10);
    expect(ledger.freeAt(groq, 10)).toBe(start + 60_000);
    clock.now = start + 60_000;
    expect(ledger.freeAt(groq, 10)).toBeLessThanOrEqual(clock.now);
  });

  it('reconciles the token estimate with reported usage', () => {
    const { ledger } = ledgerAt();
    const reservation = ledger.reserve(groq, 900);
    expect(ledger.freeAt(groq, 200)).toBe(start + 60_000);
    ledger.settle(reservation, 100);
    expect(ledger.freeAt(groq, 200)).toBeLessThanOrEqual(start);
    expect(ledger.report()[0]).toMatchObject({
      minute: { requests: 1, tokens: 100 },
      day: { requests: 1, tokens: 100 },
    });
  });

  it('lets limits learned from headers beat the catalog and counts what the provider says was spent', () => {
    const { ledger } = ledgerAt();
    ledger.learn(groq, { requests: { minute: { limit: 1, remaining: 0, resetAt: start + 7_000 } } });
    expect(ledger.report()[0]).toMatchObject({ limits: { rpm: 1 }, coolingUntil: start + 7_000 });
    expect(ledger.freeAt(groq, 1)).toBe(start + 60_000);
  });

  it('counts requests the provider saw from elsewhere (remaining below our count)', () => {
    const { ledger } = ledgerAt(createTableLimitSource({}));
    ledger.learn(groq, { requests: { day: { limit: 1_000, remaining: 10 } } });
    expect(ledger.report()[0]?.limits.rpd).toBe(1_000);
    expect(ledger.headroom(groq)).toBeCloseTo(0.01);
  });

  it('shares one allowance between the models of a key when the scope is the key', () => {
    const { ledger } = ledgerAt(createTableLimitSource({ cohere: { rpm: 1, scope: 'key' } }));
    ledger.reserve({ providerId: 'cohere', keyId: 'k', model: 'a' }, 1);
    expect(ledger.freeAt({ providerId: 'cohere', keyId: 'k', model: 'b' }, 1)).toBe(start + 60_000);
    expect(ledger.freeAt({ providerId: 'cohere', keyId: 'other', model: 'b' }, 1)).toBeLessThanOrEqual(start);
  });

  it('shares one allowance between the keys of one account', () => {
    const { ledger } = ledgerAt(
      createTableLimitSource({
        gemini: { rpd: 1, scope: 'account', dailyResetTimeZone: 'America/Los_Angeles' },
      }),
    );
    ledger.reserve({ providerId: 'gemini', keyId: 'a', model: 'flash', accountId: 'project-1' }, 1);
    // The next day starts at midnight Pacific, 08:00 UTC in November.
    expect(
      ledger.freeAt({ providerId: 'gemini', keyId: 'b', model: 'flash', accountId: 'project-1' }, 1),
    ).toBe(Date.parse('2026-11-26T08:00:00Z'));
  });

  it('paces a daily cap across the day when asked', () => {
    const { clock, ledger } = ledgerAt(createTableLimitSource({ groq: { rpd: 100, scope: 'model' } }));
    clock.now = Date.parse('2026-11-25T00:00:00Z');
    for (let index = 0; index < 2; index++) ledger.reserve(groq, 1);
    expect(ledger.freeAt(groq, 1, true)).toBeGreaterThan(clock.now);
    expect(ledger.freeAt(groq, 1, false)).toBeLessThanOrEqual(clock.now);
  });

  it('stores its buckets so a new ledger on the same database starts where it stopped', async () => {
    const db = openDatabase(`ledger-test-${crypto.randomUUID()}`);
    const limits = createTableLimitSource({ groq: { rpm: 1, scope: 'model' } });
    const first = createUsageLedger({ now: () => start, limits, db });
    first.reserve(groq, 5);
    first.coolDown(groq, 'model', start + 30_000, 'server');
    await first.flush();
    const second = createUsageLedger({ now: () => start + 1_000, limits, db });
    await second.load();
    expect(second.freeAt(groq, 1)).toBe(start + 60_000);
    expect(second.report()[0]).toMatchObject({ coolingUntil: start + 30_000, minute: { requests: 1 } });
  });
});
