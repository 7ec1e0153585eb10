/**
 * Opens databases written by earlier versions, with data in every table, under the current code.
 * The schemas below are frozen copies of what each version declared: never edit them.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createKeyRing } from '../keys/key-ring';
import { readRoutingSettings } from '../router/routing-settings';
import { createKeyNotices } from '../usage/key-notices';
import { createVault } from '../vault/vault';
import { openDatabase } from './database';

const V1_STORES = {
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
};

const V2_STORES = { ...V1_STORES, keyNotices: 'keyId' };

/** What version 1's vault did: AES-GCM straight under the device key. */
async function sealV1(deviceKey: CryptoKey, plain: string) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, deviceKey, new TextEncoder().encode(plain)),
  );
  return { iv, data };
}

async function writeV1Database(name: string) {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  const deviceKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const keyRow = async (id: string, providerId: string, secret: string, priority: number) => ({
    id,
    providerId,
    label: id,
    hint: 'masked',
    enabled: true,
    priority,
    createdAt: 1,
    sealed: await sealV1(deviceKey, secret),
  });
  await db.table('deviceKeys').add({ id: 'device', key: deviceKey });
  await db.table('keys').bulkAdd([
    await keyRow('k1', 'groq', 'gsk_v1_groq_secret_0001', 1),
    await keyRow('k2', 'cerebras', 'csk-v1-cerebras-secret-02', 2),
    {
      ...(await keyRow('k3', 'groq', 'unused', 3)),
      sealed: { iv: new Uint8Array(12), data: new Uint8Array(32) },
    },
  ]);
  await db
    .table('customProviders')
    .add({ id: 'custom-local', name: 'Local', baseURL: 'http://127.0.0.1:8080/v1', defaultModel: 'qwen' });
  await db.table('grants').add({ origin: 'https://app.example', grantedAt: 5 });
  await db.table('requestLog').add({
    requestId: 'req_1',
    at: 7,
    origin: 'extension',
    model: 'auto',
    stream: false,
    status: 200,
    provider: 'groq',
    servedModel: 'm',
    latencyMs: 3,
    attempts: [],
  });
  await db.table('providerSettings').add({ providerId: 'groq', baseURL: 'https://proxy.example/openai/v1' });
  await db.table('usage').add({ id: 'groq|k1|m', requests: 3 });
  await db.table('cache').add({ key: 'abc', expiresAt: 10, lastUsedAt: 9, body: {} });
  await db.table('settings').add({ id: 'aliases', value: { fast: 'groq/m' } });
  await db.table('chats').add({ id: 'chat-1', updatedAt: 11, messages: [] });
  db.close();
}

describe('database migrations', () => {
  it('opens a version 1 database with data in every table and keeps all of it', async () => {
    const name = `migration-v1-${crypto.randomUUID()}`;
    await writeV1Database(name);
    const db = openDatabase(name);
    const v1Tables = db.tables.filter((table) => table.name in V1_STORES);
    const counts = Object.fromEntries(
      await Promise.all(v1Tables.map(async (table) => [table.name, await table.count()] as const)),
    );
    expect(counts).toEqual({
      deviceKeys: 1,
      keys: 3,
      customProviders: 1,
      grants: 1,
      requestLog: 1,
      providerSettings: 1,
      usage: 1,
      cache: 1,
      settings: 1,
      vaultMeta: 0,
      chats: 1,
    });
    expect(await db.providerSettings.get('groq')).toEqual({
      providerId: 'groq',
      baseURL: 'https://proxy.example/openai/v1',
    });
    expect(await db.chats.get('chat-1')).toEqual({ id: 'chat-1', updatedAt: 11, messages: [] });
  });

  it('re-seals version 1 keys under the wrapped data key on first use, and they still open after a restart', async () => {
    const name = `migration-v1-vault-${crypto.randomUUID()}`;
    await writeV1Database(name);
    const db = openDatabase(name);
    const before = await db.keys.get('k1');
    const ring = () =>
      createKeyRing(
        db,
        createVault(db, crypto),
        () => 0,
        () => crypto.randomUUID(),
      );
    expect(await ring().reveal('k1')).toBe('gsk_v1_groq_secret_0001');
    expect(await db.vaultMeta.get('dataKey')).toMatchObject({ wrappedBy: 'device' });
    expect((await db.keys.get('k1'))?.sealed.iv).not.toEqual(before?.sealed.iv);

    const restarted = ring();
    expect(await restarted.reveal('k1')).toBe('gsk_v1_groq_secret_0001');
    expect(await restarted.reveal('k2')).toBe('csk-v1-cerebras-secret-02');
    await expect(restarted.reveal('k3')).rejects.toThrow();
    expect((await restarted.list()).map((key) => key.id)).toEqual(['k1', 'k2', 'k3']);
  });

  it('moves version 1 key notices out of the usage table and keeps the routing settings', async () => {
    const name = `migration-v1-notices-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('usage').bulkAdd([
      {
        id: 'notice:k1',
        keyId: 'k1',
        providerId: 'groq',
        reason: 'The provider rejected this key as invalid.',
        at: 3,
      },
      { id: 'model:groq:k1:m', requests: 3 },
    ]);
    await v1
      .table('settings')
      .add({ id: 'routing', strategy: 'fastest', aliases: { fast: ['groq/m'] }, deadlineMs: 5_000 });
    v1.close();

    const db = openDatabase(name);
    expect(await createKeyNotices(db).list()).toEqual([
      { keyId: 'k1', providerId: 'groq', reason: 'The provider rejected this key as invalid.', at: 3 },
    ]);
    expect(await db.usage.toArray()).toEqual([{ id: 'model:groq:k1:m', requests: 3 }]);
    expect(await readRoutingSettings(db)).toMatchObject({
      strategy: 'fastest',
      aliases: { fast: ['groq/m'] },
      deadlineMs: 5_000,
      affinity: true,
    });
  });

  it('opens a version 2 database, keeps its usage and starts an empty usage history', async () => {
    const name = `migration-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.table('usage').add({ id: 'model:groq:k1:m', requests: 3 });
    await v2.table('keyNotices').add({ keyId: 'k1', providerId: 'groq', reason: 'invalid', at: 3 });
    v2.close();

    const db = openDatabase(name);
    expect(await db.usage.toArray()).toEqual([{ id: 'model:groq:k1:m', requests: 3 }]);
    expect(await db.keyNotices.count()).toBe(1);
    expect(await db.usageHistory.count()).toBe(0);
  });
});
