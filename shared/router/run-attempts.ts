/**
 * @module Failover, the only place anything is retried: tries candidates in order, at once (no
 * sleep), each under a per-attempt timeout and all under one deadline. Before each attempt it
 * re-checks headroom and reserves the request in the accounting (concurrent requests may have
 * used the slot since planning); after a failure it applies the failure policy.
 */
import { FreeLLMError, toFreeLLMError, type UpstreamErrorKind } from '../openai/error';
import type { Attempt } from '../request-log/request-log-entry';
import type { Reservation, UsageLedger } from '../usage/usage-ledger';
import type { Candidate } from './candidates';
import { failureEffect } from './failure-policy';
import { targetOf, type Ordering, type Waiting } from './order-candidates';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AttemptDeps {
  ledger: UsageLedger;
  now: () => number;
  timers: Timers;
  attemptTimeoutMs: number;
  deadlineMs: number;
  estimatedTokens: number;
  disableKey(candidate: Candidate, reason: string): Promise<void>;
  signal?: AbortSignal;
}

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
  constructor(readonly error: FreeLLMError, readonly attempts: Attempt[], readonly waiting: Waiting[] = [], readonly retryAt?: number) {
    super(error.message);
  }
}

const LIMIT_KINDS = new Set<UpstreamErrorKind | undefined>(['rate_limit', 'quota_exhausted']);

function timeoutError(candidate: Candidate | undefined, ms: number): FreeLLMError {
  const provider = candidate?.provider.id;
  return new FreeLLMError({
    status: 504, kind: 'overloaded', provider, type: 'server_error', code: provider ? 'upstream_timeout' : 'deadline_exceeded',
    message: provider ? `${provider} did not answer within ${ms} ms.` : `FreeLLM gave up after ${ms} ms of trying providers.`,
  });
}

export async function runAttempts<T>(
  ordering: Ordering,
  attempt: (candidate: Candidate, signal: AbortSignal) => Promise<T>,
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
  const deadline = timers.setTimeout(() => {
    expired = true;
    current?.abort(timeoutError(undefined, deps.deadlineMs));
  }, deps.deadlineMs);
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
      try {
        const value = await withTimeout(attempt(candidate, controller.signal), deps.attemptTimeoutMs, timers, controller, () => timeoutError(candidate, deps.attemptTimeoutMs));
        const latencyMs = now() - started;
        ledger.record(target, { ok: true, latencyMs });
        attempts.push({ provider: candidate.provider.id, model: candidate.model, outcome: 'ok', latencyMs });
        return { value, served: candidate, attempts, reservation, abort: (reason) => controller.abort(reason) };
      } catch (thrown) {
        if (deps.signal?.aborted) throw thrown;
        const error = toFreeLLMError(expired ? timeoutError(undefined, deps.deadlineMs) : thrown);
        // A locked vault says nothing about the provider: no failure on its record, no failover.
        if (error.code === 'vault_locked') {
          ledger.settle(reservation, 0);
          throw new AttemptsFailed(error, attempts);
        }
        const latencyMs = now() - started;
        attempts.push({ provider: candidate.provider.id, model: candidate.model, outcome: error.kind ?? error.type, latencyMs });
        failures.push(error);
        // A refused request spent no tokens (its request slot stays counted: some providers count refusals).
        ledger.settle(reservation, 0);
        const failed = ledger.record(target, { ok: false, latencyMs, kind: error.kind ?? error.type, message: error.message });
        const effect = failureEffect(error, failed, now(), ledger.dayEnd(target), candidate.provider.name);
        if (!effect.failover) throw new AttemptsFailed(error, attempts);
        if (effect.learn) ledger.learnFromRefusal(target, effect.learn === 'day');
        if (effect.coolDown) {
          ledger.coolDown(target, effect.coolDown.where, effect.coolDown.until, effect.coolDown.reason);
          retryAt = Math.min(retryAt, effect.coolDown.until);
        }
        if (effect.disableKey) {
          await deps.disableKey(candidate, effect.disableKey);
          for (let index = queue.length - 1; index >= 0; index--) if (queue[index]?.key.id === candidate.key.id) queue.splice(index, 1);
        }
        if (effect.largerContext) narrowToLargerContext(queue, candidate);
      }
    }
  } finally {
    timers.clearTimeout(deadline);
  }
  for (const item of waiting) retryAt = Math.min(retryAt, item.freeAt);
  throw exhausted(failures, attempts, waiting, Number.isFinite(retryAt) ? retryAt : undefined, now());
}

function linkAbort(outer: AbortSignal, inner: AbortController): void {
  if (outer.aborted) inner.abort(outer.reason);
  else outer.addEventListener('abort', () => inner.abort(outer.reason), { once: true });
}

/** Settles when the work does, or rejects when the attempt times out or is aborted (the deadline, the caller). */
function withTimeout<T>(work: Promise<T>, ms: number, timers: Timers, controller: AbortController, onTimeout: () => FreeLLMError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => controller.abort(onTimeout()), ms);
    const aborted = () => reject(controller.signal.reason);
    if (controller.signal.aborted) aborted();
    controller.signal.addEventListener('abort', aborted, { once: true });
    const settle = () => (timers.clearTimeout(handle), controller.signal.removeEventListener('abort', aborted));
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
    if (next.model === failed.model || (next.info?.contextWindow !== undefined && next.info.contextWindow <= window)) queue.splice(index, 1);
  }
}

/**
 * When nothing served: a 429 saying when to come back if anything was (or is) only busy,
 * otherwise the last provider's own error; always with the list of what was tried.
 */
function exhausted(failures: FreeLLMError[], attempts: Attempt[], waiting: Waiting[], retryAt: number | undefined, now: number): AttemptsFailed {
  const tried = attempts.map((item) => `${item.provider}/${item.model}: ${item.outcome}`);
  const busy = waiting.filter((item) => Number.isFinite(item.freeAt)).map((item) => `${item.candidate.provider.id}/${item.candidate.model}: busy`);
  const list = [...tried, ...busy].join('; ');
  const retryAfterMs = retryAt === undefined ? undefined : Math.max(0, retryAt - now);
  const last = failures.at(-1);
  if (busy.length > 0 || failures.some((failure) => LIMIT_KINDS.has(failure.kind)) || !last) {
    const error = new FreeLLMError({
      status: 429, type: 'rate_limit_error', code: 'all_providers_rate_limited', kind: 'rate_limit', retryAfterMs,
      message: list
        ? `Every provider that can serve this request is rate-limited right now. Tried: ${list}.`
        : 'No provider can take this request: it is larger than any candidate accepts.',
    });
    return new AttemptsFailed(error, attempts, waiting, retryAt);
  }
  const error = new FreeLLMError({
    status: last.status, type: last.type, code: last.code, kind: last.kind, provider: last.provider, retryAfterMs: retryAfterMs ?? last.retryAfterMs,
    message: failures.length === 1 ? last.message : `${last.message} (tried: ${list})`,
  });
  return new AttemptsFailed(error, attempts, waiting, retryAt);
}
