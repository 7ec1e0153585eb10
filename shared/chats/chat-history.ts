/**
 * @module Conversations kept for FreeLLM's own chats (the popup, the standalone playground), so
 * one survives the popup closing. What was said is sealed by the vault like a key: unreadable
 * while locked, never in clear on disk. A chat is kept under a name its owner picks ("popup")
 * until it is removed; there is no hidden archive.
 */
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import type { Vault } from '../vault/vault';
import { isVaultLocked } from '../vault/vault-errors';
import { chatTurnsSchema, type ChatTurn } from './chat-turn';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';
import { chatIdSchema, chatRecordSchema } from './chat-record';

export interface Chat {
  id: string;
  turns: ChatTurn[];
  updatedAt: number;
}

export interface ChatHistory {
  /** The chat, or undefined if there is none (or what is stored no longer parses). Throws 423 while locked. */
  get(id: string): Promise<Chat | undefined>;
  save(id: string, turns: unknown): Promise<void>;
  remove(id: string): Promise<void>;
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
  return {
    async get(id) {
      const record = chatRecordSchema.safeParse(await db.chats.get(idOf(id)));
      if (!record.success) return undefined;
      let turns: unknown;
      try {
        turns = JSON.parse(await vault.open(record.data.sealed));
      } catch (error) {
        // Locked stays an error the caller shows; a record that cannot be opened is nothing.
        if (isVaultLocked(error)) throw error;
        return undefined;
      }
      const parsed = chatTurnsSchema.safeParse(turns);
      return parsed.success
        ? { id: record.data.id, turns: parsed.data, updatedAt: record.data.updatedAt }
        : undefined;
    },
    async save(id, turns) {
      const key = idOf(id);
      const parsed = parseOrInvalidRequest(chatTurnsSchema, turns, {
        what: 'Invalid chat turns',
        param: 'turns',
      });
      const sealed = await vault.seal(JSON.stringify(parsed));
      await db.chats.put({ id: key, updatedAt: now(), sealed });
    },
    async remove(id) {
      await db.chats.delete(idOf(id));
    },
  };
}
