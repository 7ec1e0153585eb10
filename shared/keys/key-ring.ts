/** @module The user's provider keys: added sealed, listed masked, opened only for one call. */
import { z } from 'zod';
import { errorWithCode, FreeLLMError } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import { keepCopy } from '../store/kept-copies';
import type { Vault } from '../vault/vault';
import { maskKey, storedKeySchema, UNDO_REMOVAL_MS, type KeySummary, type StoredKey } from './stored-key';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

export const keySecretSchema = z
  .string()
  .trim()
  .min(8, 'That key is too short to be real')
  .max(4096)
  .regex(/^\S+$/, 'A key has no spaces in it');

const keyLabelSchema = z.string().trim().max(80, 'Keep the name under 80 characters');

export const newKeySchema = z.object({
  providerId: z.string().min(1),
  label: keyLabelSchema.optional(),
  account: z.string().trim().max(80).optional(),
  secret: keySecretSchema,
});
export type NewKey = z.input<typeof newKeySchema>;

const labelSchema = keyLabelSchema.min(1, 'Give the key a name');

export interface KeyRing {
  add(input: NewKey): Promise<KeySummary>;
  list(): Promise<KeySummary[]>;
  /** Stops using the key at once; `restore` brings it back for `UNDO_REMOVAL_MS`, then it is deleted. */
  remove(id: string): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** Clear key for one upstream call. Callers must not keep or log it. */
  reveal(id: string): Promise<string>;
}

/** The whole key lifecycle; `KeyRing` is the part the request path needs. */
export interface KeyManager extends KeyRing {
  /** All or nothing: every key is validated and sealed before any is stored. */
  addMany(inputs: NewKey[]): Promise<KeySummary[]>;
  rename(id: string, label: string): Promise<KeySummary>;
  /** Undoes `remove` within its window; after it the key is gone (`key_not_found`). */
  restore(id: string): Promise<KeySummary>;
  /** Replaces the secret of an existing key; its id, label, priority and state stay. */
  rotate(id: string, secret: string): Promise<KeySummary>;
  /** Moves the given ids to the front, in that order; the others keep their relative order after them. */
  reorder(ids: string[]): Promise<KeySummary[]>;
  /** For each secret, the stored key holding the same secret. Compares in memory; nothing is logged. */
  matchStored(secrets: string[]): Promise<(KeySummary | undefined)[]>;
  /** Drops the in-memory copy of the keys table, after a writer elsewhere (the vault re-sealing keys, a custom provider taking its keys along) changed it. */
  forget(): void;
}

export type SealedKeyFields = Pick<StoredKey, 'providerId' | 'label' | 'account' | 'hint' | 'sealed'>;

export function summarize({ sealed: _sealed, removedAt: _removedAt, ...summary }: StoredKey): KeySummary {
  return summary;
}

/** Validates one new key and seals its secret; `param` says where the key sits in the caller's input. */
export async function sealNewKey(vault: Vault, input: NewKey, param?: string): Promise<SealedKeyFields> {
  const { providerId, label, account, secret } = parseOrInvalidRequest(newKeySchema, input, { param });
  return {
    providerId,
    label: label || maskKey(secret),
    ...(account ? { account } : {}),
    hint: maskKey(secret),
    sealed: await vault.seal(secret),
  };
}

function keyNotFound(id: string): FreeLLMError {
  return errorWithCode('key_not_found', `No stored key has the id "${id}".`, { param: 'id', values: { id } });
}

export function createKeyRing(
  db: FreeLLMDatabase,
  vault: Vault,
  now: () => number,
  newId: () => string,
): KeyManager {
  // Every request lists the keys and opens one: they are read once and kept, and every write
  // here forgets them (so does a writer elsewhere, such as a settings import, through kept-copies).
  let cached: Promise<StoredKey[]> | undefined;
  const forget = () => {
    cached = undefined;
  };
  keepCopy(db, forget);
  /** Every record, removed ones still in their undo window included. */
  function readRecords(): Promise<StoredKey[]> {
    cached ??= db.keys
      .orderBy('priority')
      .toArray()
      .then((rows) =>
        // A record that does not parse is skipped rather than crashing every request.
        rows.flatMap((row) => {
          const parsed = storedKeySchema.safeParse(row);
          return parsed.success ? [parsed.data] : [];
        }),
      );
    cached.catch(forget);
    return cached;
  }

  /** The keys in use: a removed key is neither listed nor opened, even while it can be restored. */
  async function readAll(): Promise<StoredKey[]> {
    const records = await readRecords();
    const expired = records.filter(
      (key) => key.removedAt !== undefined && now() - key.removedAt >= UNDO_REMOVAL_MS,
    );
    if (expired.length > 0) {
      await db.keys.bulkDelete(expired.map((key) => key.id));
      forget();
    }
    return records.filter((key) => key.removedAt === undefined);
  }

  async function readOne(id: string): Promise<StoredKey> {
    const found = (await readAll()).find((key) => key.id === id);
    if (!found) throw keyNotFound(id);
    return found;
  }

  async function addMany(inputs: NewKey[]): Promise<KeySummary[]> {
    const sealed: SealedKeyFields[] = [];
    for (const [index, input] of inputs.entries())
      sealed.push(await sealNewKey(vault, input, inputs.length > 1 ? `[${index}]` : undefined));
    // Sealed first: WebCrypto awaits would end the transaction that picks the next priority.
    const rows = await db.transaction('rw', db.keys, async () => {
      const last = await db.keys.orderBy('priority').last();
      const created = sealed.map((fields, index): StoredKey => ({
        id: newId(),
        ...fields,
        enabled: true,
        priority: (last?.priority ?? 0) + index + 1,
        createdAt: now(),
      }));
      await db.keys.bulkAdd(created);
      return created;
    });
    forget();
    return rows.map(summarize);
  }

  async function update(id: string, changes: Partial<StoredKey>): Promise<KeySummary> {
    const current = await readOne(id);
    await db.keys.update(id, changes);
    forget();
    return summarize({ ...current, ...changes });
  }

  return {
    forget,
    async add(input) {
      const [summary] = await addMany([input]);
      return summary!;
    },
    addMany,
    async list() {
      return (await readAll()).map(summarize);
    },
    async remove(id) {
      // Kept sealed for the undo window, so closing the page meanwhile loses nothing it should not.
      if ((await readAll()).some((key) => key.id === id)) await update(id, { removedAt: now() });
    },
    async restore(id) {
      await readAll();
      const removed = (await readRecords()).find((key) => key.id === id && key.removedAt !== undefined);
      if (!removed) throw keyNotFound(id);
      await db.keys.update(id, { removedAt: undefined });
      forget();
      return summarize(removed);
    },
    async setEnabled(id, enabled) {
      await update(id, { enabled });
    },
    async rename(id, label) {
      return update(id, { label: parseOrInvalidRequest(labelSchema, label, { param: 'label' }) });
    },
    async rotate(id, secret) {
      const current = await readOne(id);
      const fields = await sealNewKey(vault, { providerId: current.providerId, secret });
      // A label that was only the old masked hint follows the new secret; a chosen name stays.
      const label = current.label === current.hint ? fields.hint : current.label;
      return update(id, { label, hint: fields.hint, sealed: fields.sealed });
    },
    async reorder(ids) {
      const all = await readAll();
      const byId = new Map(all.map((key) => [key.id, key]));
      const missing = ids.find((id) => !byId.has(id));
      if (missing !== undefined) throw keyNotFound(missing);
      const front = [...new Set(ids)].map((id) => byId.get(id)!);
      const ordered = [...front, ...all.filter((key) => !front.includes(key))];
      await db.transaction('rw', db.keys, async () => {
        for (const [index, key] of ordered.entries()) await db.keys.update(key.id, { priority: index + 1 });
      });
      forget();
      return ordered.map((key, index) => summarize({ ...key, priority: index + 1 }));
    },
    async matchStored(secrets) {
      const stored: { summary: KeySummary; secret: string }[] = [];
      for (const key of await readAll()) {
        // A record that cannot be opened cannot be a duplicate; vault_locked still propagates.
        const secret = await vault.open(key.sealed).catch((error: unknown) => {
          if (error instanceof FreeLLMError) throw error;
          return undefined;
        });
        if (secret !== undefined) stored.push({ summary: summarize(key), secret });
      }
      return secrets.map((secret) => stored.find((entry) => entry.secret === secret.trim())?.summary);
    },
    async reveal(id) {
      return vault.open((await readOne(id)).sealed);
    },
  };
}
