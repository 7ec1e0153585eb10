/** The history's hours and days: where an attempt lands at a boundary, what is kept, what a restart reads. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createUsageHistory, type UsageHistoryRow } from './usage-history';
import { createUsageLedger } from './usage-ledger';
import { createTableLimitSource } from './usage-limits';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const groqKey = { providerId: 'groq', keyId: 'k1' };
const ok = { ok: true, latencyMs: 200 };

function historyAt(iso: string, timeZone?: string) {
  const clock = { now: Date.parse(iso) };
  const db = openDatabase(`history-test-${crypto.randomUUID()}`);
  const history = createUsageHistory({ now: () => clock.now, timeZone, db });
  return { clock, db, history };
}

const starts = (rows: UsageHistoryRow[]) => rows.map((row) => new Date(row.start).toISOString());

describe('usage history', () => {
  it('puts attempts a millisecond either side of an hour and of midnight in their own hours and days', () => {
    const { history } = historyAt('2026-11-26T00:30:00Z');
    history.countAttempt(groqKey, Date.parse('2026-11-25T22:59:59.999Z'), ok);
    history.countAttempt(groqKey, Date.parse('2026-11-25T23:00:00Z'), ok);
    history.countAttempt(groqKey, Date.parse('2026-11-25T23:59:59.999Z'), { ok: false, latencyMs: 50 });
    history.countAttempt(groqKey, Date.parse('2026-11-26T00:00:00Z'), { ok: true, latencyMs: 400 });
    const { hours, days } = history.read();
    expect(starts(hours)).toEqual([
      '2026-11-25T22:00:00.000Z',
      '2026-11-25T23:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
    ]);
    expect(hours.map((row) => [row.requests, row.failed, row.latencyMsTotal])).toEqual([
      [1, 0, 200],
      [2, 1, 200],
      [1, 0, 400],
    ]);
    expect(starts(days)).toEqual(['2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z']);
    expect(days.map((row) => row.requests)).toEqual([3, 1]);
    // The charts' axes: every hour of the week and every day of the month, this one last.
    const { hourStarts, dayStarts } = history.read();
    expect(hourStarts).toHaveLength(168);
    expect(new Date(hourStarts.at(-1)!).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(dayStarts).toHaveLength(30);
    expect(new Date(dayStarts[0]!).toISOString()).toBe('2026-10-28T00:00:00.000Z');
  });

  it('uses the user’s hours and midnight, half-hour zones included', () => {
    const { history } = historyAt('2026-11-25T20:00:00Z', 'Asia/Kolkata');
    // 18:29 and 18:30 UTC are 23:59 and 00:00 in India (UTC+5:30).
    history.countAttempt(groqKey, Date.parse('2026-11-25T18:29:00Z'), ok);
    history.countAttempt(groqKey, Date.parse('2026-11-25T18:30:00Z'), ok);
    const { hours, days, timeZone } = history.read();
    expect(timeZone).toBe('Asia/Kolkata');
    expect(starts(hours)).toEqual(['2026-11-25T17:30:00.000Z', '2026-11-25T18:30:00.000Z']);
    expect(starts(days)).toEqual(['2026-11-24T18:30:00.000Z', '2026-11-25T18:30:00.000Z']);
  });

  it('keeps hours for 7 days and days for 30, in memory and on disk', async () => {
    const { clock, db, history } = historyAt('2026-11-01T12:00:00Z');
    const first = clock.now;
    history.countAttempt(groqKey, first, ok);
    clock.now = first + 7 * DAY - HOUR;
    history.countAttempt(groqKey, clock.now, ok);
    expect(history.read().hours).toHaveLength(2);
    // Seven days after it, the first hour falls out; its day stays.
    clock.now = first + 7 * DAY;
    expect(starts(history.read().hours)).toEqual(['2026-11-08T11:00:00.000Z']);
    expect(history.read().days).toHaveLength(2);
    await history.flush();
    expect(await db.usageHistory.count()).toBe(3);
    // The 1st is the 30th day back on the 30th, and gone on the 1st of the next month.
    clock.now = Date.parse('2026-11-30T23:00:00Z');
    expect(starts(history.read().days)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-08T00:00:00.000Z']);
    clock.now = Date.parse('2026-12-01T00:00:00Z');
    expect(starts(history.read().days)).toEqual(['2026-11-08T00:00:00.000Z']);
    await history.flush();
    expect((await db.usageHistory.toArray()).map((row) => row.id)).toEqual([
      `day:${Date.parse('2026-11-08T00:00:00Z')}:groq:k1`,
    ]);
  });

  it('is read back by an engine started again on the same database', async () => {
    const { clock, db, history } = historyAt('2026-11-25T12:00:00Z');
    history.countAttempt(groqKey, clock.now, ok);
    history.countTokens(groqKey, clock.now, 120);
    await history.flush();
    const again = createUsageHistory({ now: () => clock.now, db });
    await again.load();
    expect(again.read().hours).toEqual([expect.objectContaining({ requests: 1, tokens: 120, keyId: 'k1' })]);
  });

  it('counts tokens, as the ledger settles them, in the hour the request started', () => {
    const { clock, history } = historyAt('2026-11-25T12:59:00Z');
    const ledger = createUsageLedger({ now: () => clock.now, limits: createTableLimitSource({}), history });
    const target = { ...groqKey, model: 'llama' };
    const reservation = ledger.reserve(target, 500);
    clock.now += 2 * 60_000; // the stream ends in the next hour
    ledger.record(target, { ok: true, latencyMs: 2 * 60_000 });
    ledger.settle(reservation, 80);
    const refused = ledger.reserve(target, 500);
    ledger.release(refused);
    const { hours } = history.read();
    expect(starts(hours)).toEqual(['2026-11-25T12:00:00.000Z', '2026-11-25T13:00:00.000Z']);
    expect(hours.map((row) => [row.requests, row.tokens])).toEqual([
      [1, 80],
      [0, 0],
    ]);
  });
});
