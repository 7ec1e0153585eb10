import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createVault } from '../vault/vault';
import { createChatHistory } from './chat-history';
import type { ChatTurn } from './chat-turn';

function setup() {
  const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
  const db = openDatabase(`chat-history-test-${crypto.randomUUID()}`);
  const vault = createVault(db, crypto, { now: () => clock.now, iterations: 1_000 });
  return { db, vault, clock, chats: createChatHistory(db, vault, () => clock.now) };
}

const turns: ChatTurn[] = [
  { role: 'user', content: 'What is the capital of Burkina Faso?' },
  { role: 'assistant', content: 'Ouagadougou.', servedBy: 'groq · llama-3.3-70b-versatile' },
  { role: 'user', content: 'and of Mali?' },
  { role: 'assistant', content: '', error: 'All providers are busy.' },
];

describe('chat history', () => {
  it('gives back what was saved, and keeps none of it in clear on disk', async () => {
    const { db, chats, clock } = setup();
    expect(await chats.get('popup')).toBeUndefined();
    await chats.save('popup', turns);
    expect(await chats.get('popup')).toEqual({ id: 'popup', turns, updatedAt: clock.now });
    const stored = JSON.stringify(await db.chats.toArray(), (_key, value: unknown) =>
      value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
    );
    expect(stored).not.toContain('Burkina');
    expect(stored).not.toContain('Ouagadougou');
  });

  it('is unreadable while the vault is locked, and readable again once unlocked', async () => {
    const { chats, vault } = setup();
    await chats.save('popup', turns);
    await vault.setPassphrase('a long passphrase');
    await vault.lock();
    await expect(chats.get('popup')).rejects.toMatchObject({ status: 423, code: 'vault_locked' });
    await vault.unlock('a long passphrase');
    expect((await chats.get('popup'))?.turns).toEqual(turns);
  });

  it('refuses malformed turns with an error naming the field, and keeps the chat it had', async () => {
    const { chats } = setup();
    await chats.save('popup', turns);
    await expect(chats.save('popup', [{ role: 'system', content: 'x' }])).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('turns.0.role'),
    });
    await expect(chats.save('', turns)).rejects.toMatchObject({ status: 400, param: 'id' });
    expect((await chats.get('popup'))?.turns).toEqual(turns);
  });

  it('forgets a removed chat, and treats a damaged record as no chat', async () => {
    const { db, chats } = setup();
    await chats.save('popup', turns);
    await chats.remove('popup');
    expect(await chats.get('popup')).toBeUndefined();
    await db.chats.put({
      id: 'playground',
      updatedAt: 1,
      sealed: { iv: new Uint8Array(12), data: new Uint8Array(40) },
    });
    expect(await chats.get('playground')).toBeUndefined();
  });
});
