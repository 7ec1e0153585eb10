/**
 * @module The one IndexedDB database (Dexie), versioned. Secrets are never indexed and never
 * stored in clear: a key record holds only vault ciphertext and a masked hint.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { StoredKey } from '../keys/stored-key';
import type { CustomProvider } from '../providers/custom-provider';
import type { OriginGrant } from '../grants/origin-grant';
import type { RequestLogEntry } from '../request-log/request-log-entry';

export interface DeviceKeyRecord {
  id: 'device';
  key: CryptoKey;
}

export type FreeLLMDatabase = Dexie & {
  deviceKeys: EntityTable<DeviceKeyRecord, 'id'>;
  keys: EntityTable<StoredKey, 'id'>;
  customProviders: EntityTable<CustomProvider, 'id'>;
  grants: EntityTable<OriginGrant, 'origin'>;
  requestLog: EntityTable<RequestLogEntry, 'id'>;
  /** Tables whose record shapes their own modules define (and parse on read). */
  providerSettings: EntityTable<{ providerId: string } & Record<string, unknown>, 'providerId'>;
  usage: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  cache: EntityTable<{ key: string } & Record<string, unknown>, 'key'>;
  settings: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  vaultMeta: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  chats: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
};

/**
 * Every version stays declared, oldest first, so a profile at any earlier version upgrades step by
 * step; a new version adds a `db.version(n)` line (with `.upgrade()` when rows must change) and a
 * case in database-migration.test.ts opening a database written at version n-1.
 * Version 1 is also what the vault's data-key scheme (vault/data-key.ts) runs on: the change from
 * keys sealed by the device key to keys sealed by a wrapped data key needs WebCrypto, which cannot
 * run inside an IndexedDB upgrade transaction, so the vault migrates those rows on first use.
 */
export function openDatabase(name = 'freellm', options?: DexieOptions): FreeLLMDatabase {
  const db = new Dexie(name, options) as FreeLLMDatabase;
  db.version(1).stores({
    deviceKeys: 'id',
    keys: 'id, providerId, priority',
    customProviders: 'id',
    grants: 'origin',
    requestLog: '++id, at',
    providerSettings: 'providerId',
    usage: 'id',
    cache: 'key, expiresAt, lastUsedAt',
    settings: 'id',
    vaultMeta: 'id',
    chats: 'id, updatedAt',
  });
  return db;
}
