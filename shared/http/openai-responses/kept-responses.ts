/**
 * @module What FreeLLM keeps of its Responses API answers so that `previous_response_id` and
 * `item_reference` work: each response's conversation (as chat messages, without its
 * `instructions`, which a follow-up does not inherit) and its output items. Kept in the memory
 * of the engine only, per caller partition (a site never reads another's), for the last
 * MAX_KEPT responses of each; gone when the extension's service worker stops. Keys are never
 * in it: only the conversation the caller sent and the answers it got. A request with
 * `store: false` keeps nothing.
 */
import { callerOrigin, type Caller } from '../../engine/engine-answer';
import type { ChatMessage } from '../../openai/chat';
import type { InputItem } from './responses-request';

export const MAX_KEPT = 50;

interface Kept {
  conversation: ChatMessage[];
  itemIds: string[];
}

export interface KeptResponses {
  conversation(responseId: string): ChatMessage[] | undefined;
  item(itemId: string): InputItem | undefined;
  keep(responseId: string, conversation: ChatMessage[], items: Map<string, InputItem>): void;
}

const byOwner = new WeakMap<object, Map<string, KeptResponses>>();

/** The kept responses of one caller partition of one engine (`owner`). */
export function keptResponsesOf(owner: object, caller: Caller): KeptResponses {
  const partitions = byOwner.get(owner) ?? new Map<string, KeptResponses>();
  byOwner.set(owner, partitions);
  const partition = callerOrigin(caller);
  const existing = partitions.get(partition);
  if (existing) return existing;
  const responses = new Map<string, Kept>();
  const items = new Map<string, InputItem>();
  const kept: KeptResponses = {
    conversation: (responseId) => responses.get(responseId)?.conversation,
    item: (itemId) => items.get(itemId),
    keep(responseId, conversation, output) {
      responses.set(responseId, { conversation, itemIds: [...output.keys()] });
      for (const [id, item] of output) items.set(id, item);
      for (const [oldest, { itemIds }] of responses) {
        if (responses.size <= MAX_KEPT) break;
        responses.delete(oldest);
        for (const id of itemIds) items.delete(id);
      }
    },
  };
  partitions.set(partition, kept);
  return kept;
}
