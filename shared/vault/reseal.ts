/**
 * @module Moving the sealed records to a new data key: the provider keys, FreeLLM's chats and
 * secret settings (the local endpoint's token).
 * The response cache is not moved: its answers can be fetched again, so the engine clears it.
 * The WebCrypto work is planned before any transaction (an IndexedDB transaction ends while it
 * awaits WebCrypto); inside one, the plan is checked against what is stored now, then written.
 */
import type { Table } from 'dexie';
import type { FreeLLMDatabase } from '../store/database';
import { encryptBytes } from './aes-gcm';
import { sameBytes, sealedSchema, type Sealed } from './sealed';

type SealedRow = { id: string; sealed?: unknown };

/** Every table whose records hold a `sealed` field; a transaction that re-seals covers these. */
export function sealedTables(db: FreeLLMDatabase): Table<SealedRow, string>[] {
  return [db.keys, db.chats, db.settings] as unknown as Table<SealedRow, string>[];
}

/** Plain bytes of a sealed value, or undefined when it cannot be opened (such a record is left as it is). */
export type Opener = (sealed: Sealed) => Promise<Uint8Array<ArrayBuffer> | undefined>;

interface PlannedReseal {
  table: Table<SealedRow, string>;
  id: string;
  /** The IV it had when read: a different one now means it was written again meanwhile. */
  before: Uint8Array;
  sealed?: Sealed;
}

export async function planReseal(
  db: FreeLLMDatabase,
  crypto: Crypto,
  open: Opener,
  nextKey: CryptoKey,
): Promise<PlannedReseal[]> {
  const plan: PlannedReseal[] = [];
  for (const table of sealedTables(db)) {
    for (const row of await table.toArray()) {
      const current = sealedSchema.safeParse(row.sealed);
      if (!current.success) continue;
      const plain = await open(current.data);
      plan.push({
        table,
        id: row.id,
        before: current.data.iv,
        sealed: plain && (await encryptBytes(crypto, nextKey, plain)),
      });
      plain?.fill(0);
    }
  }
  return plan;
}

/** Inside a transaction over the sealed tables: true if no sealed record was added or written again since the plan. */
export async function unchangedSincePlan(db: FreeLLMDatabase, plan: PlannedReseal[]): Promise<boolean> {
  const planned = new Map(plan.map((entry) => [`${entry.table.name}/${entry.id}`, entry.before]));
  for (const table of sealedTables(db)) {
    for (const row of await table.toArray()) {
      const current = sealedSchema.safeParse(row.sealed);
      const before = planned.get(`${table.name}/${row.id}`);
      if (current.success && !(before && sameBytes(before, current.data.iv))) return false;
    }
  }
  return true;
}

/** Inside a transaction over the sealed tables: writes each new ciphertext whose record is still as planned. */
export async function writeReseal(plan: PlannedReseal[]): Promise<void> {
  for (const { table, id, before, sealed } of plan) {
    if (!sealed) continue;
    const current = sealedSchema.safeParse((await table.get(id))?.sealed);
    if (current.success && sameBytes(current.data.iv, before)) await table.update(id, { sealed });
  }
}
