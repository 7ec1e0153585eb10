/** @module The user's provider keys: added sealed, listed masked, opened only for one call. */
import { z } from 'zod';
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import type { Vault } from '../vault/vault';
import { maskKey, storedKeySchema, type KeySummary, type StoredKey } from './stored-key';

export const newKeySchema = z.object({
  providerId: z.string().min(1),
  label: z.string().trim().max(80).optional(),
  secret: z.string().trim().min(8, 'That key is too short to be real').max(4096).regex(/^\S+$/, 'A key has no spaces in it'),
});
export type NewKey = z.input<typeof newKeySchema>;

export interface KeyRing {
  add(input: NewKey): Promise<KeySummary>;
  list(): Promise<KeySummary[]>;
  remove(id: string): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** Clear key for one upstream call. Callers must not keep or log it. */
  reveal(id: string): Promise<string>;
}

function summarize({ sealed: _sealed, ...summary }: StoredKey): KeySummary {
  return summary;
}

export function createKeyRing(db: FreeLLMDatabase, vault: Vault, now: () => number, newId: () => string): KeyRing {
  async function readAll(): Promise<StoredKey[]> {
    const rows = await db.keys.orderBy('priority').toArray();
    // A record that does not parse is skipped rather than crashing every request.
    return rows.flatMap((row) => {
      const parsed = storedKeySchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  return {
    async add(input) {
      const parsed = newKeySchema.safeParse(input);
      if (!parsed.success) throw invalidRequest(parsed.error.issues[0]?.message ?? 'Invalid key', 'secret');
      const { providerId, label, secret } = parsed.data;
      const sealed = await vault.seal(secret);
      // Sealed first: WebCrypto awaits would end the transaction that picks the next priority.
      const record = await db.transaction('rw', db.keys, async () => {
        const last = await db.keys.orderBy('priority').last();
        const row: StoredKey = {
          id: newId(),
          providerId,
          label: label || maskKey(secret),
          hint: maskKey(secret),
          enabled: true,
          priority: (last?.priority ?? 0) + 1,
          createdAt: now(),
          sealed,
        };
        await db.keys.add(row);
        return row;
      });
      return summarize(record);
    },
    async list() {
      return (await readAll()).map(summarize);
    },
    async remove(id) {
      await db.keys.delete(id);
    },
    async setEnabled(id, enabled) {
      await db.keys.update(id, { enabled });
    },
    async reveal(id) {
      const record = storedKeySchema.parse(await db.keys.get(id));
      return vault.open(record.sealed);
    },
  };
}
