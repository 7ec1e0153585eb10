/**
 * @module Rate-limit accounting for the router: what each (provider, key, model) and each shared
 * allowance (key or account) spent, when it can take the next request, cool-downs, learned
 * limits and passive health. Kept in memory for speed (the router asks for every candidate of
 * every request) and written behind to IndexedDB, so a restarted engine does not forget.
 */
import type { FreeLLMDatabase } from '../store/database';
import { dayBounds } from './daily-reset';
import {
  advance,
  catchUp,
  effectiveLimits,
  freeAt,
  headroom,
  MINUTE_MS,
  minuteTokens,
  newBucket,
  pacedAt,
  spend,
  unspend,
  usageBucketSchema,
  type UsageBucket,
} from './usage-bucket';
import type { RateLimitSnapshot } from '../providers/rate-limits';
import type { LimitSource, LimitSpec, Limits } from './usage-limits';
import { createWriteBehind, type WriteBehind } from '../store/write-behind';
import type { UsageHistory } from './usage-history';

export interface UsageTarget {
  providerId: string;
  keyId: string;
  model: string;
  /** Keys of one account share its allowance; each key is its own account unless told otherwise. */
  accountId?: string;
}

/** One request counted before its call; `settle` replaces the estimate with the reported usage. */
export interface Reservation {
  target: UsageTarget;
  /** When the request was counted: its tokens belong to that hour of the history. */
  at: number;
  tokens: number;
  entries: { bucket: UsageBucket; entry: [number, number]; dayStart: number }[];
}

export interface HealthEntry {
  providerId: string;
  keyId: string;
  model: string;
  ok: number;
  failed: number;
  successRate: number | null;
  latencyMs: number | null;
  lastOkAt: number | null;
  lastError: { kind: string; message: string; at: number } | null;
  coolingUntil: number | null;
  cooldownReason: string | null;
  minute: { requests: number; tokens: number };
  day: { requests: number; tokens: number };
  limits: Limits;
}

/** One allowance's limits and spending, for reports: never which key it belongs to. */
export interface Allowance {
  id: string;
  limits: Limits;
  /** `freesAt`: when the oldest request counted leaves the sliding minute (null: none counted). */
  minute: { requests: number; tokens: number; freesAt: number | null };
  day: { requests: number; tokens: number; resetsAt: number };
}

const NO_LIMITS: LimitSpec = { scope: 'model' };
const HOUR_MS = 3_600_000;
const LEARNED_FROM_HEADERS_MS = 24 * HOUR_MS;
/** A refusal may come from someone else sharing the key, so what it teaches is forgotten sooner. */
const LEARNED_FROM_REFUSAL_MS = 10 * 60_000;
const LATENCY_WEIGHT = 0.2;

export type UsageLedger = ReturnType<typeof createUsageLedger>;

export function createUsageLedger(options: {
  now: () => number;
  limits?: LimitSource;
  db?: FreeLLMDatabase;
  writeBehind?: WriteBehind;
  /** Told each attempt and its tokens, hour by hour, for the dashboard's charts. */
  history?: UsageHistory;
}) {
  const { now, db, history } = options;
  const writeBehind = options.writeBehind ?? createWriteBehind();
  const buckets = new Map<string, UsageBucket>();
  const dirty = new Set<string>();
  /** Writes the changed buckets as they are when the write runs. */
  const writeDirty = async () => {
    const rows = [...dirty].flatMap((id) => buckets.get(id) ?? []).map((item) => structuredClone(item));
    dirty.clear();
    if (rows.length > 0) await db?.usage.bulkPut(rows);
  };
  let loading: Promise<void> | undefined;
  /** Reads what an earlier engine stored (its history too, fed from here); safe to call often. */
  const load = (): Promise<void> =>
    (loading ??= (async () => {
      const [stored] = await Promise.all([db?.usage.toArray(), history?.load()]);
      for (const row of stored ?? []) {
        const parsed = usageBucketSchema.safeParse(row);
        if (parsed.success && !buckets.has(parsed.data.id)) buckets.set(parsed.data.id, parsed.data);
      }
    })());

  const specFor = (target: UsageTarget) =>
    options.limits?.limitsFor(target.providerId, target.model) ?? NO_LIMITS;
  const modelId = (target: UsageTarget) => `model:${target.providerId}:${target.keyId}:${target.model}`;
  function limitId(target: UsageTarget, spec: LimitSpec): string {
    if (spec.scope === 'key') return `key:${target.providerId}:${target.keyId}`;
    if (spec.scope === 'account') return `account:${target.providerId}:${target.accountId ?? target.keyId}`;
    return modelId(target);
  }

  function bucket(id: string, spec: LimitSpec): UsageBucket {
    const day = dayBounds(now(), spec.dailyResetTimeZone);
    let found = buckets.get(id);
    if (!found) {
      found = newBucket(id, day);
      buckets.set(id, found);
    }
    advance(found, now(), day);
    return found;
  }

  /** The bucket whose limits apply, and the per-model one (health, model cool-downs). */
  function resolve(target: UsageTarget) {
    const spec = specFor(target);
    const limit = bucket(limitId(target, spec), spec);
    const model = limit.id === modelId(target) ? limit : bucket(modelId(target), spec);
    return {
      spec,
      limit,
      model,
      limits: effectiveLimits(spec, limit, now()),
      day: dayBounds(now(), spec.dailyResetTimeZone),
    };
  }

  const touch = (...touched: UsageBucket[]) => touched.forEach((item) => dirty.add(item.id));

  return {
    load,

    /** Earliest time the target can take a request of `tokens` (≤ now: at once; Infinity: never). */
    freeAt(target: UsageTarget, tokens: number, pace = false): number {
      const { limit, model, limits, day } = resolve(target);
      let at = Math.max(freeAt(limit, limits, tokens, now(), day), model.cooldownUntil);
      if (pace && limits.rpd) at = Math.max(at, pacedAt(limit, limits.rpd, day));
      return at;
    },

    headroom(target: UsageTarget): number {
      const { limit, limits } = resolve(target);
      return headroom(limit, limits);
    },

    latencyMs(target: UsageTarget): number | null {
      return buckets.get(modelId(target))?.health.latencyMs ?? null;
    },

    reserve(target: UsageTarget, tokens: number): Reservation {
      const { limit, model } = resolve(target);
      const entries = [...new Set([limit, model])].map((item) => ({
        bucket: item,
        entry: spend(item, now(), tokens),
        dayStart: item.day.start,
      }));
      touch(limit, model);
      history?.countTokens(target, now(), tokens);
      return { target, at: now(), tokens, entries };
    },

    /** Replaces the estimate with what the provider reported (or a better estimate). */
    settle(reservation: Reservation, tokens: number): void {
      const delta = tokens - reservation.tokens;
      for (const { bucket: item, entry, dayStart } of reservation.entries) {
        entry[1] = Math.max(0, entry[1] + delta);
        if (item.day.start === dayStart) item.day.tokens = Math.max(0, item.day.tokens + delta);
        dirty.add(item.id);
      }
      history?.countTokens(reservation.target, reservation.at, delta);
      reservation.tokens = tokens;
    },

    /** Takes a reservation back entirely, request slot included: the request never reached the provider. */
    release(reservation: Reservation): void {
      for (const { bucket: item, entry, dayStart } of reservation.entries) {
        unspend(item, entry, dayStart);
        dirty.add(item.id);
      }
      history?.countTokens(reservation.target, reservation.at, -reservation.tokens);
      reservation.entries = [];
      reservation.tokens = 0;
    },

    /** Limits and spending the provider told us about in its headers; they beat the catalog. */
    learn(target: UsageTarget, snapshot: RateLimitSnapshot): void {
      const { limit, day } = resolve(target);
      const until = now() + LEARNED_FROM_HEADERS_MS;
      const windows = [
        [snapshot.requests?.minute, 'rpm', 'minuteRequests', 'minute'] as const,
        [snapshot.requests?.day, 'rpd', 'dayRequests', 'day'] as const,
        [snapshot.tokens?.minute, 'tpm', 'minuteTokens', 'minute'] as const,
        [snapshot.tokens?.day, 'tpd', 'dayTokens', 'day'] as const,
      ];
      for (const [window, name, counter, span] of windows) {
        if (!window) continue;
        if (window.limit !== undefined) limit.learned[name] = { value: window.limit, until };
        if (window.limit !== undefined && window.remaining !== undefined)
          catchUp(limit, counter, window.limit - window.remaining, now());
        if (window.remaining === 0) {
          const resetAt = window.resetAt ?? (span === 'day' ? day.end : now() + 60_000);
          if (resetAt > limit.cooldownUntil)
            Object.assign(limit, {
              cooldownUntil: resetAt,
              cooldownReason: span === 'day' ? 'quota_exhausted' : 'rate_limit',
            });
        }
      }
      touch(limit);
    },

    /**
     * A 429 although our own count was below the limit: the real limit is lower than we
     * thought (or shared with someone else), so remember the count we reached as the limit.
     */
    learnFromRefusal(target: UsageTarget, daily: boolean): void {
      const { limit, limits, day } = resolve(target);
      const name = daily ? 'rpd' : 'rpm';
      const reached = daily ? limit.day.requests : limit.minuteRequests.length;
      const known = limits[name];
      if (reached > 0 && (known === undefined || reached < known)) {
        limit.learned[name] = {
          value: reached,
          until: daily ? day.end + 24 * HOUR_MS : now() + LEARNED_FROM_REFUSAL_MS,
        };
        touch(limit);
      }
    },

    /** Keeps the target (its allowance, or just its model) out of routing until `until`. */
    coolDown(target: UsageTarget, where: 'limit' | 'model', until: number, reason: string): void {
      const resolved = resolve(target);
      const item = where === 'limit' ? resolved.limit : resolved.model;
      if (until > item.cooldownUntil) Object.assign(item, { cooldownUntil: until, cooldownReason: reason });
      touch(item);
    },

    /**
     * What the allowance serving `target` has spent and may spend, read without creating any
     * bucket (a quota report asks about models that never ran). `id` names the allowance, so a
     * caller adding several targets counts a shared one once.
     */
    allowance(target: UsageTarget): Allowance {
      const spec = specFor(target);
      const id = limitId(target, spec);
      const day = dayBounds(now(), spec.dailyResetTimeZone);
      const found = buckets.get(id);
      if (found) advance(found, now(), day);
      const item = found ?? newBucket(id, day);
      const oldest = item.minuteRequests[0] ?? item.minuteTokens[0]?.[0];
      return {
        id,
        limits: effectiveLimits(spec, item, now()),
        minute: {
          requests: item.minuteRequests.length,
          tokens: minuteTokens(item),
          freesAt: oldest === undefined ? null : oldest + MINUTE_MS,
        },
        day: { requests: item.day.requests, tokens: item.day.tokens, resetsAt: day.end },
      };
    },

    dayEnd(target: UsageTarget): number {
      return resolve(target).day.end;
    },

    /** Passive health from real traffic; returns the consecutive failures so far. */
    record(
      target: UsageTarget,
      outcome: { ok: boolean; latencyMs: number; kind?: string; message?: string },
    ): number {
      const { model } = resolve(target);
      const { health } = model;
      if (outcome.ok) {
        health.ok += 1;
        health.lastOkAt = now();
        health.latencyMs =
          health.latencyMs === null
            ? outcome.latencyMs
            : health.latencyMs + LATENCY_WEIGHT * (outcome.latencyMs - health.latencyMs);
        model.failures = 0;
      } else {
        health.failed += 1;
        health.lastError = { kind: outcome.kind ?? 'error', message: outcome.message ?? '', at: now() };
        model.failures += 1;
      }
      touch(model);
      history?.countAttempt(target, now() - outcome.latencyMs, outcome);
      return model.failures;
    },

    /**
     * Lifts cool-downs of a key the user re-enabled, the stored ones too: a worker that has just
     * started has not read them yet, and reading them later would cool the key down again.
     */
    async forgiveKey(keyId: string): Promise<void> {
      await load();
      for (const item of buckets.values()) {
        if (!item.id.split(':').includes(keyId)) continue;
        Object.assign(item, { cooldownUntil: 0, cooldownReason: null, failures: 0 });
        touch(item);
      }
    },

    report(): HealthEntry[] {
      return [...buckets.values()]
        .filter((item) => item.id.startsWith('model:'))
        .map((item) => {
          const [, providerId = '', keyId = '', ...rest] = item.id.split(':');
          const target = { providerId, keyId, model: rest.join(':') };
          const { limit, limits } = resolve(target);
          const { ok, failed, latencyMs, lastOkAt, lastError } = item.health;
          const coolingUntil = Math.max(limit.cooldownUntil, item.cooldownUntil);
          return {
            ...target,
            ok,
            failed,
            latencyMs,
            lastOkAt,
            lastError,
            limits,
            successRate: ok + failed > 0 ? ok / (ok + failed) : null,
            coolingUntil: coolingUntil > now() ? coolingUntil : null,
            cooldownReason:
              coolingUntil > now()
                ? item.cooldownUntil >= limit.cooldownUntil
                  ? item.cooldownReason
                  : limit.cooldownReason
                : null,
            minute: {
              requests: item.minuteRequests.length,
              tokens: item.minuteTokens.reduce((sum, [, tokens]) => sum + tokens, 0),
            },
            day: { requests: item.day.requests, tokens: item.day.tokens },
          };
        });
    },

    /**
     * Writes what changed, after the current task (see write-behind); the rows are read when
     * written, so the last state wins. Accounting lives in memory: a failed write costs only
     * durability, never the request.
     */
    flush(): Promise<void> {
      void history?.flush();
      return db ? writeBehind.once(writeDirty) : Promise.resolve();
    },
  };
}
