/**
 * @module Turns a Cohere error answer (`{"message": "…"}`) into a FreeLLMError. Cohere's statuses
 * mostly mean what OpenAI's do, so the generic classifier does the work (401 auth, 402 credits,
 * 429 rate limit, 400/422 request or context length by message, 503 overloaded, 5xx server,
 * HTML and empty bodies); two Cohere specifics are added on top: 498 is an invalid token, and a
 * 429 about the trial key's monthly call limit ("1000 API calls / month") is a spent quota.
 * @see https://docs.cohere.com/reference/errors
 */
import { upstreamError, type FreeLLMError } from '../../openai/error';
import {
  classifyOpenAICompatibleError,
  type UpstreamErrorAnswer,
} from '../openai-compatible/classify-openai-compatible-error';

const MONTHLY_PATTERN = /\/\s*month|per month|monthly/i;

export function classifyCohereError(answer: UpstreamErrorAnswer): FreeLLMError {
  const error = classifyOpenAICompatibleError(answer);
  const withKind = (kind: 'auth' | 'quota_exhausted') =>
    upstreamError({
      status: answer.status,
      kind,
      code: kind,
      provider: answer.providerId,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    });
  if (answer.status === 498) return withKind('auth');
  if (answer.status === 429 && MONTHLY_PATTERN.test(error.message)) return withKind('quota_exhausted');
  return error;
}
