/**
 * @module Why the router disabled a key (rejected as invalid, out of credits), one row per key in
 * the `keyNotices` table, so the options page can show it beside the key and the user knows what
 * to fix. Re-enabling the key clears its notice.
 */
import type { FreeLLMDatabase } from '../store/database';
import { keyNoticeSchema, type KeyNotice } from './key-notice';

export function createKeyNotices(db: FreeLLMDatabase) {
  return {
    async list(): Promise<KeyNotice[]> {
      return (await db.keyNotices.toArray()).flatMap((row) => {
        const parsed = keyNoticeSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async record(notice: KeyNotice): Promise<void> {
      await db.keyNotices.put(notice);
    },
    async clear(keyId: string): Promise<void> {
      await db.keyNotices.delete(keyId);
    },
  };
}
export type KeyNotices = ReturnType<typeof createKeyNotices>;
