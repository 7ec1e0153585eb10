/** @module Which web origins may use the user's pooled keys, how, and how much. */
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
    context.addIssue({
      code: 'custom',
      message: `"${value}" is not an http(s) origin such as https://example.com`,
      params: { reason: 'not_an_origin', typed: value },
    });
    return z.NEVER;
  });

export const originLimitsSchema = z.object({
  requestsPerMinute: z.number().int().positive().nullable().default(null),
  requestsPerDay: z.number().int().positive().nullable().default(null),
});
export type OriginLimits = z.infer<typeof originLimitsSchema>;

/** Fixed windows: cheap to keep per request, and plain to explain ("60 this minute"). */
export const originUsageSchema = z.object({
  minuteStart: z.number(),
  minuteCount: z.number(),
  dayStart: z.number(),
  dayCount: z.number(),
});
export type OriginUsage = z.infer<typeof originUsageSchema>;

export const originGrantSchema = z.object({
  origin: z.string(),
  grantedAt: z.number(),
  /** `always` until revoked; `tabs` only for the listed tabs (the user chose "Allow once"). */
  scope: z.enum(['always', 'tabs']).default('always'),
  tabIds: z.array(z.number()).default([]),
  /** Embedded frames of this origin may call too (top frames only by default). */
  allowFrames: z.boolean().default(false),
  limits: originLimitsSchema.default({ requestsPerMinute: null, requestsPerDay: null }),
  usage: originUsageSchema.optional(),
});
export type OriginGrant = z.infer<typeof originGrantSchema>;
