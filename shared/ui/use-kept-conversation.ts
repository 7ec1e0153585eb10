/**
 * @module A chat that outlives its page (the popup closes whenever it loses focus; the playground
 * may be reloaded): read once its store can be read, saved one write at a time so a later state
 * never lands under an earlier one, dropped on "New chat".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatTurn } from '../chats/chat-turn';

/** Where a conversation is kept: the engine's chat history, directly or through the background. */
export interface ChatStore {
  get(id: string): Promise<{ turns: ChatTurn[] } | null | undefined>;
  save(id: string, turns: ChatTurn[]): Promise<unknown>;
  remove(id: string): Promise<unknown>;
}

export interface KeptConversation {
  /** Undefined until read; `generation` changes when a new chat starts (a fresh chat view). */
  conversation: { generation: number; turns: ChatTurn[] } | undefined;
  /** Whether there is anything to start over from (the page shows "New chat" only then). */
  hasTurns: boolean;
  keep(turns: ChatTurn[]): void;
  startOver(): void;
}

/** `readable` is false while the store cannot be read (a locked vault); reading waits for it. */
export function useKeptConversation(store: ChatStore, id: string, readable: boolean): KeptConversation {
  const [conversation, setConversation] = useState<KeptConversation['conversation']>();
  const [hasTurns, setHasTurns] = useState(false);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const queue = (write: () => Promise<unknown>) => {
    writes.current = writes.current.then(write).catch(() => undefined);
  };
  useEffect(() => {
    if (!readable || conversation) return;
    store.get(id).then(
      (chat) => {
        setConversation({ generation: 0, turns: chat?.turns ?? [] });
        setHasTurns((chat?.turns.length ?? 0) > 0);
      },
      () => setConversation({ generation: 0, turns: [] }),
    );
  }, [readable]);
  return {
    conversation,
    hasTurns,
    keep(turns) {
      setHasTurns(turns.length > 0);
      queue(() => store.save(id, turns));
    },
    startOver() {
      setHasTurns(false);
      queue(() => store.remove(id));
      setConversation((current) => ({ generation: (current?.generation ?? 0) + 1, turns: [] }));
    },
  };
}
