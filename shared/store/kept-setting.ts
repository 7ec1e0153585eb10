/**
 * @module One row of the `settings` table (`{ id, value }`), parsed on read: a row that is missing,
 * damaged or unreadable gives the fallback instead of breaking every request. `keptSetting` reads
 * it once and keeps it; a settings import makes it read again (store/kept-copies.ts).
 */
import type { z } from 'zod';
import type { FreeLLMDatabase } from './database';
import { keepCopy } from './kept-copies';

export interface KeptSetting<T> {
  get(): Promise<T>;
  /** Writes the value as it is (callers validate what users send) and keeps it. */
  save(value: T): Promise<T>;
  /** Reads the row again on next use. */
  forget(): void;
}

export async function readSetting<T>(
  db: FreeLLMDatabase,
  id: string,
  schema: z.ZodType<T>,
  fallback: T,
): Promise<T> {
  const parsed = schema.safeParse((await db.settings.get(id))?.value);
  return parsed.success ? parsed.data : fallback;
}

export async function writeSetting<T>(db: FreeLLMDatabase, id: string, value: T): Promise<T> {
  await db.settings.put({ id, value });
  return value;
}

export function keptSetting<T>(
  db: FreeLLMDatabase,
  id: string,
  schema: z.ZodType<T>,
  fallback: T,
): KeptSetting<T> {
  let kept: Promise<T> | undefined;
  const forget = () => {
    kept = undefined;
  };
  keepCopy(db, forget);
  return {
    get() {
      // A failed read is not kept: the next use tries again.
      kept ??= readSetting(db, id, schema, fallback).catch(() => {
        forget();
        return fallback;
      });
      return kept;
    },
    async save(value) {
      await writeSetting(db, id, value);
      kept = Promise.resolve(value);
      return value;
    },
    forget,
  };
}
