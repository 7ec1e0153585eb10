/**
 * @module Turns Anthropic's error answers — an HTTP error with `{type:"error",error:{type,message}}`,
 * or an `error` event inside a 200 stream — into FreeLLMErrors whose `kind` tells the router what
 * to do. Anthropic reports running out of credits as a 400 `invalid_request_error`, so the message
 * is read as well as the status.
 * @see https://docs.anthropic.com/en/api/errors
 */
import { upstreamError, type FreeLLMError, type UpstreamErrorKind } from '../../openai/error';
import { describeNonJsonBody, parseJsonOrUndefined } from '../error-body';
import { readRetryAfterMs } from '../retry-after';
import type { ErrorClassifier } from '../upstream-fetch';
import { anthropicErrorDataSchema } from './anthropic-api';
import { identityOf, type ProviderIdentity } from '../types';

interface ParsedError {
  type?: string;
  message?: string;
  errorCode?: string;
}

/** The documented status of each error type, for errors that arrive inside a 200 stream. */
const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

// "Your credit balance is too low…" (400), "You have reached your specified API usage limits…" (400).
const CREDITS_PATTERN = /credit balance|usage limits|spend limit/i;
const CONTEXT_PATTERN = /prompt is too long|context window|too many tokens/i;
const REGAIN_ACCESS_PATTERN = /regain access on (\d{4}-\d{2}-\d{2}) at (\d{2}:\d{2}) UTC/;

function parseError(text: string): ParsedError | undefined {
  const parsed = anthropicErrorDataSchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success || !parsed.data.error) return undefined;
  const { type, message, details } = parsed.data.error;
  return {
    type: type ?? undefined,
    message: message ?? undefined,
    errorCode: details?.error_code ?? undefined,
  };
}

function kindOf(status: number, error: ParsedError | undefined): UpstreamErrorKind {
  const message = error?.message ?? '';
  if (status === 402 || error?.errorCode === 'enforced_spend_limit_reached' || CREDITS_PATTERN.test(message))
    return 'credits_exhausted';
  if (status === 429) return 'rate_limit';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413 || CONTEXT_PATTERN.test(message)) return 'context_length';
  if (status === 503 || status === 504 || status === 529) return 'overloaded';
  if (status >= 500) return 'server';
  return 'request';
}

/** A monthly spend limit names the day access returns; that is when the key is worth trying again. */
function readRegainAccessMs(message: string | undefined, now: number): number | undefined {
  const match = message === undefined ? null : REGAIN_ACCESS_PATTERN.exec(message);
  if (!match) return undefined;
  const at = Date.parse(`${match[1]}T${match[2]}:00Z`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

interface ErrorContext extends ProviderIdentity {
  status: number;
  bodyText: string;
  /** How the failure reached us, for the message: "answered HTTP 429", "failed mid-stream". */
  how: string;
  retryAfterMs: number | undefined;
  now: number;
}

function toError({
  status,
  bodyText,
  how,
  retryAfterMs,
  providerId,
  providerName,
  now,
}: ErrorContext): FreeLLMError {
  const error = parseError(bodyText);
  const kind = kindOf(status, error);
  const detail = error?.message
    ? `${error.type ?? 'error'}: ${error.message}`
    : describeNonJsonBody(bodyText);
  return upstreamError({
    status,
    kind,
    provider: providerId,
    code: error?.errorCode ?? error?.type ?? kind,
    message: `${providerName} ${how}: ${detail}`,
    retryAfterMs: retryAfterMs ?? readRegainAccessMs(error?.message, now),
  });
}

/** For an HTTP error answer; matches `fetchUpstream`'s classifier signature. */
export const classifyAnthropicError: ErrorClassifier = ({ status, headers, bodyText, now, ...who }) =>
  toError({
    status,
    bodyText,
    how: `answered HTTP ${status}`,
    retryAfterMs: readRetryAfterMs(headers, now),
    ...identityOf(who),
    now,
  });

/** For an `error` event after the stream began (e.g. `overloaded_error`): its type gives the status. */
export function classifyAnthropicStreamError(
  eventData: string,
  who: ProviderIdentity,
  now: number,
): FreeLLMError {
  const status = STATUS_BY_TYPE[parseError(eventData)?.type ?? ''] ?? 502;
  return toError({
    status,
    bodyText: eventData,
    how: 'failed mid-stream',
    retryAfterMs: undefined,
    ...identityOf(who),
    now,
  });
}
