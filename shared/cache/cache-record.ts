/**
 * @module The shape of one cached answer: in the `cache` table, the answer and its routing headers
 * sealed by the vault (they hold what people asked and were told) beside the clear bookkeeping the
 * caps need. Records are parsed on read: an entry written by an older version (unsealed), or
 * damaged, is a miss (and is deleted), never a crash.
 */
import { z } from 'zod';
import { chatCompletionSchema } from '../openai/chat';
import { sealedSchema, type Sealed } from '../vault/sealed';

export const cacheRecordSchema = z.object({
  key: z.string(),
  /** A `sealedAnswerSchema` as JSON, sealed by the vault. */
  sealed: sealedSchema,
  /** Approximate size: the sealed answer's bytes. */
  bytes: z.number().int().nonnegative(),
  createdAt: z.number(),
  expiresAt: z.number(),
  lastUsedAt: z.number(),
});
export type CacheRecord = z.infer<typeof cacheRecordSchema>;

export const sealedAnswerSchema = z.object({
  completion: chatCompletionSchema,
  /** The routing headers of the call that produced the answer (provider, model, attempts). */
  headers: z.record(z.string(), z.string()),
});

/** One text's embedding, as OpenAI's base64 of float32 values (a quarter of the JSON numbers' size). */
export const sealedVectorSchema = z.object({ vector: z.base64() });

/** How much a sealed answer weighs in the caps. */
export function sealedBytes(sealed: Sealed): number {
  return sealed.iv.byteLength + sealed.data.byteLength;
}
