/**
 * @module The one place adapters call `fetch` and read what comes back: network failures and
 * unparseable bodies become classified FreeLLMErrors, aborts stay aborts, and an error answer is
 * handed to the adapter's own classifier.
 */
import type { z } from 'zod';
import { errorWithCode, FreeLLMError } from '../openai/error';
import { headersFromErrorMetadata } from './rate-limits/headers-from-error-metadata';
import { identityOf, type AdapterCall, type ModelListCall, type ProviderIdentity } from './types';
import { firstIssue } from '../openai/parse-or-invalid-request';

export type ErrorClassifier = (
  answer: ProviderIdentity & { status: number; headers: Headers; bodyText: string; now: number },
) => FreeLLMError;

export async function fetchUpstream(
  call: Omit<AdapterCall, 'model'>,
  url: string,
  init: RequestInit,
  classify: ErrorClassifier,
): Promise<Response> {
  let response: Response;
  try {
    response = await call.fetch(url, { ...init, signal: call.signal });
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason ?? error;
    throw errorWithCode(
      'upstream_unreachable',
      `${call.providerName} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      { provider: call.providerId, cause: error },
    );
  }
  call.onRateLimitHeaders?.(response.headers);
  if (response.ok) return response;
  const bodyText = await response.text().catch(() => '');
  // OpenRouter states its limits inside the 429 body rather than in headers.
  const stated = headersFromErrorMetadata(bodyText);
  if ([...stated.keys()].length > 0) call.onRateLimitHeaders?.(stated);
  throw classify({
    status: response.status,
    headers: response.headers,
    bodyText,
    ...identityOf(call),
    now: call.now(),
  });
}

export function malformedUpstream(who: ProviderIdentity, what: string, cause?: unknown): FreeLLMError {
  return errorWithCode('upstream_malformed', `${who.providerName} sent ${what}`, {
    provider: who.providerId,
    cause,
  });
}

/**
 * Reads a 2xx answer's body as JSON of `schema`'s shape. A body that cannot be read, is not JSON
 * or does not fit is a malformed answer (`mismatch` says what it should have been); an abort
 * while reading stays an abort.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  call: ProviderIdentity & Pick<AdapterCall, 'signal'>,
  mismatch = 'a response of unexpected shape',
): Promise<z.output<Schema>> {
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason ?? error;
    throw malformedUpstream(call, 'a response that is not JSON', error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw malformedUpstream(call, `${mismatch}: ${firstIssue(parsed.error).message}`);
  return parsed.data;
}

/**
 * GETs a provider's model list with the family's headers, read as `schema`; a refusal is
 * classified as the family's chat requests are (Gemini's refused key is a 400 `API_KEY_INVALID`).
 */
export async function fetchModelList<Schema extends z.ZodType>(
  call: ModelListCall,
  headers: Record<string, string>,
  classify: ErrorClassifier,
  schema: Schema,
): Promise<z.output<Schema>> {
  const url = call.endpoint.startsWith('/')
    ? `${call.baseURL}${call.endpoint}`
    : new URL(call.endpoint, `${call.baseURL}/`).href;
  const response = await fetchUpstream(call, url, { method: 'GET', headers }, classify);
  return readJsonBody(response, schema, call, 'a model list of unexpected shape');
}
