/** @module One row of the `keyNotices` table: why the router disabled a key. */
import { z } from 'zod';

/** What the provider answered when the router turned the key off. */
export const keyRefusalSchema = z.object({
  kind: z.enum(['auth', 'credits_exhausted']),
  status: z.number().int(),
  /** The provider's error code, such as `invalid_api_key`. */
  code: z.string().optional(),
});
export type KeyRefusal = z.infer<typeof keyRefusalSchema>;

export const keyNoticeSchema = z.object({
  keyId: z.string(),
  providerId: z.string(),
  /** Stored as what happened, not as words, so each page says it in the user's language. */
  refusal: keyRefusalSchema.optional(),
  /** English words that versions before `refusal` stored; still shown as they are. Never contains the key. */
  reason: z.string().optional(),
  at: z.number(),
});
export type KeyNotice = z.infer<typeof keyNoticeSchema>;

/** Why a key is off, as a page reads it: the refusal, or the words stored before there was one. */
export type KeyDisabledBecause = Pick<KeyNotice, 'refusal' | 'reason'>;
