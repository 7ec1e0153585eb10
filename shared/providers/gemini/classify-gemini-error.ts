/**
 * @module Turns a Gemini error answer into a FreeLLMError whose `kind` drives the router.
 * Gemini signals most classes in the body, not the status: a bad key is a 400 with reason
 * `API_KEY_INVALID`, a daily quota a 429 whose QuotaFailure `quotaId` says `PerDay`, and the wait
 * comes as RetryInfo `retryDelay: "37s"` (no Retry-After header).
 *
 * Decisions: 403 `SERVICE_DISABLED` (the Generative Language API is off in the key's project) is
 * `forbidden`, not `auth`: the key is valid and works once the user enables the API. Other 403s
 * naming the key (leaked, blocked, unregistered caller) are `auth`. FAILED_PRECONDITION (user
 * location, free tier not offered in the country) is `forbidden`. Bodies that are not Gemini's
 * envelope (HTML from a proxy, empty) fall back to the generic status-based classifier.
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes
 */
import { upstreamError, type FreeLLMError, type UpstreamErrorKind } from '../../openai/error';
import {
  classifyOpenAICompatibleError,
  type UpstreamErrorAnswer,
} from '../openai-compatible/classify-openai-compatible-error';
import { parseJsonOrUndefined } from '../error-body';
import { readRetryAfterMs } from '../retry-after';
import { geminiErrorBodySchema, type GeminiErrorBody } from './gemini-api';

const CONTEXT_PATTERN =
  /input token count.*exceeds|exceeds the maximum number of tokens|context (length|window)/i;
const KEY_PATTERN = /api key|leaked|unregistered callers/i;
const HOUR_MS = 3_600_000;

export function classifyGeminiError(answer: UpstreamErrorAnswer): FreeLLMError {
  const body = parseGeminiError(answer.bodyText);
  if (!body) return classifyOpenAICompatibleError(answer);
  const { error } = body;
  const reason = error.details?.find((detail) => detail.reason)?.reason ?? undefined;
  const retryDelayMs = parseDuration(error.details?.find((detail) => detail.retryDelay)?.retryDelay);
  const kind = kindOf(answer.status, error, reason, retryDelayMs);
  const hint =
    kind === 'forbidden' && reason === 'SERVICE_DISABLED'
      ? " (enable the Generative Language API in the key's Google Cloud project)"
      : '';
  return upstreamError({
    status: answer.status,
    kind,
    provider: answer.providerId,
    code: reason ?? error.status ?? kind,
    message: `${answer.providerName} answered HTTP ${answer.status}: ${error.message ?? error.status ?? 'an error without a message'}${hint}`,
    retryAfterMs: retryDelayMs ?? readRetryAfterMs(answer.headers, answer.now),
  });
}

/** Reads Gemini's error envelope, bare or wrapped in the array streaming endpoints send. */
export function parseGeminiError(text: string): GeminiErrorBody | undefined {
  const json = parseJsonOrUndefined(text);
  const parsed = geminiErrorBodySchema.safeParse(Array.isArray(json) ? json[0] : json);
  return parsed.success ? parsed.data : undefined;
}

function kindOf(
  status: number,
  error: GeminiErrorBody['error'],
  reason: string | undefined,
  retryDelayMs: number | undefined,
): UpstreamErrorKind {
  const message = error.message ?? '';
  if (status === 429 || error.status === 'RESOURCE_EXHAUSTED') {
    const daily = error.details?.some((detail) =>
      detail.violations?.some((violation) => /PerDay/i.test(violation.quotaId ?? '')),
    );
    return daily || (retryDelayMs ?? 0) >= HOUR_MS ? 'quota_exhausted' : 'rate_limit';
  }
  if (reason === 'API_KEY_INVALID' || status === 401 || error.status === 'UNAUTHENTICATED') return 'auth';
  if (status === 403 || error.status === 'PERMISSION_DENIED') {
    return reason !== 'SERVICE_DISABLED' && (reason?.startsWith('API_KEY_') || KEY_PATTERN.test(message))
      ? 'auth'
      : 'forbidden';
  }
  if (error.status === 'FAILED_PRECONDITION') return 'forbidden';
  if (status === 404 || error.status === 'NOT_FOUND') return 'not_found';
  if (CONTEXT_PATTERN.test(message)) return 'context_length';
  if (
    status === 503 ||
    status === 504 ||
    error.status === 'UNAVAILABLE' ||
    error.status === 'DEADLINE_EXCEEDED'
  )
    return 'overloaded';
  if (status >= 500) return 'server';
  return 'request';
}

/** Protobuf JSON durations: `"37s"`, `"4.35s"`. */
function parseDuration(duration: string | null | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration ?? '');
  return match?.[1] ? Math.round(Number.parseFloat(match[1]) * 1000) : undefined;
}
