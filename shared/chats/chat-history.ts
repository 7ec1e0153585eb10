/**
 * @module FreeLLM's own conversations (the popup's, the standalone playground's), kept so they
 * survive the popup closing. Everything said in one, its title and its settings are sealed by the
 * vault like a key: unreadable while locked, never in clear on disk. A conversation stays until
 * its owner deletes it; there is no hidden archive. Which one is open is kept too (not secret: an id).
 */
import { z } from 'zod';
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import { readSetting, writeSetting } from '../store/kept-setting';
import type { Vault } from '../vault/vault';
import { isVaultLocked } from '../vault/vault-errors';
import { chatTurnsSchema, type ChatTurn } from './chat-turn';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';
import { chatIdSchema, chatRecordSchema } from './chat-record';
import { chatSettingsSchema, type ChatSettings } from './chat-settings';

const changeSchema = z.strictObject({
  /** Given by its owner; without one, the first question names the conversation. */
  title: z.string().trim().min(1).max(200).optional(),
  turns: chatTurnsSchema.optional(),
  settings: chatSettingsSchema.optional(),
});
const conversationSchema = changeSchema.required({ turns: true }).extend({
  // Kept before there were settings: none. Settings this version cannot read cost only themselves.
  settings: chatSettingsSchema.default({}).catch({}),
});

/** What is sealed: a conversation, or (before conversations had titles) its bare list of turns. */
const sealedConversationSchema = z.union([
  conversationSchema,
  chatTurnsSchema.transform((turns) => ({ turns, settings: {}, title: undefined })),
]);

export interface ChatSummary {
  id: string;
  /**
   * Given by its owner, else its first question; none before anything is said. The page shows its
   * own words then, in its language: a default kept here would stay in the language of its day.
   */
  title?: string;
  updatedAt: number;
}

export interface Chat extends ChatSummary {
  turns: ChatTurn[];
  settings: ChatSettings;
}

export interface ChatHistory {
  /** Every conversation, the latest first. Throws 423 while locked. */
  list(): Promise<ChatSummary[]>;
  /** The conversation, or undefined if there is none (or what is stored no longer parses). Throws 423 while locked. */
  get(id: string): Promise<Chat | undefined>;
  /** Changes a conversation (its turns, title or settings; what is left out stays), creating it if new. */
  save(id: string, change: unknown): Promise<void>;
  remove(id: string): Promise<void>;
  /** The conversation opened last (perhaps new, with nothing said yet), or else the latest one. */
  current(): Promise<string | undefined>;
  open(id: string): Promise<void>;
}

const CURRENT_CHAT = 'currentChat';
const TITLE_LENGTH = 60;

function titleOf(conversation: { title?: string; turns: ChatTurn[] }): string | undefined {
  if (conversation.title) return conversation.title;
  const question = conversation.turns.find((turn) => turn.role === 'user')?.content.trim();
  if (!question) return undefined;
  return question.length > TITLE_LENGTH ? `${question.slice(0, TITLE_LENGTH - 1)}…` : question;
}

export function createChatHistory(
  db: FreeLLMDatabase,
  vault: Pick<Vault, 'seal' | 'open'>,
  now: () => number,
): ChatHistory {
  const idOf = (id: unknown) => {
    const parsed = chatIdSchema.safeParse(id);
    if (!parsed.success) throw invalidRequest('A chat id is 1 to 100 characters.', 'id');
    return parsed.data;
  };
  const openRecord = async (row: unknown) => {
    const record = chatRecordSchema.safeParse(row);
    if (!record.success) return undefined;
    let stored: unknown;
    try {
      stored = JSON.parse(await vault.open(record.data.sealed));
    } catch (error) {
      // Locked stays an error the caller shows; a record that cannot be opened is nothing.
      if (isVaultLocked(error)) throw error;
      return undefined;
    }
    const parsed = sealedConversationSchema.safeParse(stored);
    return parsed.success ? { ...record.data, conversation: parsed.data } : undefined;
  };
  const chatOf = async (row: unknown): Promise<Chat | undefined> => {
    const opened = await openRecord(row);
    if (!opened) return undefined;
    const { id, updatedAt, conversation } = opened;
    return { id, updatedAt, ...conversation, title: titleOf(conversation) };
  };
  /**
   * Changes to one conversation (and to which one is open), applied one after another in the order
   * they were asked for: a save reads the kept conversation and writes it back, and a popup sends
   * its question and then its answer without waiting (it may close as soon as the answer shows).
   */
  const pending = new Map<string, Promise<unknown>>();
  const inTurn = (key: string, change: () => Promise<unknown>): Promise<void> => {
    const done = (pending.get(key) ?? Promise.resolve()).then(change).then(() => undefined);
    const settled = done.catch(() => undefined);
    pending.set(key, settled);
    void settled.then(() => pending.get(key) === settled && pending.delete(key));
    return done;
  };
  const openedId = () => readSetting(db, CURRENT_CHAT, chatIdSchema.optional(), undefined);
  const latestId = async () => (await db.chats.orderBy('updatedAt').last())?.id;
  return {
    async list() {
      const chats = await Promise.all((await db.chats.toArray()).map(chatOf));
      return chats
        .filter((chat) => chat !== undefined)
        .map(({ id, title, updatedAt }) => ({ id, title, updatedAt }))
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async get(id) {
      return chatOf(await db.chats.get(idOf(id)));
    },
    async save(id, change) {
      const key = idOf(id);
      const parsed = parseOrInvalidRequest(changeSchema, change, { what: 'Invalid chat' });
      // Entered before any await, so the order of calls is the order of changes.
      return inTurn(key, async () => {
        const kept = (await openRecord(await db.chats.get(key)))?.conversation;
        const conversation = conversationSchema.parse({ turns: [], ...kept, ...parsed });
        const sealed = await vault.seal(JSON.stringify(conversation));
        await db.chats.put({ id: key, updatedAt: now(), sealed });
      });
    },
    async remove(id) {
      const key = idOf(id);
      const removed = inTurn(key, () => db.chats.delete(key));
      // Which one is open changes in turn too: a removal and the opening of the next one race otherwise.
      await inTurn(CURRENT_CHAT, async () => {
        await removed;
        if ((await openedId()) === key) await db.settings.delete(CURRENT_CHAT);
      });
    },
    async current() {
      // A new conversation is opened before anything is said in it, so it may not be kept yet.
      return (await openedId()) ?? latestId();
    },
    async open(id) {
      const key = idOf(id);
      await inTurn(CURRENT_CHAT, () => writeSetting(db, CURRENT_CHAT, key));
    },
  };
}
