/** @module A provider key as stored: ciphertext plus what the UI may show. */
import { z } from 'zod';
import { sealedSchema } from '../vault/sealed';

export const storedKeySchema = z.object({
  id: z.string(),
  providerId: z.string(),
  label: z.string(),
  /** Keys of one account share its free tier (a Gemini project, an OpenRouter account); none: the key is its own. */
  account: z.string().optional(),
  /** Masked form for display, e.g. `gsk_…a1B2`; never enough to use the key. */
  hint: z.string(),
  enabled: z.boolean(),
  /** Lower is tried first; new keys go last. */
  priority: z.number(),
  createdAt: z.number(),
  sealed: sealedSchema,
});
export type StoredKey = z.infer<typeof storedKeySchema>;

/** What may leave the engine: everything but the ciphertext. */
export type KeySummary = Omit<StoredKey, 'sealed'>;

export function maskKey(secret: string): string {
  const prefix = /^[A-Za-z]+[_-]/.exec(secret)?.[0] ?? '';
  const tail = secret.length >= 12 ? secret.slice(-4) : '';
  return `${prefix}…${tail}`;
}
