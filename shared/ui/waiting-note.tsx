/**
 * @module What the chat shows while no provider has started answering: whom it waits on, for how
 * long, when it moves on, and why it left the provider before.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AttemptProgress } from '../protocol/attempt-progress';
import { t, type MessageKey } from '../i18n/t';

/** A provider being asked, and when the chat heard of it (its own clock). */
export interface Waiting {
  progress: AttemptProgress;
  since: number;
}

const wholeSeconds = (ms: number) => t('seconds', String(Math.round(ms / 1000)));

const MOVED_ON: Partial<Record<string, MessageKey>> = {
  unreachable: 'movedOnUnreachable',
  rate_limit: 'movedOnRateLimit',
  quota_exhausted: 'movedOnQuota',
};

function movedOn(
  { provider, outcome, afterMs }: NonNullable<AttemptProgress['previous']>,
  next: string,
): string {
  if (outcome === 'timeout') return t('movedOnTimeout', provider, wholeSeconds(afterMs), next);
  const known = MOVED_ON[outcome];
  return known ? t(known, provider, next) : t('movedOnFailed', provider, outcome.replaceAll('_', ' '), next);
}

export function WaitingNote({ waiting }: { waiting: Waiting }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, []);
  const { provider, previous, firstByteTimeoutMs } = waiting.progress;
  return (
    <div class="chat-waiting" role="status" data-testid="waiting">
      {previous && <div class="chat-moved-on">{movedOn(previous, provider)}</div>}
      <div>
        {t('waitingFor', provider, wholeSeconds(Math.max(0, now - waiting.since)))}
        <span class="chat-waiting-limit">
          {' · '}
          {t('waitingMovesOn', wholeSeconds(firstByteTimeoutMs))}
        </span>
      </div>
    </div>
  );
}
