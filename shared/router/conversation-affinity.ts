/**
 * @module Conversation affinity: follow-up turns of one conversation go back to the key and model
 * that answered before (same voice, warm provider-side prompt cache) while it has headroom. A
 * conversation is recognised by a hash of its opening (everything up to the first user message),
 * which every later turn repeats. Kept on disk (written behind, as usage is): MV3 stops an idle
 * worker after 30 seconds, far sooner than a person writes a follow-up.
 */
import { z } from 'zod';
import type { ChatMessage } from '../openai/chat';
import type { FreeLLMDatabase } from '../store/database';
import { readSetting, writeSetting } from '../store/kept-setting';
import { createWriteBehind, type WriteBehind } from '../store/write-behind';

export interface AffinityTarget {
  keyId: string;
  model: string;
}

const CAPACITY = 1000;

/** FNV-1a, 32 bits: fast, and collisions only cost a routing preference. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(36);
}

export function conversationOf(messages: readonly ChatMessage[]): { id: string; followUp: boolean } {
  const firstUser = messages.findIndex((message) => message.role === 'user');
  const opening = messages.slice(0, firstUser < 0 ? messages.length : firstUser + 1);
  return {
    id: hash(JSON.stringify(opening)),
    followUp: messages.some((message) => message.role === 'assistant'),
  };
}

const AFFINITY_SETTING_ID = 'affinity';
/** Oldest first: [conversation, keyId, model]. */
const storedAffinitySchema = z.array(z.tuple([z.string(), z.string(), z.string()])).max(CAPACITY);

export function createAffinityMemory(options: { db?: FreeLLMDatabase; writeBehind?: WriteBehind } = {}) {
  const { db } = options;
  const writeBehind = options.writeBehind ?? createWriteBehind();
  const served = new Map<string, AffinityTarget>();
  let loading: Promise<void> | undefined;
  const write = async () => {
    if (db)
      await writeSetting(
        db,
        AFFINITY_SETTING_ID,
        [...served].map(([conversation, target]) => [conversation, target.keyId, target.model]),
      );
  };
  return {
    /** Reads what an earlier worker remembered, once; what this one learned since wins. */
    load(): Promise<void> {
      loading ??= (async () => {
        if (!db) return;
        const stored = await readSetting(db, AFFINITY_SETTING_ID, storedAffinitySchema, []).catch(() => []);
        const learned = [...served];
        served.clear();
        for (const [conversation, keyId, model] of stored) served.set(conversation, { keyId, model });
        for (const [conversation, target] of learned) {
          served.delete(conversation);
          served.set(conversation, target);
        }
      })();
      return loading;
    },
    get: (conversation: string) => served.get(conversation),
    remember(conversation: string, target: AffinityTarget): void {
      served.delete(conversation);
      served.set(conversation, target);
      // Maps iterate in insertion order: the first key is the least recently answered.
      if (served.size > CAPACITY) served.delete(served.keys().next().value ?? '');
      if (db) void writeBehind.once(write);
    },
  };
}
export type AffinityMemory = ReturnType<typeof createAffinityMemory>;
