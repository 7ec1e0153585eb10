/** @module Public surface of rate-limit header parsing: one snapshot shape for every provider. */
export {
  parseRateLimitHeaders,
  RATE_LIMIT_HEADER_FAMILIES,
  type RateLimitHeaderFamily,
} from './parse-rate-limit-headers';
export { headersFromErrorMetadata } from './headers-from-error-metadata';
export { parseDurationMs } from './parse-reset-value';
export type {
  RateLimitPeriod,
  RateLimitQuantity,
  RateLimitSnapshot,
  RateLimitWindow,
  RateLimitWindows,
} from './rate-limit-snapshot';
