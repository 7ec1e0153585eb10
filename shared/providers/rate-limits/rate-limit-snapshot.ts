/**
 * @module The one shape every provider's rate-limit headers are read into, so the router and
 * usage accounting never need to know which provider said what. Every field is optional: a
 * provider tells only part of the story, and an absent field means "not told", never zero.
 */

/** One limit window as a provider reported it. `resetAt` is epoch milliseconds. */
export interface RateLimitWindow {
  limit?: number;
  remaining?: number;
  resetAt?: number;
}

export type RateLimitPeriod = 'minute' | 'hour' | 'day' | 'month';

export type RateLimitWindows = Partial<Record<RateLimitPeriod, RateLimitWindow>>;

/** What is counted: requests, all tokens, or (Anthropic) input and output tokens apart. */
export type RateLimitQuantity = 'requests' | 'tokens' | 'inputTokens' | 'outputTokens';

export type RateLimitSnapshot = Partial<Record<RateLimitQuantity, RateLimitWindows>>;

/**
 * Writes one field into a snapshot, creating the quantity and window on first use; undefined
 * values (an absent or unreadable header) leave the snapshot untouched.
 */
export function setWindowField(
  snapshot: RateLimitSnapshot,
  quantity: RateLimitQuantity,
  period: RateLimitPeriod,
  field: keyof RateLimitWindow,
  value: number | undefined,
): void {
  if (value === undefined) return;
  const windows = (snapshot[quantity] ??= {});
  const window = (windows[period] ??= {});
  window[field] = value;
}
