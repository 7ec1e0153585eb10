/**
 * @module Failover, the only place anything is retried: tries candidates in order, at once (no
 * sleep), each under a first-byte limit and a per-attempt timeout, all under one deadline. Before
 * each attempt it re-checks headroom and reserves the request in the accounting (concurrent
 * requests may have used the slot since planning); after a failure it applies the failure policy.
 * Failures to reach a provider at all wait until some provider is reached: if none is, the
 * network is down, and that is nobody's fault (see `networkUnreachable`).
 */
import { errorWithCode, retold, FreeLLMError, toFreeLLMError, type UpstreamErrorKind } from '../openai/error';
import { providerNamesOf, type ProviderNames } from '../providers/provider-names';
import type { Attempt } from '../request-log/request-log-entry';
import type { KeyRefusal } from '../usage/key-notice';
import type { Reservation, UsageLedger, UsageTarget } from '../usage/usage-ledger';
import type { Candidate } from './candidates';
import { failureEffect } from './failure-policy';
import { targetOf, type Ordering, type Waiting } from './order-candidates';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Told as each attempt starts, so a waiting user sees whom FreeLLM waits on. */
export interface AttemptProgress {
  /** The provider's display name. */
  provider: string;
  model: string;
  /** How long it has to start answering before the next candidate is tried. */
  firstByteTimeoutMs: number;
  /** The attempt before this one, which failed: why, and after how long. */
  previous?: { provider: string; outcome: string; afterMs: number };
}

export interface AttemptDeps {
  ledger: UsageLedger;
  now: () => number;
  timers: Timers;
  attemptTimeoutMs: number;
  /** How long a candidate may take to start answering: its body's first byte, or a stream's first token. */
  firstByteTimeoutMs(candidate: Candidate): number;
  deadlineMs: number;
  estimatedTokens: number;
  disableKey(candidate: Candidate, refusal: KeyRefusal): Promise<void>;
  /** The candidate's model answered "not found" (a second one retires it for that provider). */
  modelNotFound?(candidate: Candidate): void;
  signal?: AbortSignal;
  onAttempt?(progress: AttemptProgress): void;
}

/**
 * One attempt: `answering` is called once the provider started answering (its body's first byte),
 * which lifts the first-byte limit; an attempt that never calls it must settle within that limit.
 */
export type AttemptCall<T> = (candidate: Candidate, signal: AbortSignal, answering: () => void) => Promise<T>;

export interface Served<T> {
  value: T;
  served: Candidate;
  attempts: Attempt[];
  reservation: Reservation;
  /** Aborts the upstream call (a stalled stream); the caller's own abort is linked to it. */
  abort(reason: unknown): void;
}

/** Every candidate failed or was busy; `retryAt` is when the earliest one frees up. */
export class AttemptsFailed extends Error {
  constructor(
    readonly error: FreeLLMError,
    readonly attempts: Attempt[],
    readonly waiting: Waiting[] = [],
    readonly retryAt?: number,
  ) {
    super(error.message);
  }
}

const LIMIT_KINDS = new Set<UpstreamErrorKind | undefined>(['rate_limit', 'quota_exhausted']);

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function attemptTimeout(candidate: Candidate, ms: number, phase: 'first_byte' | 'answer'): FreeLLMError {
  const { id, name } = candidate.provider;
  return errorWithCode(
    'upstream_timeout',
    phase === 'first_byte'
      ? `${name} did not start answering within ${seconds(ms)}.`
      : `${name} did not finish answering within ${seconds(ms)}.`,
    { provider: id },
  );
}

function deadlineExceeded(ms: number): FreeLLMError {
  return errorWithCode('deadline_exceeded', `FreeLLM gave up after ${seconds(ms)} of trying providers.`);
}

export const NETWORK_UNREACHABLE = 'network_unreachable';

function networkUnreachable(): FreeLLMError {
  return errorWithCode(
    NETWORK_UNREACHABLE,
    'The network seems unreachable: no provider could be reached. Check your connection.',
  );
}

/** A failed attempt whose effects (health, cool-down) may still be applied. */
interface Failure {
  candidate: Candidate;
  target: UsageTarget;
  reservation: Reservation;
  error: FreeLLMError;
  latencyMs: number;
}

export async function runAttempts<T>(
  ordering: Ordering,
  attempt: AttemptCall<T>,
  deps: AttemptDeps,
): Promise<Served<T>> {
  const { ledger, now, timers } = deps;
  const attempts: Attempt[] = [];
  const failures: FreeLLMError[] = [];
  const waiting = [...ordering.waiting];
  const queue = [...ordering.ready];
  let retryAt = Infinity;
  let current: AbortController | undefined;
  let expired = false;
  /** Some provider answered at the HTTP level (or timed out): the network itself works. */
  let reachedAny = false;
  /** Providers not reached before any was: blamed only once the network is known to work. */
  const unreached: Failure[] = [];
  let previous: AttemptProgress['previous'];
  const deadline = timers.setTimeout(() => {
    expired = true;
    current?.abort(deadlineExceeded(deps.deadlineMs));
  }, deps.deadlineMs);

  /** Applies the failure policy; throws when the error is the caller's answer (no failover). */
  async function blame({ candidate, target, error, latencyMs }: Failure): Promise<void> {
    const failed = ledger.record(target, {
      ok: false,
      latencyMs,
      kind: error.kind ?? error.type,
      message: error.message,
    });
    const effect = failureEffect(error, failed, now(), ledger.dayEnd(target));
    if (!effect.failover) throw new AttemptsFailed(error, attempts);
    if (error.kind === 'not_found') deps.modelNotFound?.(candidate);
    if (effect.learn) ledger.learnFromRefusal(target, effect.learn === 'day');
    if (effect.coolDown) {
      ledger.coolDown(target, effect.coolDown.where, effect.coolDown.until, effect.coolDown.reason);
      retryAt = Math.min(retryAt, effect.coolDown.until);
    }
    if (effect.disableKey) {
      await deps.disableKey(candidate, effect.disableKey);
      for (let index = queue.length - 1; index >= 0; index--)
        if (queue[index]?.key.id === candidate.key.id) queue.splice(index, 1);
    }
    if (effect.largerContext) narrowToLargerContext(queue, candidate);
  }

  async function networkWorks(): Promise<void> {
    reachedAny = true;
    for (const failure of unreached.splice(0)) await blame(failure);
  }

  try {
    while (queue.length > 0 && !expired) {
      const candidate = queue.shift()!;
      const target = targetOf(candidate);
      const freeAt = ledger.freeAt(target, deps.estimatedTokens);
      if (freeAt > now()) {
        waiting.push({ candidate, freeAt });
        continue;
      }
      const reservation = ledger.reserve(target, deps.estimatedTokens);
      const controller = new AbortController();
      current = controller;
      if (deps.signal) linkAbort(deps.signal, controller);
      const started = now();
      const firstByteMs = Math.min(deps.firstByteTimeoutMs(candidate), deps.attemptTimeoutMs);
      deps.onAttempt?.({
        provider: candidate.provider.name,
        model: candidate.model,
        firstByteTimeoutMs: firstByteMs,
        previous,
      });
      const firstByte = timers.setTimeout(
        () => controller.abort(attemptTimeout(candidate, firstByteMs, 'first_byte')),
        firstByteMs,
      );
      const answering = () => timers.clearTimeout(firstByte);
      try {
        const work = attempt(candidate, controller.signal, answering);
        const value = await withTimeout(work, deps.attemptTimeoutMs, timers, controller, () =>
          attemptTimeout(candidate, deps.attemptTimeoutMs, 'answer'),
        );
        const latencyMs = now() - started;
        await networkWorks();
        ledger.record(target, { ok: true, latencyMs });
        attempts.push({
          provider: candidate.provider.id,
          keyId: candidate.key.id,
          model: candidate.model,
          outcome: 'ok',
          latencyMs,
        });
        return {
          value,
          served: candidate,
          attempts,
          reservation,
          abort: (reason) => controller.abort(reason),
        };
      } catch (thrown) {
        if (deps.signal?.aborted) throw thrown;
        const error = toFreeLLMError(expired ? deadlineExceeded(deps.deadlineMs) : thrown);
        // A locked vault says nothing about the provider: no failure on its record, no failover.
        if (error.code === 'vault_locked') {
          ledger.settle(reservation, 0);
          throw new AttemptsFailed(error, attempts);
        }
        const latencyMs = now() - started;
        attempts.push({
          provider: candidate.provider.id,
          keyId: candidate.key.id,
          model: candidate.model,
          outcome: error.kind ?? error.type,
          latencyMs,
        });
        failures.push(error);
        previous = {
          provider: candidate.provider.name,
          outcome: error.kind ?? error.type,
          afterMs: latencyMs,
        };
        // A refused request spent no tokens (its request slot stays counted: some providers count refusals).
        ledger.settle(reservation, 0);
        const failure = { candidate, target, reservation, error, latencyMs };
        if (error.kind === 'unreachable' && !reachedAny) unreached.push(failure);
        else {
          await networkWorks();
          await blame(failure);
        }
      } finally {
        timers.clearTimeout(firstByte);
      }
    }
  } finally {
    timers.clearTimeout(deadline);
  }
  if (unreached.length > 0 && !reachedAny) throw offline(ledger, unreached, attempts);
  for (const item of waiting) retryAt = Math.min(retryAt, item.freeAt);
  const nameOf = providerNamesOf(
    [...ordering.ready, ...ordering.waiting.map((item) => item.candidate)].map((item) => item.provider),
  );
  throw exhausted(failures, attempts, waiting, Number.isFinite(retryAt) ? retryAt : undefined, now(), nameOf);
}

/** No provider was reached: the request never left this machine, so it counts against nothing. */
function offline(ledger: UsageLedger, failed: Failure[], attempts: Attempt[]): AttemptsFailed {
  for (const failure of failed) ledger.release(failure.reservation);
  return new AttemptsFailed(networkUnreachable(), attempts);
}

function linkAbort(outer: AbortSignal, inner: AbortController): void {
  if (outer.aborted) inner.abort(outer.reason);
  else outer.addEventListener('abort', () => inner.abort(outer.reason), { once: true });
}

/** Settles when the work does, or rejects when the attempt times out or is aborted (the deadline, the caller). */
function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  timers: Timers,
  controller: AbortController,
  onTimeout: () => FreeLLMError,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => controller.abort(onTimeout()), ms);
    const aborted = () => reject(controller.signal.reason);
    if (controller.signal.aborted) aborted();
    controller.signal.addEventListener('abort', aborted, { once: true });
    const settle = () => (
      timers.clearTimeout(handle),
      controller.signal.removeEventListener('abort', aborted)
    );
    work.then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error)),
    );
  });
}

/** After a context-length refusal, only a different model with a larger (or unknown) window may help. */
function narrowToLargerContext(queue: Candidate[], failed: Candidate): void {
  const window = failed.info?.contextWindow ?? 0;
  for (let index = queue.length - 1; index >= 0; index--) {
    const next = queue[index]!;
    if (
      next.model === failed.model ||
      (next.info?.contextWindow !== undefined && next.info.contextWindow <= window)
    )
      queue.splice(index, 1);
  }
}

/**
 * When nothing served: a 429 saying when to come back if anything was (or is) only busy,
 * otherwise the last provider's own error; always with the list of what was tried, each by the
 * provider's name (the error body's `attempts` keep the ids, for programs).
 */
function exhausted(
  failures: FreeLLMError[],
  attempts: Attempt[],
  waiting: Waiting[],
  retryAt: number | undefined,
  now: number,
  nameOf: ProviderNames,
): AttemptsFailed {
  const tried = attempts.map((item) => `${nameOf(item.provider)} · ${item.model}: ${item.outcome}`);
  const busy = waiting
    .filter((item) => Number.isFinite(item.freeAt))
    .map((item) => `${item.candidate.provider.name} · ${item.candidate.model}: busy`);
  const list = [...tried, ...busy].join('; ');
  const retryAfterMs = retryAt === undefined ? undefined : Math.max(0, retryAt - now);
  const last = failures.at(-1);
  if (busy.length > 0 || failures.some((failure) => LIMIT_KINDS.has(failure.kind)) || !last) {
    const error = errorWithCode(
      'all_providers_rate_limited',
      list
        ? `Every provider that can serve this request is rate-limited right now. Tried: ${list}.`
        : 'No provider can take this request: it is larger than any candidate accepts.',
      { retryAfterMs },
    );
    return new AttemptsFailed(error, attempts, waiting, retryAt);
  }
  const error = retold(last, failures.length === 1 ? last.message : `${last.message} (tried: ${list})`, {
    retryAfterMs: retryAfterMs ?? last.retryAfterMs,
  });
  return new AttemptsFailed(error, attempts, waiting, retryAt);
}
