/**
 * @module The cache's public surface: the response cache (memory + IndexedDB, with in-flight
 * de-duplication and counters), the request policy, and the completion/chunk conversions the
 * engine needs to answer a streamed request from a whole answer and the other way round.
 */
export {
  createResponseCache,
  type CachedAnswer,
  type CacheSettings,
  type CacheStats,
  type ResponseCache,
  type ResponseCacheOptions,
} from './response-cache';
export {
  cachePolicyFor,
  withoutCacheOptions,
  type CachePolicy,
  type CachePolicySettings,
  type RequestHeaders,
} from './cache-policy';
export { createCacheKey, normalizeRequest } from './cache-key';
export {
  createInflight,
  type Inflight,
  type RunOptions,
  type SharedAnswer,
  type UpstreamSource,
} from './inflight';
export { assembleCompletion, replayAsChunks } from './completion-chunks';
