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
};

export function openDatabase(name = 'freellm', options?: DexieOptions): FreeLLMDatabase {
  const db = new Dexie(name, options) as FreeLLMDatabase;
  db.version(1).stores({
    deviceKeys: 'id',
    keys: 'id, providerId, priority',
    customProviders: 'id',
    grants: 'origin',
    requestLog: '++id, at',
  });
  return db;
}
