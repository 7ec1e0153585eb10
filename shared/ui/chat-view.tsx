/**
 * @module The chat used by the playground and the popup: it talks to any OpenAI-compatible
 * `fetch`, streams each answer (markdown, sanitized) as it comes, shows which provider served it,
 * offers the models `GET /models` lists, and tries a failed last question again on request.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messagesOf, type AnswerFigures, type ChatTurn } from '../chats/chat-turn';
import { listModelIds, streamChatTurn } from './chat-client';
import { loadMarkdownRenderer, MarkdownView } from './markdown-view';
import { WaitingNote, type Waiting } from './waiting-note';
import './chat-view.css';
import { messageOf } from './message-of';

export interface ChatViewProps {
  fetch: typeof fetch;
  baseURL: string;
  /** The model a new chat starts with; the user can pick another from `GET /models`. */
  model?: string;
  /** Told the model picked, so the next chat can start with it. */
  onModelChange?(model: string): void;
  /** Shown above the input when the conversation is empty. */
  emptyHint?: string;
  /** Hidden, with the conversation kept (the popup while the vault is locked). */
  hidden?: boolean;
  /** Told of a turn that failed (the popup shows its unlock form on `vault_locked`). */
  onTurnError?(error: unknown): void;
  /** A conversation to continue (the popup's, kept across openings). */
  initialTurns?: ChatTurn[];
  /** Told the whole conversation when a question is sent and when its answer ends (answered, failed or stopped). */
  onTurnsChange?(turns: ChatTurn[]): void;
  /** Shown under each answer instead of who served it: how it was served (the playground's times, tokens, attempts, cache). */
  renderFigures?(figures: AnswerFigures): ComponentChildren;
}

export function ChatView({
  fetch,
  baseURL,
  model: firstModel = 'auto',
  onModelChange,
  emptyHint,
  hidden,
  onTurnError,
  initialTurns = [],
  onTurnsChange,
  renderFigures,
}: ChatViewProps) {
  const [turns, setTurns] = useState<ChatTurn[]>(initialTurns);
  const [model, setModel] = useState(firstModel);
  const [models, setModels] = useState<string[]>([]);
  useEffect(() => {
    void listModelIds(fetch, baseURL).then(setModels);
  }, [fetch, baseURL]);
  useEffect(() => void loadMarkdownRenderer(), []);
  // Grouped once per list, not on every streamed delta (a provider may list hundreds of models).
  const modelGroups = useMemo(() => groupModels([...new Set([model, ...models])]), [model, models]);
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  /** The provider asked while nothing of the answer has come yet. */
  const [waiting, setWaiting] = useState<Waiting | undefined>();
  /** Each finished answer, told once to a screen reader (the streaming list itself stays quiet). */
  const [announced, setAnnounced] = useState('');
  const controller = useRef<AbortController | undefined>(undefined);
  // Another conversation opened: this one's answer stops, and is kept as stopped.
  useEffect(() => () => controller.current?.abort(), []);
  const list = useRef<HTMLOListElement>(null);
  /** Whether the reader is at the end of the conversation; then new text keeps it in view. */
  const following = useRef(true);
  useLayoutEffect(() => {
    if (following.current && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [turns]);

  /** Asks `text` after the turns `before` (all of them, or all but a failed exchange being retried). */
  const ask = async (text: string, before: ChatTurn[]) => {
    const asked: ChatTurn[] = [...before, { role: 'user', content: text }];
    const history = messagesOf(asked);
    let answer: ChatTurn = { role: 'assistant', content: '' };
    const show = () => setTurns([...asked, answer]);
    show();
    setBusy(true);
    // The question is kept even if the popup closes before the answer ends.
    onTurnsChange?.(asked);
    controller.current = new AbortController();
    try {
      const result = await streamChatTurn({
        fetch,
        baseURL,
        model,
        messages: history,
        signal: controller.current.signal,
        onDelta: (delta) => {
          answer = { ...answer, content: answer.content + delta };
          setWaiting(undefined);
          show();
        },
        onReasoning: (text) => {
          answer = { ...answer, reasoning: (answer.reasoning ?? '') + text };
          setWaiting(undefined);
          show();
        },
        onAttempt: (progress) => setWaiting({ progress, since: Date.now() }),
        now: () => performance.now(),
      });
      if (result.provider) answer = { ...answer, servedBy: `${result.provider} · ${result.model}` };
      if (result.figures) answer = { ...answer, figures: result.figures };
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      answer = {
        ...answer,
        error: aborted ? 'Stopped.' : messageOf(error),
      };
      if (!aborted) onTurnError?.(error);
    } finally {
      setWaiting(undefined);
      show();
      setAnnounced(answer.error ? `${answer.content}\n${answer.error}`.trim() : answer.content);
      setBusy(false);
      onTurnsChange?.([...asked, answer]);
    }
  };

  const send = (event: Event) => {
    event.preventDefault();
    const text = input.trim();
    if (!text || busy) return;
    setInput('');
    void ask(text, turns);
  };

  /** The last question again, in place of its failed answer. */
  const retry = () => {
    const question = turns.at(-2);
    if (busy || question?.role !== 'user') return;
    void ask(question.content, turns.slice(0, -2));
  };

  return (
    <div class="chat" hidden={hidden}>
      <ol
        class="chat-turns"
        // Scrollable, so a keyboard user can reach and scroll it.
        tabIndex={0}
        aria-label="Chat history"
        ref={list}
        onScroll={(event) => {
          const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
          following.current = scrollHeight - scrollTop - clientHeight < 40;
        }}
      >
        {turns.length === 0 && emptyHint && <li class="chat-empty">{emptyHint}</li>}
        {turns.map((turn, index) => (
          <li
            key={index}
            class={`chat-turn ${turn.role}${turn.error ? ' failed' : ''}`}
            data-testid={`turn-${turn.role}`}
          >
            {turn.reasoning && (
              <details class="chat-reasoning">
                <summary>
                  {turn.content || turn.error || !(busy && index === turns.length - 1)
                    ? 'Reasoning'
                    : 'Thinking…'}
                </summary>
                <p>{turn.reasoning}</p>
              </details>
            )}
            {waiting && busy && index === turns.length - 1 && !turn.content ? (
              <WaitingNote waiting={waiting} />
            ) : (
              <div class="chat-bubble">
                {turn.role === 'assistant' && turn.content ? (
                  <MarkdownView text={turn.content} />
                ) : (
                  turn.content || (turn.error ? '' : '…')
                )}
              </div>
            )}
            {turn.error && (
              <div class="chat-error" role="alert">
                {turn.error}
              </div>
            )}
            {turn.error && index === turns.length - 1 && !busy && (
              <button type="button" class="chat-retry" onClick={retry}>
                Try again
              </button>
            )}
            {renderFigures && turn.figures
              ? renderFigures(turn.figures)
              : turn.servedBy && <div class="chat-meta">{turn.servedBy}</div>}
          </li>
        ))}
      </ol>
      <div class="visually-hidden" role="status" data-testid="announcement">
        {announced}
      </div>
      <label class="chat-model">
        Model
        <select
          aria-label="Model"
          value={model}
          onChange={(event) => {
            setModel(event.currentTarget.value);
            onModelChange?.(event.currentTarget.value);
          }}
        >
          {modelGroups.map(({ label, ids }) => (
            <optgroup key={label} label={label}>
              {/* The whole id even inside its group: a closed picker must say which provider. */}
              {ids.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <form class="chat-form" onSubmit={send}>
        <textarea
          aria-label="Message"
          autoFocus
          rows={2}
          value={input}
          placeholder="Ask anything…"
          onInput={(event) => setInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) send(event);
          }}
        />
        {busy ? (
          <button type="button" class="secondary" onClick={() => controller.current?.abort()}>
            Stop
          </button>
        ) : (
          <button type="submit" class="primary" disabled={!input.trim()}>
            Send
          </button>
        )}
      </form>
    </div>
  );
}

const ANY_PROVIDER = 'Any provider';

/** `auto`, shared model names and aliases first, then each provider's own models under its name. */
function groupModels(ids: string[]): { label: string; ids: string[] }[] {
  const groups = new Map<string, string[]>([[ANY_PROVIDER, []]]);
  for (const id of ids) {
    const slash = id.indexOf('/');
    const label = slash < 0 ? ANY_PROVIDER : id.slice(0, slash);
    groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  return [...groups]
    .filter(([, members]) => members.length > 0)
    .map(([label, members]) => ({ label, ids: members }));
}
