/**
 * @module A least-recently-used map bounded by bytes, not entries: answers vary from a word to
 * many kilobytes, so a count cap would either waste memory or hold too little.
 */

export interface MemoryLru<V> {
  get(key: string): V | undefined;
  /** Stores and marks as most recent; evicts the least recent until the total fits. */
  set(key: string, value: V, bytes: number): void;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

export function createMemoryLru<V>(maxBytes: number): MemoryLru<V> {
  // A Map iterates in insertion order; re-inserting on use keeps the oldest first.
  const entries = new Map<string, { value: V; bytes: number }>();
  let total = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.bytes;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      remove(key);
      if (bytes > maxBytes) return;
      entries.set(key, { value, bytes });
      total += bytes;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        remove(oldest);
      }
    },
    delete: remove,
    clear() {
      entries.clear();
      total = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return total;
    },
  };
}
