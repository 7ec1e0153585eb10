/**
 * @module Whether one request may be answered from the cache and whether its answer may be kept.
 * Sampled requests (high temperature, several choices) want a new answer each time, so they are
 * neither read nor stored unless the user or the request opts in. See docs/cache.md.
 */
import type { ChatCompletionRequest } from '../openai/chat';
import { readFreeLLMOptions } from '../openai/freellm-options';

export interface CachePolicySettings {
  /** Requests with a temperature above this are not cached unless opted in. Default 1. */
  maxTemperature?: number;
  /** The user's opt-in: cache sampled requests (high temperature, `n > 1`) too. Default false. */
  cacheSampled?: boolean;
}

export interface CachePolicy {
  /** Answer from the cache, or join an identical request already in flight. */
  read: boolean;
  /** Keep the answer, and let identical requests that arrive meanwhile join this one. */
  write: boolean;
  reason: 'default' | 'no-store' | 'refresh' | 'sampled' | 'always';
}

export type RequestHeaders = Headers | Record<string, string | undefined>;

const DEFAULT_MAX_TEMPERATURE = 1;

/**
 * Reads `Cache-Control` (`no-store`: neither read nor keep; `no-cache`: fresh answer, then keep)
 * and the body's `freellm.cache`. Throws a 400 FreeLLMError when `freellm` is malformed.
 */
export function cachePolicyFor(
  request: ChatCompletionRequest,
  headers: RequestHeaders | undefined,
  settings: CachePolicySettings = {},
): CachePolicy {
  const option = readFreeLLMOptions(request.freellm).cache;
  const directives = cacheControl(headers);
  if (option === 'no-store' || directives.has('no-store'))
    return { read: false, write: false, reason: 'no-store' };
  const sampled =
    (request.temperature ?? 0) > (settings.maxTemperature ?? DEFAULT_MAX_TEMPERATURE) || (request.n ?? 1) > 1;
  const optedIn = option === 'always' || settings.cacheSampled === true;
  if (sampled && !optedIn) return { read: false, write: false, reason: 'sampled' };
  if (option === 'refresh' || directives.has('no-cache'))
    return { read: false, write: true, reason: 'refresh' };
  return { read: true, write: true, reason: option === 'always' ? 'always' : 'default' };
}

/** For answers that sampling cannot change (embeddings): only the caller's `Cache-Control` decides. */
export function headerCachePolicy(headers: RequestHeaders | undefined): CachePolicy {
  const directives = cacheControl(headers);
  if (directives.has('no-store')) return { read: false, write: false, reason: 'no-store' };
  if (directives.has('no-cache')) return { read: false, write: true, reason: 'refresh' };
  return { read: true, write: true, reason: 'default' };
}

/** The request without our own `freellm` field, which no provider must ever see. */
export function withoutCacheOptions(request: ChatCompletionRequest): ChatCompletionRequest {
  if (!('freellm' in request)) return request;
  const { freellm: _freellm, ...rest } = request;
  return rest as ChatCompletionRequest;
}

function cacheControl(headers: RequestHeaders | undefined): Set<string> {
  let value: string | undefined | null;
  if (headers instanceof Headers) value = headers.get('cache-control');
  else if (headers)
    value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'cache-control')?.[1];
  return new Set(
    (value ?? '')
      .split(',')
      .map((directive) => directive.trim().toLowerCase())
      .filter(Boolean),
  );
}
