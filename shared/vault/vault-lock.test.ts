import { describe, expect, it } from 'vitest';
import type { StoredKey } from '../keys/stored-key';
import { openDatabase, type FreeLLMDatabase } from '../store/database';
import { PBKDF2_ITERATIONS } from './aes-gcm';
import { createVault, type Vault, type VaultOptions } from './vault';

const ITERATIONS = 1_000;
const freshDb = () => openDatabase(`vault-lock-test-${crypto.randomUUID()}`);

/**
 * A secret kept as the key ring keeps one, in a row of the keys table: a new passphrase re-seals
 * what is stored, so it is read back from the table each time.
 */
async function storeSecret(db: FreeLLMDatabase, vault: Vault, secret: string): Promise<StoredSecret> {
  const id = crypto.randomUUID();
  await db.keys.put({ id, sealed: await vault.seal(secret) } as StoredKey);
  return { open: async (by = vault) => by.open((await db.keys.get(id))!.sealed) };
}
interface StoredSecret {
  open(by?: Vault): Promise<string>;
}

function setup(options: VaultOptions = {}) {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const db = freshDb();
  const make = () => createVault(db, crypto, { now: () => clock.now, iterations: ITERATIONS, ...options });
  return { db, clock, vault: make(), restart: make };
}

describe('vault passphrase lock', () => {
  it('keeps working right after a passphrase is set, and a restarted worker starts locked', async () => {
    const { db, vault, restart } = setup();
    const stored = await storeSecret(db, vault, 'gsk_before_the_lock');
    await vault.setPassphrase('correct horse battery');
    expect(await stored.open()).toBe('gsk_before_the_lock');
    expect(await vault.status()).toEqual({ locked: false, hasPassphrase: true, autoLockMs: null });

    const restarted = restart();
    expect(await restarted.status()).toEqual({ locked: true, hasPassphrase: true, autoLockMs: null });
    await expect(stored.open(restarted)).rejects.toMatchObject({
      status: 423,
      type: 'vault_locked',
      code: 'vault_locked',
    });
    await expect(stored.open(restarted)).rejects.toThrow(/Unlock it .* options page or the popup/);
    await expect(restarted.seal('gsk_added_while_locked')).rejects.toMatchObject({ code: 'vault_locked' });
    await restarted.unlock('correct horse battery');
    expect(await stored.open(restarted)).toBe('gsk_before_the_lock');
  });

  it('tells its host each time it locks (by itself too) or unlocks', async () => {
    let changes = 0;
    const pending: (() => void)[] = [];
    const timers = {
      setTimeout: (callback: () => void) => pending.push(callback),
      clearTimeout: () => undefined,
    };
    const { vault, clock } = setup({ onLockChange: () => (changes += 1), timers });
    await vault.setPassphrase('a long passphrase', { autoLockMs: 60_000 });
    const afterSet = changes;
    await vault.lock();
    expect(changes).toBe(afterSet + 1);
    await vault.unlock('a long passphrase');
    expect(changes).toBe(afterSet + 2);
    const beforeIdle = changes;
    clock.now += 60_000;
    pending.at(-1)?.();
    expect(changes).toBe(beforeIdle + 1);
    expect(await vault.status()).toMatchObject({ locked: true });
  });

  it('refuses a wrong passphrase with a clear error and changes nothing', async () => {
    const { db, vault, restart } = setup();
    const stored = await storeSecret(db, vault, 'csk-kept-safe-1234');
    await vault.setPassphrase('the right passphrase');
    const metaBefore = await db.vaultMeta.toArray();
    const restarted = restart();
    await expect(restarted.unlock('the wrong passphrase')).rejects.toMatchObject({
      status: 403,
      code: 'wrong_passphrase',
      param: 'passphrase',
    });
    expect(await restarted.status()).toMatchObject({ locked: true });
    expect(await db.vaultMeta.toArray()).toEqual(metaBefore);
    await restarted.unlock('the right passphrase');
    expect(await stored.open(restarted)).toBe('csk-kept-safe-1234');
  });

  it('locks on demand, and the lock needs a passphrase to exist', async () => {
    const { db, vault } = setup();
    await expect(vault.lock()).rejects.toMatchObject({ status: 409, code: 'no_passphrase' });
    const stored = await storeSecret(db, vault, 'gsk_lock_on_demand');
    await vault.setPassphrase('lock me please');
    await vault.lock();
    expect(await vault.status()).toMatchObject({ locked: true });
    await expect(stored.open()).rejects.toMatchObject({ code: 'vault_locked' });
    await vault.unlock('lock me please');
    expect(await stored.open()).toBe('gsk_lock_on_demand');
  });

  it('auto-locks after the idle time measured on the injected clock; use and touch() reset it', async () => {
    const { db, vault, clock } = setup();
    const stored = await storeSecret(db, vault, 'gsk_idle_watcher_1');
    await vault.setPassphrase('idle passphrase', { autoLockMs: 60_000 });
    expect(await vault.status()).toEqual({ locked: false, hasPassphrase: true, autoLockMs: 60_000 });
    clock.now += 59_000;
    expect(await stored.open()).toBe('gsk_idle_watcher_1');
    clock.now += 59_000;
    vault.touch();
    clock.now += 59_000;
    expect(await vault.status()).toMatchObject({ locked: false });
    clock.now += 1_000;
    expect(await vault.status()).toMatchObject({ locked: true });
    await expect(stored.open()).rejects.toMatchObject({ code: 'vault_locked' });
    vault.touch();
    await expect(stored.open()).rejects.toMatchObject({ code: 'vault_locked' });
  });

  it('drops the key when the injected timer fires, without waiting for the next use', async () => {
    const live = new Map<number, { callback: () => void; ms: number }>();
    let lastHandle = 0;
    const timers = {
      setTimeout: (callback: () => void, ms: number) =>
        live.set(++lastHandle, { callback, ms }) && lastHandle,
      clearTimeout: (handle: unknown) => live.delete(Number(handle)),
    };
    const { vault } = setup({ timers, now: undefined });
    await vault.setPassphrase('timer passphrase', { autoLockMs: 300_000 });
    vault.touch();
    expect([...live.values()].map((timer) => timer.ms)).toEqual([300_000]);
    [...live.values()][0]!.callback();
    expect(await vault.status()).toMatchObject({ locked: true });
  });

  it('changes the passphrase: the stored keys open with the new one only', async () => {
    const { db, vault, restart } = setup();
    const stored = await storeSecret(db, vault, 'gsk_survives_the_change');
    await vault.setPassphrase('first passphrase', { autoLockMs: 600_000 });
    await expect(vault.changePassphrase('not the first one', 'second passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await expect(vault.changePassphrase('first passphrase', 'short')).rejects.toMatchObject({
      status: 400,
      param: 'passphrase',
    });
    await vault.changePassphrase('first passphrase', 'second passphrase');
    expect(await stored.open()).toBe('gsk_survives_the_change');
    expect(await vault.status()).toMatchObject({ autoLockMs: 600_000 });

    const restarted = restart();
    await expect(restarted.unlock('first passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await restarted.unlock('second passphrase');
    expect(await stored.open(restarted)).toBe('gsk_survives_the_change');
    expect(await db.deviceKeys.count()).toBe(1);
  });

  it('removes the lock with the passphrase; keys open again with no passphrase after a restart', async () => {
    const { db, vault, restart } = setup();
    const stored = await storeSecret(db, vault, 'csk-unlocked-forever');
    await vault.setPassphrase('temporary lock', { autoLockMs: 60_000 });
    await expect(vault.removePassphrase('wrong one here')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await vault.removePassphrase('temporary lock');
    const restarted = restart();
    expect(await restarted.status()).toEqual({ locked: false, hasPassphrase: false, autoLockMs: null });
    expect(await stored.open(restarted)).toBe('csk-unlocked-forever');
  });

  it('refuses a second setPassphrase, a short passphrase and a bad auto-lock time', async () => {
    const { vault } = setup();
    await expect(vault.setPassphrase('short')).rejects.toMatchObject({ status: 400, param: 'passphrase' });
    await expect(vault.setPassphrase('long enough', { autoLockMs: -5 })).rejects.toMatchObject({
      status: 400,
      param: 'autoLockMs',
    });
    await vault.setPassphrase('long enough');
    await expect(vault.setPassphrase('another one')).rejects.toMatchObject({
      status: 409,
      code: 'passphrase_exists',
    });
  });

  it('derives the lock key with at least 600,000 PBKDF2 iterations unless told otherwise', async () => {
    const db = freshDb();
    const vault = createVault(db, crypto);
    await vault.setPassphrase('the product default');
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(await db.vaultMeta.get('dataKey')).toMatchObject({
      wrappedBy: 'passphrase',
      iterations: PBKDF2_ITERATIONS,
    });
  });

  it('stays unlocked across a worker restart while the browser session keeps the key, until the idle time runs out', async () => {
    let stored: unknown = null;
    const session = { get: async () => stored, set: async (value: unknown) => void (stored = value) };
    const { db, restart: make, clock } = setup({ session });
    const first = make();
    const kept = await storeSecret(db, first, 'gsk_survives_restart');
    await first.setPassphrase('correct horse battery', { autoLockMs: 60_000 });
    // A new vault on the same database is the restarted worker.
    const restarted = make();
    expect(await restarted.status()).toMatchObject({ locked: false, hasPassphrase: true });
    expect(await kept.open(restarted)).toBe('gsk_survives_restart');
    clock.now += 61_000;
    const later = make();
    expect(await later.status()).toMatchObject({ locked: true });
    expect(stored).toBeNull();
    await expect(kept.open(later)).rejects.toMatchObject({ code: 'vault_locked' });
  });

  it('forgets the session copy when locked, so a restart stays locked', async () => {
    let stored: unknown = null;
    const session = { get: async () => stored, set: async (value: unknown) => void (stored = value) };
    const { restart: make } = setup({ session });
    const vault = make();
    await vault.seal('x-key-value-123');
    await vault.setPassphrase('correct horse battery');
    expect(stored).not.toBeNull();
    await vault.lock();
    expect(stored).toBeNull();
    expect(await make().status()).toMatchObject({ locked: true });
  });
});
