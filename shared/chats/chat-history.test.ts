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

/** Everything the database holds, with ciphertext bytes read as text so a leak in clear would show. */
async function storedText(db: ReturnType<typeof setup>['db']) {
  const tables = { chats: await db.chats.toArray(), settings: await db.settings.toArray() };
  return JSON.stringify(tables, (_key, value: unknown) =>
    value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
  );
}

describe('chat history', () => {
  it('applies changes sent one after another without waiting in the order they were sent', async () => {
    const { chats } = setup();
    const question: ChatTurn[] = [{ role: 'user', content: 'Capital of Ghana?' }];
    await Promise.all([
      chats.save('popup', { title: 'Capitals' }),
      chats.save('popup', { turns: question }),
      chats.save('popup', { turns: [...question, { role: 'assistant', content: 'Accra.' }] }),
    ]);
    expect(await chats.get('popup')).toMatchObject({
      title: 'Capitals',
      turns: [...question, { role: 'assistant', content: 'Accra.' }],
    });
  });

  it('gives back what was saved, and keeps none of a conversation, its title or settings in clear', async () => {
    const { db, chats, clock } = setup();
    expect(await chats.get('popup')).toBeUndefined();
    const settings = { system: 'Answer like a Sahel geographer.', temperature: 0.3, maxTokens: 200 };
    await chats.save('popup', { turns, settings });
    await chats.save('popup', { title: 'Capitals of West Africa' });
    expect(await chats.get('popup')).toEqual({
      id: 'popup',
      title: 'Capitals of West Africa',
      turns,
      settings,
      updatedAt: clock.now,
    });
    const stored = await storedText(db);
    for (const secret of ['Burkina', 'Ouagadougou', 'Capitals of West', 'Sahel geographer']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('lists conversations latest first, named by their first question until renamed (before that by the page, in its language)', async () => {
    const { chats, clock } = setup();
    await chats.save('a', { turns });
    clock.now += 1_000;
    await chats.save('b', { turns: [{ role: 'user', content: `Tell me ${'very '.repeat(20)}much` }] });
    clock.now += 1_000;
    await chats.save('c', { turns: [] });
    expect(await chats.list()).toEqual([
      { id: 'c', title: undefined, updatedAt: clock.now },
      { id: 'b', title: expect.stringMatching(/^Tell me very very .{30,}…$/), updatedAt: clock.now - 1_000 },
      { id: 'a', title: 'What is the capital of Burkina Faso?', updatedAt: clock.now - 2_000 },
    ]);
    await chats.save('a', { title: 'Capitals' });
    expect((await chats.list())[0]).toMatchObject({ id: 'a', title: 'Capitals' });
    await chats.remove('c');
    expect((await chats.list()).map((chat) => chat.id)).toEqual(['a', 'b']);
  });

  it('restores the conversation opened last, or else the latest one', async () => {
    const { chats, clock } = setup();
    expect(await chats.current()).toBeUndefined();
    await chats.save('older', { turns });
    clock.now += 1_000;
    await chats.save('newer', { turns });
    expect(await chats.current()).toBe('newer');
    await chats.open('older');
    expect(await chats.current()).toBe('older');
    await chats.remove('older');
    expect(await chats.current()).toBe('newer');
    await chats.open('not-said-anything-yet');
    expect(await chats.current()).toBe('not-said-anything-yet');
  });

  it('opens the single conversation kept before there were titles, and keeps it as one of the list', async () => {
    const { db, vault, chats } = setup();
    // What the popup kept until now: the bare list of turns, sealed, under `popup`.
    await db.chats.put({ id: 'popup', updatedAt: 5, sealed: await vault.seal(JSON.stringify(turns)) });
    expect(await chats.current()).toBe('popup');
    expect(await chats.get('popup')).toEqual({
      id: 'popup',
      title: 'What is the capital of Burkina Faso?',
      turns,
      settings: {},
      updatedAt: 5,
    });
    await chats.save('popup', { title: 'Renamed' });
    expect(await chats.get('popup')).toMatchObject({ title: 'Renamed', turns });
  });

  it('opens a conversation kept before it had settings with none, and one whose settings no longer parse with its turns', async () => {
    const { db, vault, chats } = setup();
    await db.chats.put({
      id: 'titled',
      updatedAt: 5,
      sealed: await vault.seal(JSON.stringify({ title: 'Capitals', turns })),
    });
    await db.chats.put({
      id: 'newer',
      updatedAt: 6,
      sealed: await vault.seal(JSON.stringify({ turns, settings: { temperature: 'warm', maxTokens: 0 } })),
    });
    expect(await chats.get('titled')).toMatchObject({ title: 'Capitals', turns, settings: {} });
    expect(await chats.get('newer')).toMatchObject({ turns, settings: {} });
    await chats.save('titled', { settings: { temperature: 1.2 } });
    expect(await chats.get('titled')).toMatchObject({
      title: 'Capitals',
      turns,
      settings: { temperature: 1.2 },
    });
  });

  it('is unreadable while the vault is locked, and readable again once unlocked', async () => {
    const { chats, vault } = setup();
    await chats.save('popup', { turns });
    await vault.setPassphrase('a long passphrase');
    await vault.lock();
    await expect(chats.get('popup')).rejects.toMatchObject({ status: 423, code: 'vault_locked' });
    await expect(chats.list()).rejects.toMatchObject({ status: 423, code: 'vault_locked' });
    await vault.unlock('a long passphrase');
    expect((await chats.get('popup'))?.turns).toEqual(turns);
  });

  it('refuses malformed changes with an error naming the field, and keeps the chat it had', async () => {
    const { chats } = setup();
    await chats.save('popup', { turns });
    await expect(chats.save('popup', { turns: [{ role: 'system', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('turns.0.role'),
    });
    await expect(chats.save('popup', { settings: { temperature: 7 } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/settings\.temperature.*Temperature is a number from 0 to 2/),
    });
    await expect(chats.save('popup', { title: '   ' })).rejects.toMatchObject({ status: 400 });
    await expect(chats.save('', { turns })).rejects.toMatchObject({ status: 400, param: 'id' });
    expect((await chats.get('popup'))?.turns).toEqual(turns);
  });

  it('forgets a removed chat, and treats a damaged record as no chat', async () => {
    const { db, chats } = setup();
    await chats.save('popup', { turns });
    await chats.remove('popup');
    expect(await chats.get('popup')).toBeUndefined();
    await db.chats.put({
      id: 'playground',
      updatedAt: 1,
      sealed: { iv: new Uint8Array(12), data: new Uint8Array(40) },
    });
    expect(await chats.get('playground')).toBeUndefined();
    expect(await chats.list()).toEqual([]);
  });
});
