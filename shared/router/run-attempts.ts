/**
 * @module Failover: tries candidates in order and moves to the next one at once (no sleep) when
 * a provider refuses for a reason another provider may not share. A stream is committed to a
 * candidate only once its first chunk arrived, so an early failure can still fail over.
 */
import { FreeLLMError, toFreeLLMError, type UpstreamErrorKind } from '../openai/error';
import type { Attempt } from '../request-log/request-log-entry';
import type { Candidate } from './candidates';

/** Kinds where the same request might succeed elsewhere. */
const FAILOVER_KINDS = new Set<UpstreamErrorKind>([
  'rate_limit', 'quota_exhausted', 'credits_exhausted', 'auth', 'forbidden', 'overloaded', 'server', 'not_found',
]);

export interface AttemptsResult<T> {
  value: T;
  served: Candidate;
  attempts: Attempt[];
}

export class AttemptsFailed extends Error {
  constructor(readonly error: FreeLLMError, readonly attempts: Attempt[]) {
    super(error.message);
  }
}

export async function runAttempts<T>(
  candidates: Candidate[],
  attempt: (candidate: Candidate) => Promise<T>,
  now: () => number,
  signal?: AbortSignal,
): Promise<AttemptsResult<T>> {
  const attempts: Attempt[] = [];
  const failures: FreeLLMError[] = [];
  for (const candidate of candidates) {
    const started = now();
    try {
      const value = await attempt(candidate);
      attempts.push({ provider: candidate.provider.id, model: candidate.model, outcome: 'ok', latencyMs: now() - started });
      return { value, served: candidate, attempts };
    } catch (thrown) {
      if (signal?.aborted) throw thrown;
      const error = toFreeLLMError(thrown);
      attempts.push({ provider: candidate.provider.id, model: candidate.model, outcome: error.kind ?? error.type, latencyMs: now() - started });
      failures.push(error);
      if (!error.kind || !FAILOVER_KINDS.has(error.kind)) throw new AttemptsFailed(error, attempts);
    }
  }
  throw new AttemptsFailed(summarizeFailures(failures, attempts), attempts);
}

const RATE_KINDS = new Set<UpstreamErrorKind | undefined>(['rate_limit', 'quota_exhausted']);

/**
 * When every candidate failed: a 429 saying when to come back if any was only rate-limited,
 * otherwise the last provider's own error, and always the list of what was tried.
 */
function summarizeFailures(failures: FreeLLMError[], attempts: Attempt[]): FreeLLMError {
  const tried = attempts.map((item) => `${item.provider}/${item.model}: ${item.outcome}`).join('; ');
  const limited = failures.filter((failure) => RATE_KINDS.has(failure.kind));
  if (limited.length > 0) {
    const waits = limited.map((failure) => failure.retryAfterMs).filter((ms): ms is number => ms !== undefined);
    return new FreeLLMError({
      status: 429,
      type: 'rate_limit_error',
      code: 'all_providers_rate_limited',
      kind: 'rate_limit',
      message: `Every provider that can serve this request is rate-limited right now. Tried: ${tried}.`,
      retryAfterMs: waits.length > 0 ? Math.min(...waits) : undefined,
    });
  }
  const last = failures.at(-1);
  if (!last) {
    return new FreeLLMError({ status: 503, type: 'server_error', code: 'no_candidates', message: 'No provider could serve this request.' });
  }
  return new FreeLLMError({
    status: last.status,
    type: last.type,
    code: last.code,
    kind: last.kind,
    provider: last.provider,
    retryAfterMs: last.retryAfterMs,
    message: failures.length === 1 ? last.message : `${last.message} (tried: ${tried})`,
  });
}
