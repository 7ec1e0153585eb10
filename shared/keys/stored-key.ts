/** @module A provider key as stored: ciphertext plus what the UI may show. */
import { z } from 'zod';
import { PROVIDER_PRESETS } from '../catalog/provider-presets';
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
  /** Set when the user removed the key: unused and unlisted from then, deleted once the undo window ends. */
  removedAt: z.number().optional(),
  sealed: sealedSchema,
});
export type StoredKey = z.infer<typeof storedKeySchema>;

/** What may leave the engine: everything but the ciphertext. */
export type KeySummary = Omit<StoredKey, 'sealed' | 'removedAt'>;

/** How long a removed key can be brought back; its sealed record is deleted after it. */
export const UNDO_REMOVAL_MS = 10_000;

/** Longest first, so an OpenRouter key shows `sk-or-v1-`, not `sk-`. */
const KNOWN_PREFIXES = [...new Set(PROVIDER_PRESETS.flatMap((preset) => preset.keyPrefixes))].sort(
  (a, b) => b.length - a.length,
);

/** Fewer hidden characters than this and the last 4 are not shown either. */
const LEAST_HIDDEN = 8;

/**
 * `gsk_…a1B2`: a provider's known prefix (it tells keys apart, and the provider publishes it) and
 * the last 4 characters; nothing else of the key, and no tail when too little would stay hidden.
 */
export function maskKey(secret: string): string {
  const prefix = KNOWN_PREFIXES.find((known) => secret.startsWith(known)) ?? '';
  const tail = secret.length - prefix.length - 4 >= LEAST_HIDDEN ? secret.slice(-4) : '';
  return `${prefix}…${tail}`;
}
