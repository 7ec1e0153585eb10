/**
 * @module The plain words every page shows for how a call went (a request-log attempt, a cooldown
 * reason, a model's last error), instead of the router's internal codes.
 */
import type { UpstreamErrorKind } from '../openai/error';

const WORDS: Record<UpstreamErrorKind | 'ok', string> = {
  ok: 'answered',
  rate_limit: 'rate limit reached',
  quota_exhausted: 'quota used up',
  credits_exhausted: 'out of credits',
  auth: 'key refused',
  forbidden: 'access refused',
  overloaded: 'provider overloaded',
  server: 'provider error',
  timeout: 'did not answer in time',
  unreachable: 'could not be reached',
  context_length: 'prompt too long for the model',
  request: 'request refused',
  not_found: 'model not found',
};

/** Codes from outside that list (an error `type` such as `request_aborted`) read with spaces. */
export function outcomeWords(outcome: string): string {
  return Object.hasOwn(WORDS, outcome) ? WORDS[outcome as keyof typeof WORDS] : outcome.replaceAll('_', ' ');
}
