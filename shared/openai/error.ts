/**
 * @module One error family for the whole engine. Every error carries the OpenAI error body and
 * an HTTP status, so any host can answer a caller with it; upstream failures also carry a `kind`
 * that drives failover. Code recognises errors by `kind`/`status`, which survive JSON across ports.
 */
import { z } from 'zod';

export const openAIErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable(),
    code: z.string().nullable(),
  }),
});
export type OpenAIErrorBody = z.infer<typeof openAIErrorBodySchema>;

/** How an upstream failure affects routing; see docs/architecture.md, "Errors". */
export type UpstreamErrorKind =
  | 'rate_limit'
  | 'quota_exhausted'
  | 'credits_exhausted'
  | 'auth'
  | 'forbidden'
  | 'overloaded'
  | 'server'
  /** The provider did not answer in time (first byte or whole attempt). */
  | 'timeout'
  /** No connection to the provider at all (fetch failed: offline, DNS, refused). */
  | 'unreachable'
  | 'context_length'
  | 'request'
  | 'not_found';

const TYPE_BY_KIND: Record<UpstreamErrorKind, string> = {
  rate_limit: 'rate_limit_error',
  quota_exhausted: 'rate_limit_error',
  credits_exhausted: 'insufficient_quota',
  auth: 'authentication_error',
  forbidden: 'permission_error',
  not_found: 'not_found_error',
  context_length: 'invalid_request_error',
  request: 'invalid_request_error',
  overloaded: 'server_error',
  server: 'server_error',
  timeout: 'server_error',
  unreachable: 'server_error',
};

export interface FreeLLMErrorInit {
  status: number;
  message: string;
  type: string;
  code?: string | null;
  param?: string | null;
  kind?: UpstreamErrorKind;
  provider?: string;
  retryAfterMs?: number;
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
    code: failure.kind === 'context_length' ? 'context_length_exceeded' : failure.code,
  });
}

export function isFreeLLMError(value: unknown): value is FreeLLMError {
  return value instanceof FreeLLMError;
}

export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): FreeLLMError {
  return new FreeLLMError({ status: 400, type: 'invalid_request_error', message, param, code });
}

/** Wraps anything thrown into a FreeLLMError, so no host ever answers with a bare exception. */
export function toFreeLLMError(error: unknown): FreeLLMError {
  if (isFreeLLMError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new FreeLLMError({
      status: 499,
      type: 'request_aborted',
      code: 'aborted',
      message: 'The request was aborted.',
    });
  }
  return new FreeLLMError({
    status: 500,
    type: 'internal_error',
    code: 'internal_error',
    message: `FreeLLM internal error: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}
