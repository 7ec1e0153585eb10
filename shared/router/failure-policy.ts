/**
 * @module What one classified upstream failure does to routing (see docs/architecture.md, "Errors"):
 * fail over or stop, how long to cool down and what (the shared allowance or just the model),
 * whether the key is disabled. A provider's Retry-After or reset time is a minimum; repeated
 * failures climb a ladder. Nothing here sleeps.
 */
import type { FreeLLMError } from '../openai/error';
import type { KeyRefusal } from '../usage/key-notice';

/** Cool-down after the n-th consecutive failure (the last step repeats). */
export const COOLDOWN_LADDER_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000] as const;
const NOT_FOUND_MS = 3_600_000;

export type FailureEffect =
  | { failover: false }
  | {
      failover: true;
      coolDown?: { where: 'limit' | 'model'; until: number; reason: string };
      /** The allowance refused below the limit we knew: learn the lower one. */
      learn?: 'minute' | 'day';
      /** Shown to the user next to the disabled key. */
      disableKey?: KeyRefusal;
      /** Only models with a larger context window are worth trying. */
      largerContext?: boolean;
    };

export function ladderStep(failures: number): number {
  return (
    COOLDOWN_LADDER_MS[Math.min(Math.max(failures, 1), COOLDOWN_LADDER_MS.length) - 1] ??
    COOLDOWN_LADDER_MS[0]
  );
}

export function failureEffect(
  error: FreeLLMError,
  failures: number,
  now: number,
  dayEnd: number,
): FailureEffect {
  const told = now + (error.retryAfterMs ?? 0);
  const ladder = now + ladderStep(failures);
  switch (error.kind) {
    case 'rate_limit':
      return {
        failover: true,
        learn: 'minute',
        coolDown: { where: 'limit', until: Math.max(told, ladder), reason: 'rate_limit' },
      };
    case 'quota_exhausted':
      return {
        failover: true,
        learn: 'day',
        coolDown: { where: 'limit', until: Math.max(told, dayEnd), reason: 'quota_exhausted' },
      };
    case 'credits_exhausted':
    case 'auth':
      return {
        failover: true,
        disableKey: { kind: error.kind, status: error.status, ...(error.code ? { code: error.code } : {}) },
      };
    case 'not_found':
      return {
        failover: true,
        coolDown: { where: 'model', until: Math.max(told, now + NOT_FOUND_MS), reason: 'not_found' },
      };
    case 'forbidden':
    case 'overloaded':
    case 'server':
    case 'timeout':
    case 'unreachable':
      return {
        failover: true,
        coolDown: { where: 'model', until: Math.max(told, ladder), reason: error.kind },
      };
    case 'context_length':
      return { failover: true, largerContext: true };
    default:
      return { failover: false };
  }
}
