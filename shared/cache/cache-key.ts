/**
 * @module The cache key: an HMAC-SHA-256, under a secret only the unlocked vault opens, of the
 * caller's partition and the request reduced to what can change the answer. Field order, null
 * fields and transport-only fields (`stream`, `stream_options`, `user`, our own `freellm` options)
 * are ignored, so a streamed and a non-streamed request share one entry. A plain hash would let
 * whoever copies the profile confirm a guessed prompt by hashing it; the secret prevents that.
 */
import type { ChatCompletionRequest } from '../openai/chat';

/** Fields that say how or for whom to deliver an answer, not what the answer is. */
const DELIVERY_FIELDS = new Set([
  'stream',
  'stream_options',
  'user',
  'freellm',
  'metadata',
  'store',
  'service_tier',
  'prompt_cache_key',
  'safety_identifier',
]);

/** Bumped when the normalization changes, so old entries stop matching instead of lying. */
const KEY_VERSION = 2;

/**
 * The request as the cache sees it: answer-changing fields only, the model replaced by the one the
 * router resolved it to, `n: 1` dropped (it is the default). Unknown fields are kept, since the
 * adapters pass them to the provider and they may change the answer.
 */
export function normalizeRequest(
  request: ChatCompletionRequest,
  model: string = request.model,
): Record<string, unknown> {
  const normalized: Record<string, unknown> = { v: KEY_VERSION };
  for (const [field, value] of Object.entries(request)) {
    if (DELIVERY_FIELDS.has(field) || value === null || value === undefined) continue;
    if (field === 'n' && value === 1) continue;
    normalized[field] = value;
  }
  normalized.model = model;
  return normalized;
}

/** JSON with object keys sorted and null/undefined members dropped, so equal requests print equally. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const members: string[] = [];
  for (const field of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[field];
    if (member === null || member === undefined) continue;
    members.push(`${JSON.stringify(field)}:${stableStringify(member)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * Who a cached answer belongs to: a page's origin as the browser reported it, or `extension` for
 * the extension's own pages (never an origin: page origins are http(s) URLs).
 */
export type CachePartition = string;

export type CacheKeyFor = (
  request: ChatCompletionRequest,
  partition: CachePartition,
  model?: string,
) => Promise<string>;

/** The key of anything else kept per caller (an embedding: its model and text). */
export type DataKeyFor = (data: Record<string, unknown>, partition: CachePartition) => Promise<string>;

/**
 * Returns the key function: `hmac:<hex>` of the partition and the data, kept apart (an array,
 * not a merged object), so no body field can pose as another caller's partition.
 */
export function createDataKey(crypto: Crypto, secret: () => Promise<CryptoKey>): DataKeyFor {
  const encoder = new TextEncoder();
  return async (data, partition) => {
    const text = stableStringify([partition, data]);
    const digest = await crypto.subtle.sign('HMAC', await secret(), encoder.encode(text));
    let hex = '';
    for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
    return `hmac:${hex}`;
  };
}

/** The key of a chat request: its normalized form (see above) as the data. */
export function createCacheKey(crypto: Crypto, secret: () => Promise<CryptoKey>): CacheKeyFor {
  const keyOf = createDataKey(crypto, secret);
  return (request, partition, model) => keyOf(normalizeRequest(request, model), partition);
}
