import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createVault } from './vault';

const freshDb = () => openDatabase(`vault-test-${crypto.randomUUID()}`);

describe('vault', () => {
  it('round-trips a key and stores a non-extractable device key', async () => {
    const db = freshDb();
    const vault = createVault(db, crypto);
    const sealed = await vault.seal('gsk_secret_value_123');
    expect(await vault.open(sealed)).toBe('gsk_secret_value_123');
    const device = await db.deviceKeys.get('device');
    expect(device?.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', device!.key)).rejects.toThrow();
  });

  it('uses a fresh IV per seal, and the ciphertext does not contain the key', async () => {
    const vault = createVault(freshDb(), crypto);
    const first = await vault.seal('gsk_same_key_twice');
    const second = await vault.seal('gsk_same_key_twice');
    expect(first.iv).not.toEqual(second.iv);
    expect(Buffer.from(first.data).toString('latin1')).not.toContain('gsk_same_key_twice');
  });

  it('opens keys sealed by an earlier vault on the same database (a restarted worker)', async () => {
    const db = freshDb();
    const sealed = await createVault(db, crypto).seal('csk-restart-survivor');
    expect(await createVault(db, crypto).open(sealed)).toBe('csk-restart-survivor');
  });

  it('creates one device key even when first used concurrently', async () => {
    const db = freshDb();
    const [a, b] = [createVault(db, crypto), createVault(db, crypto)];
    const [sealedA, sealedB] = await Promise.all([a.seal('one-key-value'), b.seal('two-key-value')]);
    expect(await b.open(sealedA)).toBe('one-key-value');
    expect(await a.open(sealedB)).toBe('two-key-value');
    expect(await db.deviceKeys.count()).toBe(1);
  });

  it('refuses tampered ciphertext', async () => {
    const vault = createVault(freshDb(), crypto);
    const sealed = await vault.seal('gsk_tamper_target');
    sealed.data[0] = (sealed.data[0] ?? 0) ^ 0xff;
    await expect(vault.open(sealed)).rejects.toThrow();
  });
});
