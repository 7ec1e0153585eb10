/**
 * The extension's whole IndexedDB as the service worker sees it, as one JSON text with bytes
 * read as Latin-1 characters: a test that something is never stored in clear searches it.
 */
import type { Worker } from '@playwright/test';

export async function dumpDatabase(
  serviceWorker: Worker,
): Promise<{ dump: string; tables: Record<string, unknown[]> }> {
  const dump = await serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('freellm');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const asText = (value: unknown): unknown => {
      if (value instanceof Uint8Array) return String.fromCharCode(...value);
      if (value instanceof ArrayBuffer) return String.fromCharCode(...new Uint8Array(value));
      if (Array.isArray(value)) return value.map(asText);
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
      return value;
    };
    const tables: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      tables[name] = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result.map(asText));
      });
    }
    db.close();
    return JSON.stringify(tables);
  });
  return { dump, tables: JSON.parse(dump) as Record<string, unknown[]> };
}
