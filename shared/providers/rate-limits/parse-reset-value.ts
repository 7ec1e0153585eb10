/**
 * @module Readers for the ways providers write numbers and reset times in headers: plain counts,
 * Go-style durations (`6m0s`, `12ms`, `2m59.56s`), bare seconds (`33011.38`), RFC 3339
 * timestamps and epoch milliseconds. Each returns undefined for anything it cannot read.
 */

/** A non-negative count such as `x-ratelimit-remaining-requests: 14370`. */
export function parseCount(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

const DURATION_UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000_001,
};
const DURATION_PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g;

/**
 * A duration in milliseconds: Go's `time.Duration` text (OpenAI, Groq) or bare seconds
 * (Cerebras, Mistral). `1h2m3s` → 3 723 000.
 * @see https://pkg.go.dev/time#ParseDuration
 */
export function parseDurationMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1_000;
  if (text === '' || text.replace(DURATION_PART, '') !== '') return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(DURATION_PART))
    total += Number(amount) * (DURATION_UNIT_MS[unit ?? ''] ?? 0);
  return total;
}

/** A reset given as a duration from now, as an epoch-ms instant. */
export function resetAfter(value: string | null, now: number): number | undefined {
  const duration = parseDurationMs(value);
  return duration === undefined ? undefined : Math.round(now + duration);
}

/** A reset given as an RFC 3339 timestamp (Anthropic), as epoch ms. */
export function resetAtTimestamp(value: string | null): number | undefined {
  if (value === null) return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : instant;
}

/** A reset given as epoch milliseconds (OpenRouter); epoch seconds are accepted too. */
export function resetAtEpoch(value: string | null): number | undefined {
  const epoch = parseCount(value);
  if (epoch === undefined) return undefined;
  // Ten digits is seconds until the year 2286; milliseconds have thirteen.
  return epoch < 1e11 ? epoch * 1_000 : epoch;
}
