/**
 * @module The playground's chat, the same in both modes: conversations kept in this page's own
 * storage (sealed by the in-page engine's vault, so both modes list the same ones), answered
 * through the extension or the in-page engine. A conversation continued from the compare opens
 * as a new chat, with the model that gave the chosen answer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { t } from '../../shared/i18n/t';
import { ConversationBar } from '../../shared/ui/conversation-bar';
import { useConversations, type ChatStore } from '../../shared/ui/use-conversations';
import type { SubscribeToModelChanges } from '../../shared/ui/use-offered-models';
import { ExploredChat } from './explored-chat';

/** A conversation to go on with: `count` tells one continuation from the next. */
export interface Continuation {
  turns: ChatTurn[];
  model: string;
  count: number;
}

export function PlaygroundChat(props: {
  chats: ChatStore;
  fetch: typeof fetch;
  baseURL: string;
  /** Without the extension (the in-page engine answers). */
  standalone: boolean;
  emptyHint: string;
  continued: Continuation | undefined;
  onTurnError?(error: unknown): void;
  subscribeToModelChanges: SubscribeToModelChanges;
}) {
  const { chats, continued } = props;
  const conversations = useConversations(chats, true, () => crypto.randomUUID());
  const { open } = conversations;
  const [model, setModel] = useState('auto');
  useEffect(() => {
    if (!continued) return;
    conversations.startWith(continued.turns);
    setModel(continued.model);
  }, [continued]);
  return (
    <ExploredChat
      chatKey={open?.id}
      ready={open !== undefined}
      standalone={props.standalone}
      fetch={props.fetch}
      baseURL={props.baseURL}
      initialTurns={open?.turns}
      onTurnsChange={(turns) => (open ? conversations.keep(open.id, turns) : undefined)}
      initialSettings={open?.settings}
      onSettingsChange={(settings) => open && conversations.keepSettings(open.id, settings)}
      model={model}
      onModelChange={setModel}
      emptyHint={props.emptyHint}
      onTurnError={props.onTurnError}
      subscribeToModelChanges={props.subscribeToModelChanges}
    >
      <div class="chat-card-head">
        <h2>{t('playChat')}</h2>
        <ConversationBar conversations={conversations} />
      </div>
    </ExploredChat>
  );
}
