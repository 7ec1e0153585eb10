/**
 * @module Why the router disabled a key (rejected as invalid, out of credits), kept in the `usage`
 * table next to the accounting so the options page can show it beside the key and the user
 * knows what to fix. Re-enabling the key clears its notice.
 */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';

const PREFIX = 'notice:';

export const keyNoticeSchema = z.object({
  id: z.string().startsWith(PREFIX),
  keyId: z.string(),
  providerId: z.string(),
  /** Shown to the user as it is; never contains the key. */
  reason: z.string(),
  at: z.number(),
});
export type KeyNotice = z.infer<typeof keyNoticeSchema>;

export function createKeyNotices(db: FreeLLMDatabase) {
  return {
    async list(): Promise<KeyNotice[]> {
      const rows = await db.usage.where('id').startsWith(PREFIX).toArray();
      return rows.flatMap((row) => {
        const parsed = keyNoticeSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async record(notice: Omit<KeyNotice, 'id'>): Promise<void> {
      await db.usage.put({ id: `${PREFIX}${notice.keyId}`, ...notice });
    },
    async clear(keyId: string): Promise<void> {
      await db.usage.delete(`${PREFIX}${keyId}`);
    },
  };
}
export type KeyNotices = ReturnType<typeof createKeyNotices>;
