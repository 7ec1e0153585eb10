import { readRoutingSettings, writeRoutingSettings } from '../router/routing-settings';
import { describe, expect, it } from 'vitest';
import { originGrantSchema } from '../grants/origin-grant';
import { createKeyRing } from '../keys/key-ring';
import { openDatabase } from '../store/database';
import { createVault } from '../vault/vault';
import type { SettingsDocument } from './settings-document';
import { createSettingsTransfer } from './settings-transfer';

const ITERATIONS = 1_000;
const NOW = Date.parse('2026-11-25T12:00:00Z');

/** `profile({})` leaves the iteration count to the product default. */
function profile({ iterations }: { iterations?: number } = { iterations: ITERATIONS }) {
  const db = openDatabase(`settings-test-${crypto.randomUUID()}`);
  const vault = createVault(db, crypto, { now: () => NOW, iterations: ITERATIONS });
  const keyRing = createKeyRing(
    db,
    vault,
    () => NOW,
    () => crypto.randomUUID(),
  );
  const transfer = createSettingsTransfer({
    db,
    vault,
    keyRing,
    crypto,
    now: () => NOW,
    newId: () => crypto.randomUUID(),
    iterations,
  });
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)),
    );
  return { db, vault, keyRing, transfer, snapshot };
}

async function filledProfile() {
  const source = profile();
  const { db, keyRing } = source;
  await db.customProviders.add({
    id: 'custom-local',
    name: 'Local llama',
    baseURL: 'http://127.0.0.1:8080/v1',
    defaultModel: 'qwen',
  });
  const groq = await keyRing.add({ providerId: 'groq', label: 'Groq main', secret: 'gsk_groq_secret_a1B2' });
  const cerebras = await keyRing.add({ providerId: 'cerebras', secret: 'csk-cerebras-secret-c3D4' });
  const local = await keyRing.add({
    providerId: 'custom-local',
    label: 'Local',
    secret: 'local-secret-e5F6',
  });
  await keyRing.setEnabled(cerebras.id, false);
  await keyRing.reorder([local.id, groq.id]);
  await db.providerSettings.put({ providerId: 'groq', baseURL: 'https://proxy.example/openai/v1' });
  await db.settings.put({ id: 'limits', value: { groq: { rpm: 20 } } });
  await db.settings.put({ id: 'catalogUpdates', value: { enabled: false } });
  await writeRoutingSettings(db, { aliases: { fast: ['groq/llama-3.1-8b-instant'] } });
  await db.grants.add(originGrantSchema.parse({ origin: 'https://app.example', grantedAt: 1 }));
  return { ...source, ids: { groq: groq.id, cerebras: cerebras.id, local: local.id } };
}

async function expectSameSettings(target: ReturnType<typeof profile>, ids: Record<string, string>) {
  const keys = await target.keyRing.list();
  expect(keys.map((key) => [key.id, key.providerId, key.label, key.enabled])).toEqual([
    [ids.local, 'custom-local', 'Local', true],
    [ids.groq, 'groq', 'Groq main', true],
    [ids.cerebras, 'cerebras', 'csk-…c3D4', false],
  ]);
  expect(await Promise.all(keys.map((key) => target.keyRing.reveal(key.id)))).toEqual([
    'local-secret-e5F6',
    'gsk_groq_secret_a1B2',
    'csk-cerebras-secret-c3D4',
  ]);
  expect(await target.db.customProviders.toArray()).toEqual([
    { id: 'custom-local', name: 'Local llama', baseURL: 'http://127.0.0.1:8080/v1', defaultModel: 'qwen' },
  ]);
  expect(await target.db.providerSettings.get('groq')).toEqual({
    providerId: 'groq',
    baseURL: 'https://proxy.example/openai/v1',
  });
  expect(await target.db.settings.get('limits')).toEqual({ id: 'limits', value: { groq: { rpm: 20 } } });
  expect(await target.db.settings.get('catalogUpdates')).toEqual({
    id: 'catalogUpdates',
    value: { enabled: false },
  });
  expect((await readRoutingSettings(target.db)).aliases).toEqual({ fast: ['groq/llama-3.1-8b-instant'] });
  expect((await target.db.grants.toArray()).map((grant) => grant.origin)).toEqual(['https://app.example']);
}

describe('settings export and import', () => {
  it('round-trips everything with the keys encrypted by a passphrase, and no secret in the file', async () => {
    const source = await filledProfile();
    const document = await source.transfer.export({ passphrase: 'export passphrase' });
    const text = JSON.stringify(document);
    expect(text).not.toMatch(/secret/);
    expect(document).toMatchObject({
      format: 'freellm-settings',
      version: 1,
      exportedAt: '2026-11-25T12:00:00.000Z',
      priorities: [source.ids.local, source.ids.groq, source.ids.cerebras],
      keyEncryption: { kdf: 'PBKDF2-SHA-256', iterations: ITERATIONS, cipher: 'AES-GCM-256' },
    });
    expect(new Set(document.keys.map((key) => key.iv)).size).toBe(3);

    const target = profile();
    const summary = await target.transfer.import(text, { passphrase: 'export passphrase' });
    expect(summary).toEqual({
      keys: { added: 3, replaced: 0, skipped: [] },
      customProviders: 1,
      providerOverrides: 1,
      origins: 1,
    });
    await expectSameSettings(target, source.ids);
  });

  it('round-trips with the keys in clear only when asked explicitly', async () => {
    const source = await filledProfile();
    await expect(source.transfer.export({} as never)).rejects.toMatchObject({
      status: 400,
      param: 'passphrase',
    });
    const document = await source.transfer.export({ clearKeys: true });
    expect(document.keyEncryption).toBeNull();
    expect(document.keys.map((key) => key.secret)).toEqual([
      'local-secret-e5F6',
      'gsk_groq_secret_a1B2',
      'csk-cerebras-secret-c3D4',
    ]);
    const target = profile();
    await target.transfer.import(document);
    await expectSameSettings(target, source.ids);
  });

  it('merges on a second import: same ids replace, a stored secret under another id is skipped', async () => {
    const source = await filledProfile();
    const document = await source.transfer.export({ clearKeys: true });
    expect(await source.transfer.import(document)).toMatchObject({
      keys: { added: 0, replaced: 3, skipped: [] },
    });
    const copy = { ...document, priorities: [], keys: [{ ...document.keys[1]!, id: 'another-id' }] };
    expect((await source.transfer.import(copy)).keys).toEqual({
      added: 0,
      replaced: 0,
      skipped: [{ id: 'another-id', sameKeyAs: { label: 'Groq main', hint: 'gsk_…a1B2' } }],
    });
    expect(await source.keyRing.list()).toHaveLength(3);
  });

  it('encrypts exports with 600,000 PBKDF2 iterations by default', async () => {
    const { transfer, keyRing } = profile({});
    await keyRing.add({ providerId: 'groq', secret: 'gsk_default_iterations' });
    expect((await transfer.export({ passphrase: 'default strength' })).keyEncryption?.iterations).toBe(
      600_000,
    );
  });

  it('neither exports nor imports keys while the vault is locked', async () => {
    const source = await filledProfile();
    const document = await source.transfer.export({ clearKeys: true });
    await source.vault.setPassphrase('vault passphrase');
    await source.vault.lock();
    await expect(source.transfer.export({ clearKeys: true })).rejects.toMatchObject({
      status: 423,
      code: 'vault_locked',
    });
    const before = await source.snapshot();
    await expect(source.transfer.import(document)).rejects.toMatchObject({ status: 423 });
    expect(await source.snapshot()).toEqual(before);
  });
});

describe('settings import of invalid documents', () => {
  const cases: [string, (document: SettingsDocument) => unknown, Record<string, unknown>][] = [
    [
      'an unknown provider',
      (document) => ({
        ...document,
        keys: document.keys.map((key, index) => (index === 2 ? { ...key, providerId: 'nope' } : key)),
      }),
      { param: 'keys[2].providerId' },
    ],
    ['a newer format version', (document) => ({ ...document, version: 2 }), { param: 'version' }],
    ['a bad origin', (document) => ({ ...document, origins: ['not an origin'] }), { param: 'origins[0]' }],
    [
      'a priority naming no key',
      (document) => ({ ...document, priorities: [document.priorities[0], 'ghost'] }),
      { param: 'priorities[1]' },
    ],
    [
      'a key in clear in an encrypted file',
      (document) => ({ ...document, keys: [{ ...document.keys[0], secret: 'gsk_in_clear_1234' }] }),
      { param: 'keys[0].secret' },
    ],
    [
      'ciphertext that is not base64',
      (document) => ({ ...document, keys: [{ ...document.keys[0], ciphertext: '***' }] }),
      { param: 'keys[0].ciphertext' },
    ],
    [
      'an unknown field',
      (document) => ({ ...document, extra: true }),
      { param: null, message: expect.stringContaining('extra') },
    ],
    [
      'a custom provider with a bad URL',
      (document) => ({
        ...document,
        providers: {
          ...document.providers,
          custom: [{ ...document.providers.custom[0], baseURL: 'ftp://x' }],
        },
      }),
      { param: 'providers.custom[0].baseURL' },
    ],
    [
      'text that is not JSON',
      () => '{ nope',
      { param: null, message: expect.stringContaining('not valid JSON') },
    ],
    [
      'a tampered ciphertext',
      (document) => ({
        ...document,
        keys: document.keys.map((key, index) => (index === 1 ? { ...key, iv: document.keys[0]!.iv } : key)),
      }),
      { status: 403, param: 'keys[1].ciphertext' },
    ],
  ];

  it.each(cases)('refuses %s, naming the field, and changes nothing', async (_name, corrupt, expected) => {
    const source = await filledProfile();
    const document = await source.transfer.export({ passphrase: 'export passphrase' });
    const target = profile();
    await target.keyRing.add({ providerId: 'groq', secret: 'gsk_already_in_target' });
    const before = await target.snapshot();
    await expect(
      target.transfer.import(corrupt(document), { passphrase: 'export passphrase' }),
    ).rejects.toMatchObject({ status: 400, ...expected });
    expect(await target.snapshot()).toEqual(before);
  });

  it('refuses a wrong or missing passphrase, and changes nothing', async () => {
    const source = await filledProfile();
    const document = await source.transfer.export({ passphrase: 'export passphrase' });
    const target = profile();
    const before = await target.snapshot();
    await expect(
      target.transfer.import(document, { passphrase: 'not the passphrase' }),
    ).rejects.toMatchObject({ status: 403, code: 'wrong_passphrase', param: 'keys[0].ciphertext' });
    await expect(target.transfer.import(document)).rejects.toMatchObject({
      status: 400,
      code: 'passphrase_required',
      param: 'passphrase',
    });
    expect(await target.snapshot()).toEqual(before);
  });
});
