/**
 * @module What each key sent and how it answered, hour by hour for the last week and day by day
 * for the last month: the dashboard's charts. The usage ledger feeds it where it counts each
 * attempt, so the charts and the rate-limit accounting never disagree. Hours and days are the
 * user's (its time zone), not a provider's. Rows name a key by its id only. Kept in memory and
 * written behind like the ledger; what falls out of its window is dropped, from memory and disk.
 */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';
import { createWriteBehind, type WriteBehind } from '../store/write-behind';
import { dayBounds, zoneOffset } from './daily-reset';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Hourly rows for the last 7 days, this hour included. */
export const HOURS_KEPT = 7 * 24;
/** Daily rows for the last 30 days, today included. */
export const DAYS_KEPT = 30;

export const usageHistoryRowSchema = z.object({
  id: z.string(),
  span: z.enum(['hour', 'day']),
  /** When the hour or day starts (ms). */
  start: z.number(),
  providerId: z.string(),
  keyId: z.string(),
  /** Attempts that reached the provider, answered or refused. */
  requests: z.number(),
  failed: z.number(),
  tokens: z.number(),
  /** Summed over answered attempts: divided by their count, the hour's mean latency. */
  latencyMsTotal: z.number(),
});
export type UsageHistoryRow = z.infer<typeof usageHistoryRowSchema>;
export type HistorySpan = UsageHistoryRow['span'];

export interface UsageHistoryReport {
  timeZone: string;
  /** Every hour and day of the windows, oldest first, whether or not it saw traffic: the charts' axes. */
  hourStarts: number[];
  dayStarts: number[];
  /** Oldest first; only hours and days with traffic have rows. */
  hours: UsageHistoryRow[];
  days: UsageHistoryRow[];
}

interface Counted {
  providerId: string;
  keyId: string;
}

/** The start of the hour `at` falls in, in `timeZone` (half-hour zones included). */
export function hourStart(at: number, timeZone: string): number {
  const shifted = at + zoneOffset(at, timeZone);
  return at - (((shifted % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

export type UsageHistory = ReturnType<typeof createUsageHistory>;

export function createUsageHistory(options: {
  now: () => number;
  timeZone?: string;
  db?: FreeLLMDatabase;
  writeBehind?: WriteBehind;
}) {
  const { now, db } = options;
  const timeZone = options.timeZone ?? 'UTC';
  const writeBehind = options.writeBehind ?? createWriteBehind();
  const rows = new Map<string, UsageHistoryRow>();
  const dirty = new Set<string>();
  const dropped = new Set<string>();
  let loading: Promise<void> | undefined;

  // Attempts come in bursts within one hour, and a zone's offset costs an Intl call: the last hour is kept.
  let lastHour = Number.NaN;
  const hourOf = (at: number) =>
    at >= lastHour && at < lastHour + HOUR_MS ? lastHour : (lastHour = hourStart(at, timeZone));
  const startOf = (span: HistorySpan, at: number) =>
    span === 'hour' ? hourOf(at) : dayBounds(at, timeZone).start;
  let kept: { now: number; hour: number; day: number } | undefined;
  /** The oldest hour and day still kept; they move once an hour. */
  function keptFrom(): { hour: number; day: number } {
    const current = hourOf(now());
    if (kept?.now !== current)
      kept = {
        now: current,
        hour: current - (HOURS_KEPT - 1) * HOUR_MS,
        // From noon, so a day of 23 or 25 hours in between still lands on its midnight.
        day: dayBounds(dayBounds(current, timeZone).start + DAY_MS / 2 - (DAYS_KEPT - 1) * DAY_MS, timeZone)
          .start,
      };
    return kept;
  }

  function dropExpired(): void {
    const from = keptFrom();
    for (const [id, row] of rows)
      if (row.start < from[row.span]) {
        rows.delete(id);
        dirty.delete(id);
        dropped.add(id);
      }
  }

  function add(
    counted: Counted,
    at: number,
    change: Partial<Omit<UsageHistoryRow, 'id' | 'span' | 'start'>>,
  ) {
    const from = keptFrom();
    for (const span of ['hour', 'day'] as const) {
      const start = startOf(span, at);
      if (start < from[span]) continue;
      const id = `${span}:${start}:${counted.providerId}:${counted.keyId}`;
      let row = rows.get(id);
      if (!row) {
        row = { id, span, start, ...counted, requests: 0, failed: 0, tokens: 0, latencyMsTotal: 0 };
        rows.set(id, row);
      }
      row.requests += change.requests ?? 0;
      row.failed += change.failed ?? 0;
      row.tokens = Math.max(0, row.tokens + (change.tokens ?? 0));
      row.latencyMsTotal += change.latencyMsTotal ?? 0;
      dirty.add(id);
    }
  }

  const writeChanges = async () => {
    const written = [...dirty].flatMap((id) => rows.get(id) ?? []).map((row) => ({ ...row }));
    const deleted = [...dropped];
    dirty.clear();
    dropped.clear();
    if (written.length > 0) await db?.usageHistory.bulkPut(written);
    if (deleted.length > 0) await db?.usageHistory.bulkDelete(deleted);
  };

  return {
    /** Reads what an earlier engine stored; safe to call often. */
    load(): Promise<void> {
      loading ??= (async () => {
        for (const row of (await db?.usageHistory.toArray()) ?? []) {
          const parsed = usageHistoryRowSchema.safeParse(row);
          if (parsed.success && !rows.has(parsed.data.id)) rows.set(parsed.data.id, parsed.data);
        }
      })();
      return loading;
    },

    /** One attempt that reached the provider, counted in the hour and day it started. */
    countAttempt(counted: Counted, at: number, outcome: { ok: boolean; latencyMs: number }): void {
      add(counted, at, {
        requests: 1,
        failed: outcome.ok ? 0 : 1,
        latencyMsTotal: outcome.ok ? outcome.latencyMs : 0,
      });
    },

    /** Tokens spent (negative: an estimate taken back), in the hour and day the request started. */
    countTokens(counted: Counted, at: number, tokens: number): void {
      if (tokens !== 0) add(counted, at, { tokens });
    },

    read(): UsageHistoryReport {
      dropExpired();
      const sorted = [...rows.values()].sort((a, b) => a.start - b.start);
      const from = keptFrom();
      const hourStarts = Array.from({ length: HOURS_KEPT }, (_, index) => from.hour + index * HOUR_MS);
      const dayStarts = [from.day];
      while (dayStarts.length < DAYS_KEPT) dayStarts.push(dayBounds(dayStarts.at(-1)!, timeZone).end);
      return {
        timeZone,
        hourStarts,
        dayStarts,
        hours: sorted.filter((row) => row.span === 'hour'),
        days: sorted.filter((row) => row.span === 'day'),
      };
    },

    /** Writes what changed, and forgets on disk what left the window, after the current task. */
    flush(): Promise<void> {
      dropExpired();
      return db ? writeBehind.once(writeChanges) : Promise.resolve();
    },
  };
}
