/**
 * @module The playground's chat: the shared chat with each answer's figures, over a fetch that
 * records its last call for the API explorer shown below it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { ChatView } from '../../shared/ui/chat-view';
import { AnswerFigures } from './answer-figures';
import { ApiExplorer } from '../explorer/api-explorer';
import { recordingFetch, type RecordedCall } from '../explorer/record-calls';

export interface PlaygroundChatProps {
  fetch: typeof fetch;
  baseURL: string;
  /** Without the extension: snippets then say they need it. */
  standalone: boolean;
  /** What the chat card shows above the chat (its title, notes, the conversation picker). */
  children?: ComponentChildren;
  /** The conversation open, when the page keeps conversations (null: not read yet, no chat to show). */
  conversation?: { id: string; turns: ChatTurn[]; keep(turns: ChatTurn[]): void } | null;
  emptyHint: string;
  onTurnError?(error: unknown): void;
}

export function PlaygroundChat(props: PlaygroundChatProps) {
  const { conversation } = props;
  const [call, setCall] = useState<RecordedCall | undefined>();
  const fetch = useMemo(() => recordingFetch(props.fetch, setCall), [props.fetch]);
  const [model, setModel] = useState('auto');
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  // Another conversation opened: the explorer and snippets start again from it.
  useEffect(() => {
    setTurns(conversation?.turns ?? []);
    setCall(undefined);
  }, [conversation?.id]);
  return (
    <>
      <section class="card chat-card">
        {props.children}
        {conversation !== null && (
          <ChatView
            key={conversation?.id}
            fetch={fetch}
            baseURL={props.baseURL}
            initialTurns={conversation?.turns}
            onTurnsChange={(changed) => {
              setTurns(changed);
              conversation?.keep(changed);
            }}
            model={model}
            onModelChange={setModel}
            emptyHint={props.emptyHint}
            onTurnError={props.onTurnError}
            renderFigures={(figures) => <AnswerFigures figures={figures} />}
          />
        )}
      </section>
      <ApiExplorer call={call} model={model} turns={turns} standalone={props.standalone} />
    </>
  );
}
