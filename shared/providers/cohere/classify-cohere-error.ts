/**
 * @module Turns a Cohere error answer (`{"message": "…"}`) into a FreeLLMError. Cohere's statuses
 * mostly mean what OpenAI's do, so the generic classifier does the work (401 auth, 402 credits,
 * 429 rate limit, 400/422 request or context length by message, 503 overloaded, 5xx server,
 * HTML and empty bodies); two Cohere specifics are added on top: 498 is an invalid token, and a
 * 429 about the trial key's monthly call limit ("1000 API calls / month") is a spent quota.
 * @see https://docs.cohere.com/reference/errors
 */
import { errorTypeForKind, FreeLLMError } from '../../openai/error';
import { classifyOpenAICompatibleError, type UpstreamErrorAnswer } from '../openai-compatible/classify-openai-compatible-error';

const MONTHLY_PATTERN = /\/\s*month|per month|monthly/i;

export function classifyCohereError(answer: UpstreamErrorAnswer): FreeLLMError {
  const error = classifyOpenAICompatibleError(answer);
  if (answer.status === 498) return withKind(error, 'auth');
  if (answer.status === 429 && MONTHLY_PATTERN.test(error.message)) return withKind(error, 'quota_exhausted');
  return error;
}

function withKind(error: FreeLLMError, kind: 'auth' | 'quota_exhausted'): FreeLLMError {
  return new FreeLLMError({ status: error.status, kind, type: errorTypeForKind(kind), code: kind, provider: error.provider, message: error.message, retryAfterMs: error.retryAfterMs });
}
