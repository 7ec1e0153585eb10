/**
 * @module Who keeps an in-memory copy of a table. Modules read a table once and keep it (every
 * request needs it); a writer that goes around them (a settings import) then makes every copy
 * of that database forget in one call, so no caller has to remember which modules keep what.
 */
import type { FreeLLMDatabase } from './database';

const forgetters = new WeakMap<FreeLLMDatabase, Set<() => void>>();

/** Registers how a module drops its copy of `db`'s rows. */
export function keepCopy(db: FreeLLMDatabase, forget: () => void): void {
  const registered = forgetters.get(db) ?? new Set();
  registered.add(forget);
  forgetters.set(db, registered);
}

/** Every kept copy of `db` reads its table again on next use. */
export function forgetKeptCopies(db: FreeLLMDatabase): void {
  for (const forget of forgetters.get(db) ?? []) forget();
}
