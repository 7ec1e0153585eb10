/**
 * @module The playground's chat in each mode. A conversation continued from the compare opens
 * as a new chat, with the model that gave the chosen answer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { FREELLM_BASE_URL } from '../../shared/http/base-url';
import { ConversationBar } from '../../shared/ui/conversation-bar';
import { useConversations } from '../../shared/ui/use-conversations';
import type { FreeLLMPageApi } from '../../extension/lib/page-api/freellm';
import type { StandaloneEngine } from '../standalone-engine';
import { ExploredChat } from './explored-chat';

/** A conversation to go on with: `count` tells one continuation from the next. */
export interface Continuation {
  turns: ChatTurn[];
  model: string;
  count: number;
}

export function ExtensionChat(props: {
  api: FreeLLMPageApi;
  continued: Continuation | undefined;
  onTurnError(error: unknown): void;
}) {
  const { api, continued, onTurnError } = props;
  return (
    <ExploredChat
      chatKey={continued?.count ?? 0}
      standalone={false}
      fetch={api.fetch}
      baseURL={api.baseURL}
      initialTurns={continued?.turns}
      model={continued?.model}
      emptyHint="Say hello. The answer streams from whichever of your providers has room."
      onTurnError={onTurnError}
    />
  );
}

export function StandaloneChat(props: {
  standalone: StandaloneEngine;
  hasKeys: boolean;
  continued: Continuation | undefined;
}) {
  const { standalone, hasKeys, continued } = props;
  // This page's engine keeps the conversations across reloads (sealed like its keys).
  const conversations = useConversations(standalone.engine.chats, true, () => crypto.randomUUID());
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
      standalone
      fetch={standalone.fetch}
      baseURL={FREELLM_BASE_URL}
      initialTurns={open?.turns}
      onTurnsChange={(turns) => open && conversations.keep(open.id, turns)}
      initialSettings={open?.settings}
      onSettingsChange={(settings) => open && conversations.keepSettings(open.id, settings)}
      model={model}
      onModelChange={setModel}
      emptyHint={hasKeys ? 'Say hello.' : 'Add a key above, then say hello.'}
    >
      <div class="chat-card-head">
        <h2>Chat</h2>
        <ConversationBar conversations={conversations} />
      </div>
    </ExploredChat>
  );
}
