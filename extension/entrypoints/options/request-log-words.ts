/**
 * @module A logged request in the dashboard's plain words: how it ended, and each provider asked
 * in turn ("Groq: rate limit reached (120 ms), moved to Gemini: answered (900 ms)"). The page's
 * table and the CSV export say the same.
 */
import { t, type MessageKey } from '../../../shared/i18n/t';
import type { Attempt } from '../../../shared/request-log/request-log-entry';
import type { RequestOutcome } from '../../../shared/request-log/request-outcome';
import { outcomeWords } from '../../../shared/ui/outcome-words';

const OUTCOMES: Record<RequestOutcome, MessageKey> = {
  answered: 'logOutcomeAnswered',
  moved: 'logOutcomeMoved',
  cached: 'logOutcomeCached',
  failed: 'logOutcomeFailed',
};

/** Every outcome a request can have, in the order the filter lists them. */
export const REQUEST_OUTCOMES = Object.keys(OUTCOMES) as RequestOutcome[];

export const requestOutcomeWords = (outcome: RequestOutcome) => t(OUTCOMES[outcome]);

/** Each attempt joins the words before it as one message, so a translation orders the whole sentence. */
export function attemptsInWords(attempts: Attempt[], providerName: (id: string) => string): string {
  const [first = '', ...rest] = attempts.map((attempt) =>
    t(
      'logAttempt',
      providerName(attempt.provider),
      outcomeWords(attempt.outcome),
      t('milliseconds', String(Math.round(attempt.latencyMs))),
    ),
  );
  return rest.reduce((before, next) => t('logMovedTo', before, next), first);
}
