/**
 * @module When a provider's day starts and ends: midnight in its time zone (UTC unless the
 * catalog says otherwise; Gemini resets at midnight Pacific). Cached per zone, because the
 * router asks for every candidate of every request.
 */

const DAY_MS = 86_400_000;

export interface DayBounds {
  start: number;
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const cached = new Map<string, DayBounds>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `at` (negative west of Greenwich). */
export function zoneOffset(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (at - (at % 1000));
}

/** The local midnight at or before `at`, in UTC ms; recomputed once so DST days come out right. */
function midnightBefore(at: number, timeZone: string): number {
  const offset = zoneOffset(at, timeZone);
  const guess = Math.floor((at + offset) / DAY_MS) * DAY_MS - offset;
  return guess - (zoneOffset(guess, timeZone) - offset);
}

/** The day `at` falls in, in `timeZone` (default UTC). */
export function dayBounds(at: number, timeZone = 'UTC'): DayBounds {
  const hit = cached.get(timeZone);
  if (hit && at >= hit.start && at < hit.end) return hit;
  const start = timeZone === 'UTC' ? Math.floor(at / DAY_MS) * DAY_MS : midnightBefore(at, timeZone);
  // Days are 23 or 25 hours long when clocks change: the next midnight is computed, not added.
  const end = timeZone === 'UTC' ? start + DAY_MS : midnightBefore(start + DAY_MS + 3 * 3_600_000, timeZone);
  const bounds = { start, end };
  cached.set(timeZone, bounds);
  return bounds;
}
