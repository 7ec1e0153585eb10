/**
 * @module The one IndexedDB database (Dexie), versioned. Secrets are never indexed and never
 * stored in clear: a key record holds only vault ciphertext and a masked hint.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { StoredKey } from '../keys/stored-key';
import type { CustomProvider } from '../providers/custom-provider';
import type { OriginGrant } from '../grants/origin-grant';
import type { RequestLogEntry } from '../request-log/request-log-entry';
import type { ProviderSettings } from '../catalog/provider-settings';
import type { UsageBucket } from '../usage/usage-bucket';
import type { KeyNotice } from '../usage/key-notice';
import type { UsageHistoryRow } from '../usage/usage-history';
import type { CacheRecord } from '../cache/cache-record';
import type { DataKeyRecord } from '../vault/data-key-record';
import type { ChatRecord } from '../chats/chat-record';

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
  providerSettings: EntityTable<ProviderSettings, 'providerId'>;
  usage: EntityTable<UsageBucket, 'id'>;
  /** Why the router disabled a key, one per key. */
  keyNotices: EntityTable<KeyNotice, 'keyId'>;
  /** Requests, tokens, failures and latency per key by hour (7 days) and by day (30 days). */
  usageHistory: EntityTable<UsageHistoryRow, 'id'>;
  cache: EntityTable<CacheRecord, 'key'>;
  settings: EntityTable<SettingRow, 'id'>;
  vaultMeta: EntityTable<DataKeyRecord, 'id'>;
  chats: EntityTable<ChatRecord, 'id'>;
};

/**
 * A row of the `settings` table: one named value (routing, limits, cache, ...), which its owner
 * parses on read (store/kept-setting.ts).
 */
export interface SettingRow {
  id: string;
  value: unknown;
  /** A secret setting's value, sealed by the vault (re-sealed with the keys: vault/reseal.ts). */
  sealed?: unknown;
}

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
  // Key notices move out of the usage table (where they were `notice:<keyId>` rows) into their own,
  // and the routing row takes the `{ id, value }` shape every other settings row has.
  db.version(2)
    .stores({ keyNotices: 'keyId' })
    .upgrade(async (tx) => {
      const notices = tx.table('usage').where('id').startsWith('notice:');
      await tx.table('keyNotices').bulkPut((await notices.toArray()).map(({ id: _id, ...notice }) => notice));
      await notices.delete();
      const { id, ...routing } = (await tx.table('settings').get('routing')) ?? {};
      if (id !== undefined) await tx.table('settings').put({ id, value: routing });
    });
  // The usage history behind the dashboard's charts starts empty: the ledger kept only today's counts.
  db.version(3).stores({ usageHistory: 'id' });
  return db;
}
