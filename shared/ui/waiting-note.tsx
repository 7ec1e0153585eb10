/**
 * @module What the chat shows while no provider has started answering: whom it waits on, for how
 * long, when it moves on, and why it left the provider before.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AttemptProgress } from '../protocol/attempt-progress';

/** A provider being asked, and when the chat heard of it (its own clock). */
export interface Waiting {
  progress: AttemptProgress;
  since: number;
}

const wholeSeconds = (ms: number) => `${Math.round(ms / 1000)} s`;

const OUTCOMES: Record<string, string> = {
  timeout: 'did not answer in',
  unreachable: 'could not be reached',
  rate_limit: 'is rate-limited',
  quota_exhausted: 'is out of quota for today',
};

function movedOn(previous: NonNullable<AttemptProgress['previous']>, next: string): string {
  const why = OUTCOMES[previous.outcome] ?? `failed (${previous.outcome.replaceAll('_', ' ')})`;
  return previous.outcome === 'timeout'
    ? `${previous.provider} ${why} ${wholeSeconds(previous.afterMs)}, trying ${next}.`
    : `${previous.provider} ${why}, trying ${next}.`;
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
        Waiting for {provider}… {wholeSeconds(Math.max(0, now - waiting.since))}
        <span class="chat-waiting-limit"> · moves on after {wholeSeconds(firstByteTimeoutMs)}</span>
      </div>
    </div>
  );
}
