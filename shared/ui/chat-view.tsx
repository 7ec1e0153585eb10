/**
 * @module The chat used by the playground and the popup: it talks to any OpenAI-compatible
 * `fetch`, streams the answer as it comes, and shows which provider served each reply.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessage } from '../openai/chat';
import { streamChatTurn } from './chat-client';
import { MarkdownView } from './markdown-view';
import './chat-view.css';

interface Turn {
  role: 'user' | 'assistant';
  content: string;
  servedBy?: string;
  error?: string;
}

export interface ChatViewProps {
  fetch: typeof fetch;
  baseURL: string;
  model?: string;
  /** Shown above the input when the conversation is empty. */
  emptyHint?: string;
  /** Hidden, with the conversation kept (the popup while the vault is locked). */
  hidden?: boolean;
  /** Told of a turn that failed (the popup shows its unlock form on `vault_locked`). */
  onTurnError?(error: unknown): void;
}

export function ChatView({ fetch, baseURL, model = 'auto', emptyHint, hidden, onTurnError }: ChatViewProps) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  /** Whether the reader is at the end of the conversation; then new text keeps it in view. */
  const following = useRef(true);
  useLayoutEffect(() => {
    if (following.current && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [turns]);

  const updateLast = (change: (turn: Turn) => Turn) => setTurns((current) => [...current.slice(0, -1), change(current.at(-1) as Turn)]);

  const send = async (event: Event) => {
    event.preventDefault();
    const text = input.trim();
    if (!text || busy) return;
    const earlier = turns.filter((turn) => !turn.error).map(({ role, content }): ChatMessage => ({ role, content }));
    const history: ChatMessage[] = [...earlier, { role: 'user', content: text }];
    setTurns((current) => [...current, { role: 'user', content: text }, { role: 'assistant', content: '' }]);
    setInput('');
    setBusy(true);
    controller.current = new AbortController();
    try {
      const result = await streamChatTurn({
        fetch, baseURL, model, messages: history, signal: controller.current.signal,
        onDelta: (delta) => updateLast((turn) => ({ ...turn, content: turn.content + delta })),
      });
      updateLast((turn) => ({ ...turn, servedBy: result.provider ? `${result.provider} · ${result.model}` : undefined }));
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      updateLast((turn) => ({ ...turn, error: aborted ? 'Stopped.' : error instanceof Error ? error.message : String(error) }));
      if (!aborted) onTurnError?.(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="chat" hidden={hidden}>
      <ol
        class="chat-turns"
        aria-live="polite"
        ref={list}
        onScroll={(event) => {
          const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
          following.current = scrollHeight - scrollTop - clientHeight < 40;
        }}
      >
        {turns.length === 0 && emptyHint && <li class="chat-empty">{emptyHint}</li>}
        {turns.map((turn, index) => (
          <li key={index} class={`chat-turn ${turn.role}${turn.error ? ' failed' : ''}`} data-testid={`turn-${turn.role}`}>
            <div class="chat-bubble">{turn.role === 'assistant' && turn.content ? <MarkdownView text={turn.content} /> : turn.content || (turn.error ? '' : '…')}</div>
            {turn.error && <div class="chat-error" role="alert">{turn.error}</div>}
            {turn.servedBy && <div class="chat-meta">{turn.servedBy}</div>}
          </li>
        ))}
      </ol>
      <form class="chat-form" onSubmit={send}>
        <textarea
          aria-label="Message"
          rows={2}
          value={input}
          placeholder="Ask anything…"
          onInput={(event) => setInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) void send(event);
          }}
        />
        {busy ? (
          <button type="button" class="secondary" onClick={() => controller.current?.abort()}>Stop</button>
        ) : (
          <button type="submit" class="primary" disabled={!input.trim()}>Send</button>
        )}
      </form>
    </div>
  );
}
