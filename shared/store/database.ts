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
