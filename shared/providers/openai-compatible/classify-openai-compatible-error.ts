/**
 * @module Turns an OpenAI-compatible provider's error answer (status, headers, body — JSON or
 * not) into a FreeLLMError whose `kind` tells the router what to do.
 * @see https://platform.openai.com/docs/guides/error-codes
 */
import { z } from 'zod';
import { upstreamError, type FreeLLMError, type UpstreamErrorKind } from '../../openai/error';
import { describeNonJsonBody, parseJsonOrUndefined } from '../error-body';
import { readRetryAfterMs } from '../retry-after';
import { headersFromErrorMetadata, parseRateLimitHeaders } from '../rate-limits';
import type { ProviderIdentity } from '../types';

// Loose on purpose: providers disagree on the envelope (`{error:{…}}`, `{message}`, `{detail}`).
const errorEnvelopeSchema = z.looseObject({
  error: z
    .union([
      z.string(),
      z.looseObject({
        message: z.string().nullish(),
        type: z.string().nullish(),
        code: z.union([z.string(), z.number()]).nullish(),
        param: z.string().nullish(),
      }),
    ])
    .nullish(),
  message: z.string().nullish(),
  detail: z.unknown().nullish(),
});

interface ParsedErrorBody {
  message?: string;
  type?: string;
  code?: string;
}

function parseErrorBody(text: string): ParsedErrorBody | undefined {
  const parsed = errorEnvelopeSchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return undefined;
  const { error, message, detail } = parsed.data;
  if (typeof error === 'string') return { message: error };
  return {
    message: error?.message ?? message ?? (typeof detail === 'string' ? detail : undefined),
    type: error?.type ?? undefined,
    code: error?.code === undefined || error.code === null ? undefined : String(error.code),
  };
}

// `free-models-per-day` is OpenRouter's daily free-model cap.
const DAILY_PATTERN = /per day|per-day|daily|\bRPD\b|\bTPD\b|requests per day|tokens per day/i;
const CONTEXT_PATTERN = /context length|context window|maximum context|too many tokens|prompt is too long/i;

/**
 * A model the provider has shut down, said in a 400: Groq's `model_decommissioned` ("The model
 * `…` has been decommissioned and is no longer supported"), Mistral's `invalid_model`.
 */
const GONE_CODES = new Set(['model_decommissioned', 'model_not_found', 'invalid_model']);
const GONE_PATTERN = /\bmodel\b.*\b(decommissioned|no longer (supported|available)|does not exist)\b/i;

function kindOf(status: number, body: ParsedErrorBody | undefined): UpstreamErrorKind {
  const code = body?.code ?? '';
  const text = `${body?.message ?? ''} ${body?.type ?? ''}`;
  if (code === 'insufficient_quota' || status === 402) return 'credits_exhausted';
  if (status === 429) return DAILY_PATTERN.test(text) ? 'quota_exhausted' : 'rate_limit';
  if (status === 401 || code === 'invalid_api_key') return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410 || GONE_CODES.has(code) || GONE_PATTERN.test(text)) return 'not_found';
  if (code === 'context_length_exceeded' || status === 413 || CONTEXT_PATTERN.test(text))
    return 'context_length';
  if (status === 408 || status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'server';
  return 'request';
}

export interface UpstreamErrorAnswer extends ProviderIdentity {
  status: number;
  headers: Headers;
  bodyText: string;
  now: number;
}

export function classifyOpenAICompatibleError(answer: UpstreamErrorAnswer): FreeLLMError {
  const body = parseErrorBody(answer.bodyText);
  const kind = kindOf(answer.status, body);
  const detail = body?.message ?? describeNonJsonBody(answer.bodyText);
  return upstreamError({
    status: answer.status,
    kind,
    provider: answer.providerId,
    code: body?.code ?? kind,
    message: `${answer.providerName} answered HTTP ${answer.status}: ${detail}`,
    retryAfterMs:
      readRetryAfterMs(answer.headers, answer.now) ?? readEmbeddedResetMs(answer.bodyText, answer.now),
  });
}

/** OpenRouter names the reset of an exhausted window inside the body (`error.metadata.headers`). */
function readEmbeddedResetMs(bodyText: string, now: number): number | undefined {
  const requests = parseRateLimitHeaders('openrouter', headersFromErrorMetadata(bodyText), now).requests;
  const window = requests?.day ?? requests?.minute;
  return window?.resetAt === undefined || window.remaining !== 0
    ? undefined
    : Math.max(0, window.resetAt - now);
}
