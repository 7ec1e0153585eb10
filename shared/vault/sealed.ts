/** @module What the vault hands back from `seal`: AES-GCM ciphertext and its IV, never the key. */
import { z } from 'zod';

export const sealedSchema = z.object({
  iv: z.instanceof(Uint8Array),
  data: z.instanceof(Uint8Array),
});
export type Sealed = z.infer<typeof sealedSchema>;
