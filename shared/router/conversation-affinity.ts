/**
 * @module Conversation affinity: follow-up turns of one conversation go back to the key and model
 * that answered before (same voice, warm provider-side prompt cache) while it has headroom. A
 * conversation is recognised by a hash of its opening (everything up to the first user message),
 * which every later turn repeats.
 */
import type { ChatMessage } from '../openai/chat';

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
  return { id: hash(JSON.stringify(opening)), followUp: messages.some((message) => message.role === 'assistant') };
}

export function createAffinityMemory() {
  const served = new Map<string, AffinityTarget>();
  return {
    get: (conversation: string) => served.get(conversation),
    remember(conversation: string, target: AffinityTarget): void {
      served.delete(conversation);
      served.set(conversation, target);
      // Maps iterate in insertion order: the first key is the least recently answered.
      if (served.size > CAPACITY) served.delete(served.keys().next().value ?? '');
    },
  };
}
export type AffinityMemory = ReturnType<typeof createAffinityMemory>;
