import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createVault } from '../vault/vault';
import { createKeyRing } from './key-ring';
import { UNDO_REMOVAL_MS } from './stored-key';

function setup(clock = { now: 1_000 }) {
  const db = openDatabase(`key-ring-test-${crypto.randomUUID()}`);
  const vault = createVault(db, crypto, { now: () => 0, iterations: 1_000 });
  let next = 0;
  return {
    db,
    vault,
    ring: createKeyRing(
      db,
      vault,
      () => clock.now,
      () => `key-${++next}`,
    ),
  };
}

describe('key ring', () => {
  it('adds keys last, lists them masked and never exposes the ciphertext or the secret', async () => {
    const { ring } = setup();
    await ring.add({ providerId: 'groq', secret: 'gsk_first_secret_a1B2' });
    await ring.add({ providerId: 'cerebras', label: 'Work', secret: 'csk-second-secret-c3D4' });
    const listed = await ring.list();
    expect(listed).toEqual([
      {
        id: 'key-1',
        providerId: 'groq',
        label: 'gsk_…a1B2',
        hint: 'gsk_…a1B2',
        enabled: true,
        priority: 1,
        createdAt: 1_000,
      },
      {
        id: 'key-2',
        providerId: 'cerebras',
        label: 'Work',
        hint: 'csk-…c3D4',
        enabled: true,
        priority: 2,
        createdAt: 1_000,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain('secret');
  });

  it('stops using a removed key at once and can restore it, in its place, until the undo window ends', async () => {
    const clock = { now: 1_000 };
    const { ring, db } = setup(clock);
    const first = await ring.add({ providerId: 'groq', label: 'First', secret: 'gsk_first_secret_1111' });
    await ring.add({ providerId: 'groq', label: 'Second', secret: 'gsk_second_secret_2222' });
    await ring.remove(first.id);
    expect((await ring.list()).map((key) => key.label)).toEqual(['Second']);
    await expect(ring.reveal(first.id)).rejects.toMatchObject({ code: 'key_not_found' });

    clock.now += UNDO_REMOVAL_MS - 1;
    expect(await ring.restore(first.id)).toMatchObject({ label: 'First' });
    expect((await ring.list()).map((key) => key.label)).toEqual(['First', 'Second']);
    expect(await ring.reveal(first.id)).toBe('gsk_first_secret_1111');

    await ring.remove(first.id);
    clock.now += UNDO_REMOVAL_MS;
    await expect(ring.restore(first.id)).rejects.toMatchObject({ status: 404, code: 'key_not_found' });
    expect(await db.keys.get(first.id)).toBeUndefined();
  });

  it('renames, disables and re-enables a key, and says which id does not exist', async () => {
    const { ring } = setup();
    const { id } = await ring.add({ providerId: 'groq', secret: 'gsk_rename_me_0001' });
    expect(await ring.rename(id, '  Personal  ')).toMatchObject({ label: 'Personal' });
    await expect(ring.rename(id, ' ')).rejects.toMatchObject({ status: 400, param: 'label' });
    await ring.setEnabled(id, false);
    expect((await ring.list())[0]).toMatchObject({ label: 'Personal', enabled: false });
    await expect(ring.setEnabled('nope', true)).rejects.toMatchObject({ status: 404, code: 'key_not_found' });
    await expect(ring.rotate('nope', 'gsk_whatever_1234')).rejects.toMatchObject({ status: 404 });
  });

  it('rotates a secret in place: same id, label and priority, new secret and hint', async () => {
    const { ring } = setup();
    await ring.add({ providerId: 'groq', secret: 'gsk_stays_first_0000' });
    const named = await ring.add({ providerId: 'groq', label: 'Team', secret: 'gsk_old_secret_aaaa' });
    const unnamed = await ring.add({ providerId: 'groq', secret: 'gsk_old_unnamed_bbbb' });
    expect(await ring.rotate(named.id, 'gsk_new_secret_cccc')).toMatchObject({
      id: named.id,
      label: 'Team',
      hint: 'gsk_…cccc',
      priority: 2,
    });
    expect(await ring.rotate(unnamed.id, 'gsk_new_unnamed_dddd')).toMatchObject({
      label: 'gsk_…dddd',
      priority: 3,
    });
    expect(await ring.reveal(named.id)).toBe('gsk_new_secret_cccc');
    await expect(ring.rotate(named.id, 'short')).rejects.toMatchObject({ status: 400, param: 'secret' });
    expect(await ring.reveal(named.id)).toBe('gsk_new_secret_cccc');
  });

  it('reorders: named ids first, the rest after in their old order', async () => {
    const { ring } = setup();
    for (const suffix of ['aaaa', 'bbbb', 'cccc', 'dddd'])
      await ring.add({ providerId: 'groq', secret: `gsk_order_${suffix}` });
    const reordered = await ring.reorder(['key-3', 'key-1']);
    expect(reordered.map((key) => [key.id, key.priority])).toEqual([
      ['key-3', 1],
      ['key-1', 2],
      ['key-2', 3],
      ['key-4', 4],
    ]);
    expect((await ring.list()).map((key) => key.id)).toEqual(['key-3', 'key-1', 'key-2', 'key-4']);
    await expect(ring.reorder(['key-9'])).rejects.toMatchObject({ code: 'key_not_found' });
  });

  it('adds many keys all or nothing, naming the bad entry', async () => {
    const { ring } = setup();
    await expect(
      ring.addMany([
        { providerId: 'groq', secret: 'gsk_good_one_1111' },
        { providerId: 'groq', secret: 'has a space in it' },
      ]),
    ).rejects.toMatchObject({ status: 400, param: '[1].secret' });
    expect(await ring.list()).toEqual([]);
    expect(
      await ring.addMany([
        { providerId: 'groq', secret: 'gsk_good_one_1111' },
        { providerId: 'cerebras', secret: 'csk-good-two-2222' },
      ]),
    ).toHaveLength(2);
  });

  it('finds stored duplicates by comparing secrets in memory', async () => {
    const { ring } = setup();
    const stored = await ring.add({ providerId: 'groq', secret: 'gsk_already_here_1234' });
    const matches = await ring.matchStored(['gsk_already_here_1234', 'gsk_brand_new_5678']);
    expect(matches).toEqual([expect.objectContaining({ id: stored.id }), undefined]);
  });

  it('refuses to open keys while the vault is locked, and lists them all the same', async () => {
    const { ring, vault } = setup();
    const { id } = await ring.add({ providerId: 'groq', secret: 'gsk_locked_away_0001' });
    await vault.setPassphrase('a long passphrase');
    await vault.lock();
    await expect(ring.reveal(id)).rejects.toMatchObject({ status: 423, code: 'vault_locked' });
    await expect(ring.matchStored(['gsk_locked_away_0001'])).rejects.toMatchObject({ code: 'vault_locked' });
    expect(await ring.list()).toHaveLength(1);
  });
});
