/**
 * @module One accounting bucket: what one allowance (a key's model, a key, or an account) spent
 * in the last minute (sliding, so no 60-second span ever exceeds a limit) and in the provider's
 * current day, plus its cool-down, learned limits and passive health. Pure functions over a
 * plain record, so the record can be stored as it is.
 */
import { z } from 'zod';
import type { DayBounds } from './daily-reset';
import type { Limits } from './usage-limits';

export const MINUTE_MS = 60_000;

const learnedSchema = z.object({ value: z.number(), until: z.number() });

export const usageBucketSchema = z.object({
  id: z.string(),
  /** Start times of requests in the last minute, oldest first. */
  minuteRequests: z.array(z.number()),
  /** `[time, tokens]` of requests in the last minute, oldest first. */
  minuteTokens: z.array(z.tuple([z.number(), z.number()])),
  day: z.object({ start: z.number(), requests: z.number(), tokens: z.number() }),
  cooldownUntil: z.number(),
  cooldownReason: z.string().nullable(),
  /** Consecutive failures, for the cool-down ladder; a success resets it. */
  failures: z.number(),
  /** Limits learned from headers and errors; they beat the catalog until they expire. */
  learned: z.object({
    rpm: learnedSchema.optional(),
    rpd: learnedSchema.optional(),
    tpm: learnedSchema.optional(),
    tpd: learnedSchema.optional(),
  }),
  health: z.object({
    ok: z.number(),
    failed: z.number(),
    latencyMs: z.number().nullable(),
    lastOkAt: z.number().nullable(),
    lastError: z.object({ kind: z.string(), message: z.string(), at: z.number() }).nullable(),
  }),
});
export type UsageBucket = z.infer<typeof usageBucketSchema>;
export type LimitName = keyof Limits;

export function newBucket(id: string, day: DayBounds): UsageBucket {
  return {
    id,
    minuteRequests: [],
    minuteTokens: [],
    day: { start: day.start, requests: 0, tokens: 0 },
    cooldownUntil: 0,
    cooldownReason: null,
    failures: 0,
    learned: {},
    health: { ok: 0, failed: 0, latencyMs: null, lastOkAt: null, lastError: null },
  };
}

/** Forgets what left the minute window and starts a new day at the provider's reset. */
export function advance(bucket: UsageBucket, now: number, day: DayBounds): void {
  const cutoff = now - MINUTE_MS;
  let drop = 0;
  while (drop < bucket.minuteRequests.length && (bucket.minuteRequests[drop] ?? 0) <= cutoff) drop++;
  if (drop > 0) bucket.minuteRequests.splice(0, drop);
  drop = 0;
  while (drop < bucket.minuteTokens.length && (bucket.minuteTokens[drop]?.[0] ?? 0) <= cutoff) drop++;
  if (drop > 0) bucket.minuteTokens.splice(0, drop);
  if (bucket.day.start < day.start) bucket.day = { start: day.start, requests: 0, tokens: 0 };
}

/** The catalog's limits overridden by unexpired learned ones, except those the user set. */
export function effectiveLimits(
  catalog: Limits & { userSet?: readonly (keyof Limits)[] },
  bucket: UsageBucket | undefined,
  now: number,
): Limits {
  const { userSet, ...limits } = catalog;
  for (const name of ['rpm', 'rpd', 'tpm', 'tpd'] as const) {
    if (userSet?.includes(name)) continue;
    const learned = bucket?.learned[name];
    if (learned && learned.until > now) limits[name] = learned.value;
  }
  return limits;
}

export function minuteTokens(bucket: UsageBucket): number {
  let sum = 0;
  for (const [, tokens] of bucket.minuteTokens) sum += tokens;
  return sum;
}

/**
 * When this bucket can take one more request of `tokens`: `now` or earlier means at once,
 * `Infinity` means never within its windows (a request larger than its per-minute budget).
 */
export function freeAt(
  bucket: UsageBucket,
  limits: Limits,
  tokens: number,
  now: number,
  day: DayBounds,
): number {
  // Not clamped to `now`: callers compare with their own `now`, which may be a moment older.
  let at = bucket.cooldownUntil;
  const { rpm, rpd, tpm, tpd } = limits;
  if (rpm !== undefined && bucket.minuteRequests.length + 1 > rpm) {
    at = Math.max(
      at,
      (bucket.minuteRequests[bucket.minuteRequests.length - Math.max(rpm, 1)] ?? now) + MINUTE_MS,
    );
  }
  if (tpm !== undefined) {
    if (tokens > tpm) return Infinity;
    let excess = minuteTokens(bucket) + tokens - tpm;
    for (const [time, spent] of bucket.minuteTokens) {
      if (excess <= 0) break;
      excess -= spent;
      at = Math.max(at, time + MINUTE_MS);
    }
  }
  if (
    (rpd !== undefined && bucket.day.requests + 1 > rpd) ||
    (tpd !== undefined && bucket.day.tokens + tokens > tpd)
  ) {
    at = Math.max(at, day.end);
  }
  return at;
}

/** Share of the tightest window still free, 0..1; 1 when nothing is known. */
export function headroom(bucket: UsageBucket, limits: Limits): number {
  const shares = [1];
  if (limits.rpm) shares.push(1 - bucket.minuteRequests.length / limits.rpm);
  if (limits.rpd) shares.push(1 - bucket.day.requests / limits.rpd);
  if (limits.tpm) shares.push(1 - minuteTokens(bucket) / limits.tpm);
  if (limits.tpd) shares.push(1 - bucket.day.tokens / limits.tpd);
  return Math.max(0, Math.min(...shares));
}

/** Counts one request now; returns its token entry so the estimate can be corrected later. */
export function spend(bucket: UsageBucket, now: number, tokens: number): [number, number] {
  const entry: [number, number] = [now, tokens];
  bucket.minuteRequests.push(now);
  bucket.minuteTokens.push(entry);
  bucket.day.requests += 1;
  bucket.day.tokens += tokens;
  return entry;
}

/** Takes back one `spend` (its request and tokens), as if the request had never been made. */
export function unspend(bucket: UsageBucket, entry: [number, number], dayStart: number): void {
  const tokens = bucket.minuteTokens.indexOf(entry);
  if (tokens >= 0) bucket.minuteTokens.splice(tokens, 1);
  const request = bucket.minuteRequests.lastIndexOf(entry[0]);
  if (request >= 0) bucket.minuteRequests.splice(request, 1);
  if (bucket.day.start === dayStart) {
    bucket.day.requests = Math.max(0, bucket.day.requests - 1);
    bucket.day.tokens = Math.max(0, bucket.day.tokens - entry[1]);
  }
}

/**
 * Pacing: when a day's allowance should last all day, the request after `used` may start once
 * that share of the day has passed (with a small burst allowance, so a quiet morning is usable).
 */
export function pacedAt(bucket: UsageBucket, rpd: number, day: DayBounds): number {
  const burst = Math.max(1, Math.ceil(rpd * 0.02));
  const next = bucket.day.requests + 1 - burst;
  return next <= 0 ? day.start : day.start + (next / rpd) * (day.end - day.start);
}

/** Makes local counts at least what the provider says was spent (other apps may share the key). */
export function catchUp(
  bucket: UsageBucket,
  window: 'minuteRequests' | 'minuteTokens' | 'dayRequests' | 'dayTokens',
  spent: number,
  now: number,
): void {
  if (window === 'dayRequests') bucket.day.requests = Math.max(bucket.day.requests, spent);
  else if (window === 'dayTokens') bucket.day.tokens = Math.max(bucket.day.tokens, spent);
  else if (window === 'minuteTokens') {
    const missing = spent - minuteTokens(bucket);
    if (missing > 0) bucket.minuteTokens.push([now, missing]);
  } else {
    for (let count = bucket.minuteRequests.length; count < spent; count++) bucket.minuteRequests.push(now);
  }
}
