/**
 * @module A logged request in the dashboard's plain words: how it ended, and each provider asked
 * in turn ("Groq: rate limit reached (120 ms), moved to Gemini: answered (900 ms)"). The page's
 * table and the CSV export say the same.
 */
import type { Attempt } from '../../../shared/request-log/request-log-entry';
import type { RequestOutcome } from '../../../shared/request-log/request-outcome';
import { outcomeWords } from '../../../shared/ui/outcome-words';

export const OUTCOME_WORDS: Record<RequestOutcome, string> = {
  answered: 'answered',
  moved: 'answered after moving on',
  cached: 'answered from the cache',
  failed: 'not answered',
};

export function attemptsInWords(attempts: Attempt[], providerName: (id: string) => string): string {
  return attempts
    .map(
      (attempt) =>
        `${providerName(attempt.provider)}: ${outcomeWords(attempt.outcome)} (${Math.round(attempt.latencyMs)} ms)`,
    )
    .join(', moved to ');
}
