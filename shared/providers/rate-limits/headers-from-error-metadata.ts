/**
 * @module OpenRouter puts the upstream rate-limit headers of a refused call inside the JSON body
 * (`error.metadata.headers`), not in the HTTP headers; this lifts them into a `Headers` object
 * so `parseRateLimitHeaders('openrouter', …)` can read them like any other answer.
 * @see https://openrouter.ai/docs/api-reference/errors
 */
import { z } from 'zod';
import { parseJsonOrUndefined } from '../error-body';

const errorMetadataSchema = z.looseObject({
  error: z.looseObject({
    metadata: z
      .looseObject({ headers: z.record(z.string(), z.union([z.string(), z.number()])).nullish() })
      .nullish(),
  }),
});

/** The headers in `error.metadata.headers`; empty when the body has none or is not JSON. */
export function headersFromErrorMetadata(bodyText: string): Headers {
  const headers = new Headers();
  const parsed = errorMetadataSchema.safeParse(parseJsonOrUndefined(bodyText));
  for (const [name, value] of Object.entries(parsed.data?.error.metadata?.headers ?? {}))
    headers.set(name, String(value));
  return headers;
}
