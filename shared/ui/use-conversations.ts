/**
 * @module The conversations a page keeps (the popup closes whenever it loses focus; the playground
 * may be reloaded): the one opened last is read once its store can be read, each change is saved
 * one write at a time so a later state never lands under an earlier one, and the list follows.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChatSummary } from '../chats/chat-history';
import type { ChatSettings } from '../chats/chat-settings';
import type { ChatTurn } from '../chats/chat-turn';

/** Where conversations are kept: the engine's chat history, directly or through the background. */
export interface ChatStore {
  list(): Promise<ChatSummary[]>;
  get(id: string): Promise<{ turns: ChatTurn[]; settings: ChatSettings } | null | undefined>;
  save(id: string, change: { turns?: ChatTurn[]; title?: string; settings?: ChatSettings }): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  current(): Promise<string | null | undefined>;
  open(id: string): Promise<unknown>;
}

export interface OpenConversation {
  id: string;
  turns: ChatTurn[];
  settings: ChatSettings;
}

export interface Conversations {
  /** Undefined until read. */
  open: OpenConversation | undefined;
  /** The kept ones, latest first (a new one joins once something is said in it). */
  list: ChatSummary[];
  /**
   * Saves the turns of conversation `id` (the one a finished answer belongs to, even if another is
   * open now); settles once they are kept, or rejects with why they could not be.
   */
  keep(id: string, turns: ChatTurn[]): Promise<unknown>;
  /** Saves the system prompt, temperature and max tokens of conversation `id`. */
  keepSettings(id: string, settings: ChatSettings): void;
  startNew(): void;
  /** Opens a new conversation that starts with `turns` (the playground's compare, continued in the chat). */
  startWith(turns: ChatTurn[]): void;
  switchTo(id: string): void;
  rename(title: string): void;
  remove(): void;
}

/** `readable` is false while the store cannot be read (a locked vault); reading waits for it. */
export function useConversations(store: ChatStore, readable: boolean, newId: () => string): Conversations {
  const [open, setOpen] = useState<OpenConversation>();
  const [list, setList] = useState<ChatSummary[]>([]);
  // Each change is sent at once, not behind the previous one: the popup may close the moment an
  // answer shows, and a change not yet sent is lost. The store applies one conversation's changes
  // in the order they come (shared/chats/chat-history.ts).
  const queue = (write: () => Promise<unknown>) => {
    const written = write();
    void written.then(() => store.list().then(setList)).catch(() => undefined);
    return written;
  };
  const show = async (id: string | null | undefined) => {
    const chosen = id ?? newId();
    const chat = id ? await store.get(id).catch(() => undefined) : undefined;
    setOpen({ id: chosen, turns: chat?.turns ?? [], settings: chat?.settings ?? {} });
    queue(() => store.open(chosen));
  };
  useEffect(() => {
    if (!readable || open) return;
    store.current().then(show, () => show(undefined));
  }, [readable]);
  return {
    open,
    list,
    keep: (id, turns) => queue(() => store.save(id, { turns })),
    keepSettings(id, settings) {
      queue(() => store.save(id, { settings }));
    },
    startNew: () => void show(undefined),
    startWith(turns) {
      const id = newId();
      setOpen({ id, turns, settings: {} });
      queue(() => store.save(id, { turns }));
      queue(() => store.open(id));
    },
    switchTo: (id) => void show(id),
    rename(title) {
      if (open) queue(() => store.save(open.id, { title }));
    },
    remove() {
      if (!open) return;
      const next = list.find((chat) => chat.id !== open.id)?.id;
      queue(() => store.remove(open.id));
      void show(next);
    },
  };
}
