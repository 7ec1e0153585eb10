/** @module One row of the `keyNotices` table: why the router disabled a key. */
import { z } from 'zod';

export const keyNoticeSchema = z.object({
  keyId: z.string(),
  providerId: z.string(),
  /** Shown to the user as it is; never contains the key. */
  reason: z.string(),
  at: z.number(),
});
export type KeyNotice = z.infer<typeof keyNoticeSchema>;
