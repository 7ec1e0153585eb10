/**
 * @module The answer when a request could not be served: OpenAI's error shape with the attempts
 * made (provider, model, outcome) and, when something only has to free up, `Retry-After` set to
 * the earliest moment a candidate — attempted or skipped while cooling down — can serve again.
 */
import { toFreeLLMError } from '../openai/error';
import type { Attempt } from '../request-log/request-log-entry';
import { AttemptsFailed } from './run-attempts';

export interface FailureAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  attempts: Attempt[];
}

/** Statuses worth retrying later, as openai-node decides (408/409/429/5xx). */
const retryable = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;

export function failureAnswer(thrown: unknown, requestId: string): FailureAnswer {
  const failed = thrown instanceof AttemptsFailed ? thrown : undefined;
  const error = failed?.error ?? toFreeLLMError(thrown);
  const attempts = failed?.attempts ?? [];
  const headers: Record<string, string> = {
    'x-request-id': requestId,
    'x-freellm-attempts': String(attempts.length),
  };
  if (error.retryAfterMs !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  if (failed) headers['x-should-retry'] = String(retryable(error.status));
  const body = error.toBody();
  if (!failed) return { status: error.status, headers, body, attempts };
  const skipped = failed.waiting
    .filter((item) => Number.isFinite(item.freeAt))
    .map((item) => ({
      provider: item.candidate.provider.id,
      model: item.candidate.model,
      outcome: 'cooling_down',
      freeAt: item.freeAt,
    }));
  const tried = attempts.map(({ provider, model, outcome }) => ({ provider, model, outcome }));
  return {
    status: error.status,
    headers,
    body: { error: { ...body.error, attempts: [...tried, ...skipped] } },
    attempts,
  };
}
