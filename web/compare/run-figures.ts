/** @module The figures a compare column shows for one answer, from the moments it was timed at. */
import { t } from '../../shared/i18n/t';

export interface RunTimes {
  startedAt: number;
  /** When the first text arrived; undefined while none has. */
  firstTokenAt?: number;
  endedAt?: number;
  /** As the provider counted them (the stream's usage); null when it did not say. */
  completionTokens?: number | null;
}

export interface RunFigures {
  firstTokenMs?: number;
  /** Generation speed: tokens over the time from the first one to the end. */
  tokensPerSecond?: number;
}

export function runFiguresOf(times: RunTimes): RunFigures {
  const { startedAt, firstTokenAt, endedAt, completionTokens } = times;
  if (firstTokenAt === undefined) return {};
  const firstTokenMs = firstTokenAt - startedAt;
  if (endedAt === undefined || !completionTokens) return { firstTokenMs };
  // An answer that came in one piece has no generation time of its own: its whole time counts.
  const generationMs = endedAt - firstTokenAt || endedAt - startedAt;
  return generationMs > 0
    ? { firstTokenMs, tokensPerSecond: (completionTokens * 1000) / generationMs }
    : { firstTokenMs };
}

export const formatSeconds = (ms: number) => t('seconds', (ms / 1000).toFixed(2));
export const formatRate = (perSecond: number) =>
  t('compareTokensPerSecond', perSecond < 10 ? perSecond.toFixed(1) : String(Math.round(perSecond)));
