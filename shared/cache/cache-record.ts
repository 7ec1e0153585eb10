/**
 * @module The shape of one cached answer in the `cache` table. Records are parsed on read: an
 * entry written by an older version, or damaged, is a miss (and is deleted), never a crash.
 */
import { z } from 'zod';
import { chatCompletionSchema } from '../openai/chat';

export const cacheRecordSchema = z.object({
  key: z.string(),
  completion: chatCompletionSchema,
  /** The routing headers of the call that produced the answer (provider, model, attempts). */
  headers: z.record(z.string(), z.string()),
  /** Approximate size: the answer's JSON length in UTF-16 bytes. */
  bytes: z.number().int().nonnegative(),
  createdAt: z.number(),
  expiresAt: z.number(),
  lastUsedAt: z.number(),
});
export type CacheRecord = z.infer<typeof cacheRecordSchema>;

/** How much an answer weighs in the caps: its JSON in UTF-16 bytes, as JavaScript holds it. */
export function answerBytes(json: string): number {
  return json.length * 2;
}
