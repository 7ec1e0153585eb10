/**
 * @module The playground's chat in each mode. A conversation continued from the compare opens
 * as a new chat, with the model that gave the chosen answer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { FREELLM_BASE_URL } from '../../shared/http/base-url';
import { ChatView } from '../../shared/ui/chat-view';
import { ConversationBar } from '../../shared/ui/conversation-bar';
import { useConversations } from '../../shared/ui/use-conversations';
import type { FreeLLMPageApi } from '../../extension/lib/page-api/freellm';
import type { StandaloneEngine } from '../standalone-engine';

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
    <section class="card chat-card">
      <ChatView
        key={continued?.count ?? 0}
        fetch={api.fetch}
        baseURL={api.baseURL}
        initialTurns={continued?.turns}
        model={continued?.model}
        emptyHint="Say hello. The answer streams from whichever of your providers has room."
        onTurnError={onTurnError}
      />
    </section>
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
    <section class="card chat-card">
      <div class="chat-card-head">
        <h2>Chat</h2>
        <ConversationBar conversations={conversations} />
      </div>
      {open && (
        <ChatView
          key={open.id}
          fetch={standalone.fetch}
          baseURL={FREELLM_BASE_URL}
          initialTurns={open.turns}
          onTurnsChange={(turns) => conversations.keep(open.id, turns)}
          model={model}
          onModelChange={setModel}
          emptyHint={hasKeys ? 'Say hello.' : 'Add a key above, then say hello.'}
        />
      )}
    </section>
  );
}
