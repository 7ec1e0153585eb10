/**
 * @module The plain words every page shows for how a call went (a request-log attempt, a cooldown
 * reason, a model's last error), instead of the router's internal codes.
 */
import { t, type MessageKey } from '../i18n/t';
import type { UpstreamErrorKind } from '../openai/error';

const WORDS: Record<UpstreamErrorKind | 'ok', MessageKey> = {
  ok: 'outcomeAnswered',
  rate_limit: 'outcomeRateLimit',
  quota_exhausted: 'outcomeQuotaExhausted',
  credits_exhausted: 'outcomeCreditsExhausted',
  auth: 'outcomeKeyRefused',
  forbidden: 'outcomeAccessRefused',
  overloaded: 'outcomeOverloaded',
  server: 'outcomeProviderError',
  timeout: 'outcomeTimeout',
  unreachable: 'outcomeUnreachable',
  context_length: 'outcomePromptTooLong',
  request: 'outcomeRequestRefused',
  not_found: 'outcomeModelNotFound',
};

/** Codes from outside that list (an error `type` such as `request_aborted`) read with spaces. */
export function outcomeWords(outcome: string): string {
  return Object.hasOwn(WORDS, outcome)
    ? t(WORDS[outcome as keyof typeof WORDS])
    : outcome.replaceAll('_', ' ');
}
