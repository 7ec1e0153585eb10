/** @module What the vault hands back from `seal`: AES-GCM ciphertext and its IV, never the key. */
import { z } from 'zod';

export const sealedSchema = z.object({
  iv: z.instanceof(Uint8Array),
  data: z.instanceof(Uint8Array),
});
export type Sealed = z.infer<typeof sealedSchema>;

/** IVs are fresh per seal, so the same IV means the same sealing (nobody wrote it again since). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
