/**
 * @module One error family for the whole engine. Every error carries the OpenAI error body and
 * an HTTP status, so any host can answer a caller with it; upstream failures also carry a `kind`
 * that drives failover. Code recognises errors by `kind`/`status`, which survive JSON across ports.
 * FreeLLM's own errors are built from the table in error-codes.ts; a provider's keep its code.
 */
import { z } from 'zod';
import {
  ERROR_CODES,
  TYPE_BY_KIND,
  type ErrorCode,
  type ErrorCodeEntry,
  type UpstreamErrorKind,
} from './error-codes';

export type { UpstreamErrorKind } from './error-codes';

export const openAIErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable(),
    code: z.string().nullable(),
  }),
});
export type OpenAIErrorBody = z.infer<typeof openAIErrorBodySchema>;

/**
 * What a page needs to word an error itself, in its user's language: `reason` picks among a code's
 * cases (for a field that does not parse, zod's issue code or the schema's own), and the values the
 * English message carries (a number, a site). Never a secret.
 */
export type ErrorValues = Record<string, string | number>;

export interface FreeLLMErrorInit {
  status: number;
  message: string;
  type: string;
  code?: string | null;
  param?: string | null;
  kind?: UpstreamErrorKind;
  provider?: string;
  retryAfterMs?: number;
  values?: ErrorValues;
  cause?: unknown;
}

export class FreeLLMError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly kind?: UpstreamErrorKind;
  readonly provider?: string;
  readonly retryAfterMs?: number;
  readonly values?: ErrorValues;

  constructor(init: FreeLLMErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'FreeLLMError';
    this.status = init.status;
    this.type = init.type;
    this.code = init.code ?? null;
    this.param = init.param ?? null;
    this.kind = init.kind;
    this.provider = init.provider;
    this.retryAfterMs = init.retryAfterMs;
    this.values = init.values;
  }

  toBody(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export interface UpstreamFailure {
  /** The provider's own status; what callers see may differ (below). */
  status: number;
  kind: UpstreamErrorKind;
  provider: string;
  /** The provider's own code, kept where OpenAI has no word of its own. */
  code: string;
  message: string;
  retryAfterMs?: number;
}

/**
 * A provider's failure in OpenAI's words, whichever family it came from, so callers handle one
 * vocabulary: a refused key is a 401 (Gemini answers 400 `API_KEY_INVALID`, Cohere 498), a
 * prompt too long is `context_length_exceeded` (Anthropic says `request_too_large`, Gemini
 * `INVALID_ARGUMENT`), and the `type` follows the kind. The provider's own words stay in the message.
 */
export function upstreamError(failure: UpstreamFailure): FreeLLMError {
  return new FreeLLMError({
    ...failure,
    status: failure.kind === 'auth' ? 401 : failure.status,
    type: TYPE_BY_KIND[failure.kind],
    code: failure.kind === 'context_length' ? ('context_length_exceeded' satisfies ErrorCode) : failure.code,
  });
}

export function isFreeLLMError(value: unknown): value is FreeLLMError {
  return value instanceof FreeLLMError;
}

/** What an error adds to its code's entry: the field it names, the provider, when to come back, its values. */
export interface ErrorDetails {
  param?: string | null;
  provider?: string;
  retryAfterMs?: number;
  values?: ErrorValues;
  cause?: unknown;
}

/** One of FreeLLM's own errors, its status, type and kind as the table gives them for `code`. */
export function errorWithCode(code: ErrorCode, message: string, details: ErrorDetails = {}): FreeLLMError {
  const entry: ErrorCodeEntry = ERROR_CODES[code];
  return new FreeLLMError({
    ...details,
    status: entry.status,
    type: entry.type,
    kind: entry.kind,
    code,
    message,
  });
}

/** The 400 for input that does not parse; `param` names the field. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  values?: ErrorValues,
): FreeLLMError {
  return errorWithCode('invalid_request', message, { param, values });
}

/** The same failure (status, type, code, kind, provider) in other words, e.g. saying where it happened. */
export function retold(error: FreeLLMError, message: string, details: ErrorDetails = {}): FreeLLMError {
  const { status, type, code, kind, provider, param, retryAfterMs } = error;
  return new FreeLLMError({ status, type, code, kind, provider, param, retryAfterMs, ...details, message });
}

/** Wraps anything thrown into a FreeLLMError, so no host ever answers with a bare exception. */
export function toFreeLLMError(error: unknown): FreeLLMError {
  if (isFreeLLMError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return errorWithCode('aborted', 'The request was aborted.');
  }
  return errorWithCode(
    'internal_error',
    `FreeLLM internal error: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
