/**
 * @module Orders candidates by the chosen strategy, after setting aside those without headroom
 * (cooling down, or a window full) together with the time they free up — the exhausted answer
 * needs that time even for candidates never attempted.
 */
import type { UsageLedger, UsageTarget } from '../usage/usage-ledger';
import type { Candidate, RequestNeeds } from './candidates';
import type { AffinityTarget } from './conversation-affinity';
import type { Strategy } from './routing-settings';

export interface Waiting {
  candidate: Candidate;
  /** Epoch ms when it can take this request; Infinity when it never can (e.g. TPM too small). */
  freeAt: number;
}

export interface Ordering {
  ready: Candidate[];
  waiting: Waiting[];
}

export function targetOf(candidate: Candidate): UsageTarget {
  return {
    providerId: candidate.provider.id,
    keyId: candidate.key.id,
    accountId: candidate.key.account,
    model: candidate.model,
  };
}

export interface OrderOptions {
  ledger: UsageLedger;
  strategy: Strategy;
  needs: RequestNeeds;
  now: number;
  pacing: boolean;
  preferred?: AffinityTarget;
}

export function orderCandidates(candidates: readonly Candidate[], options: OrderOptions): Ordering {
  const { ledger, needs, now } = options;
  const ready: { candidate: Candidate; rank: number; score: number }[] = [];
  const waiting: Waiting[] = [];
  candidates.forEach((candidate, rank) => {
    const target = targetOf(candidate);
    const freeAt = ledger.freeAt(
      target,
      needs.estimatedTokens,
      options.pacing && candidate.info?.tier === 'smart',
    );
    if (freeAt > now) {
      waiting.push({ candidate, freeAt });
      return;
    }
    ready.push({ candidate, rank, score: scoreOf(options.strategy, ledger, target) });
  });
  const last = (item: { candidate: Candidate }) => (item.candidate.lastResort ? 1 : 0);
  ready.sort((a, b) => last(a) - last(b) || a.score - b.score || a.rank - b.rank);
  const ordered = ready.map((item) => item.candidate);
  const preferred = options.preferred;
  const sticky = preferred
    ? ordered.findIndex(
        (candidate) => candidate.key.id === preferred.keyId && candidate.model === preferred.model,
      )
    : -1;
  if (sticky > 0) ordered.unshift(...ordered.splice(sticky, 1));
  return { ready: ordered, waiting };
}

/** Lower is tried first; ties keep the user's key priority. */
function scoreOf(strategy: Strategy, ledger: UsageLedger, target: UsageTarget): number {
  if (strategy === 'balanced') return -ledger.headroom(target);
  // Unmeasured candidates go first so that they get measured.
  if (strategy === 'fastest') return ledger.latencyMs(target) ?? 0;
  return 0;
}
