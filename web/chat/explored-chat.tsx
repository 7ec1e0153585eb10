/**
 * @module The shared chat as the playground shows it: each answer with its figures, over a fetch
 * that records its last call for the API explorer shown below it. Takes the chat's own props.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { ChatView, type ChatViewProps } from '../../shared/ui/chat-view';
import { ApiExplorer } from '../explorer/api-explorer';
import { recordingFetch, type RecordedCall } from '../explorer/record-calls';
import { AnswerFigures } from './answer-figures';

export interface ExploredChatProps extends ChatViewProps {
  /** Without the extension: snippets then say they need it. */
  standalone: boolean;
  /** Changes when another conversation opens (the chat starts again from `initialTurns`). */
  chatKey?: string | number;
  /** False while the conversation to show is still being read: no chat yet. */
  ready?: boolean;
  /** What the chat card shows above the chat (its title, the conversation picker). */
  children?: ComponentChildren;
}

export function ExploredChat({ standalone, chatKey, ready = true, children, ...chat }: ExploredChatProps) {
  const [call, setCall] = useState<RecordedCall | undefined>();
  const fetch = useMemo(() => recordingFetch(chat.fetch, setCall), [chat.fetch]);
  const [model, setModel] = useState(chat.model ?? 'auto');
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  // Another conversation opened: the explorer and snippets start again from it.
  useEffect(() => {
    setTurns(chat.initialTurns ?? []);
    setModel(chat.model ?? 'auto');
    setCall(undefined);
  }, [chatKey]);
  return (
    <>
      <section class="card chat-card">
        {children}
        {ready && (
          <ChatView
            {...chat}
            key={chatKey}
            fetch={fetch}
            onModelChange={(picked) => {
              setModel(picked);
              chat.onModelChange?.(picked);
            }}
            onTurnsChange={(changed) => {
              setTurns(changed);
              return chat.onTurnsChange?.(changed);
            }}
            renderFigures={(figures) => <AnswerFigures figures={figures} />}
          />
        )}
      </section>
      <ApiExplorer call={call} model={model} turns={turns} standalone={standalone} />
    </>
  );
}
