/** @module Which web origins may use the user's pooled keys. */
import { z } from 'zod';

/** Accepts `https://example.com` or a URL on it, and returns the bare origin. */
export const originSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // reported below
    }
    context.addIssue({ code: 'custom', message: `"${value}" is not an http(s) origin such as https://example.com` });
    return z.NEVER;
  });

export const originGrantSchema = z.object({
  origin: z.string(),
  grantedAt: z.number(),
});
export type OriginGrant = z.infer<typeof originGrantSchema>;
