/**
 * @module The chat used by the playground and the popup: it talks to any OpenAI-compatible
 * `fetch`, streams each answer (markdown, sanitized) as it comes, names the provider that served
 * it, offers the models `GET /models` lists, sends the conversation's settings with each question,
 * and asks again on request: an edited question, a new answer, a failed one tried again.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChatSettings } from '../chats/chat-settings';
import { messagesOf, type AnswerFigures, type ChatTurn } from '../chats/chat-turn';
import { providerNamesOfOffered, streamChatTurn } from './chat-client';
import { ChatSettingsPanel } from './chat-settings-panel';
import { loadMarkdownRenderer, MarkdownView } from './markdown-view';
import { lazyComponent } from './lazy-component';
import { ModelOptions, withPicked } from './model-options';
import { useOfferedModels, type SubscribeToModelChanges } from './use-offered-models';
import { WaitingNote, type Waiting } from './waiting-note';
import './chat-view.css';
import { errorWords } from './error-words';
import { t } from '../i18n/t';

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
  /**
   * Told the whole conversation when a question is sent and when its answer ends (answered, failed
   * or stopped), to keep it; an answer shows as finished once what this returns settles.
   */
  onTurnsChange?(turns: ChatTurn[]): void | Promise<unknown>;
  /** Shown under each answer instead of who served it: how it was served (the playground's times, tokens, attempts, cache). */
  renderFigures?(figures: AnswerFigures): ComponentChildren;
  /** The conversation's system prompt, temperature and max tokens (none: the provider's defaults). */
  initialSettings?: ChatSettings;
  /** Told the settings the user saved, to keep them with the conversation. */
  onSettingsChange?(settings: ChatSettings): void;
  /** Tells when the models on offer may have changed (keys, endpoints, access). */
  subscribeToModelChanges?: SubscribeToModelChanges;
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
  initialSettings = {},
  onSettingsChange,
  subscribeToModelChanges,
}: ChatViewProps) {
  const [turns, setTurns] = useState<ChatTurn[]>(initialTurns);
  const [settings, setSettings] = useState(initialSettings);
  const [model, setModel] = useState(firstModel);
  const models = useOfferedModels(fetch, baseURL, subscribeToModelChanges);
  useEffect(() => void loadMarkdownRenderer(), []);
  const nameOf = useMemo(() => providerNamesOfOffered(models), [models]);
  const offered = useMemo(() => withPicked(models, [model]), [model, models]);
  /** The question being edited, by its place in the conversation. */
  const [editing, setEditing] = useState<number | undefined>();
  const QuestionEditor = useQuestionEditor(editing !== undefined);
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  /** The provider asked while nothing of the answer has come yet. */
  const [waiting, setWaiting] = useState<Waiting | undefined>();
  /** Each finished answer, told once to a screen reader (the streaming list itself stays quiet). */
  const [announced, setAnnounced] = useState('');
  /** Why the last answer could not be kept. */
  const [unkept, setUnkept] = useState<string | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  // Another conversation opened: this one's answer stops, and is kept as stopped.
  useEffect(() => () => controller.current?.abort(), []);
  const list = useRef<HTMLOListElement>(null);
  /** Whether the reader is at the end of the conversation; then new text keeps it in view. */
  const following = useRef(true);
  /** Where the chat itself last scrolled the list to: its scroll event is not the reader's. */
  const scrolledTo = useRef<number | undefined>(undefined);
  const keepNewestInView = () => {
    if (!following.current || !list.current) return;
    list.current.scrollTop = list.current.scrollHeight;
    scrolledTo.current = list.current.scrollTop;
  };
  useLayoutEffect(keepNewestInView, [turns]);
  // The list shrinks when the settings panel opens above the message box: its end stays in view.
  useEffect(() => {
    if (!list.current) return;
    const observer = new ResizeObserver(keepNewestInView);
    observer.observe(list.current);
    return () => observer.disconnect();
  }, []);

  /**
   * Asks `text` after the turns `before` (all of them, or those before a question asked again);
   * a question asked again wants a new answer, not the one the cache kept.
   */
  const ask = async (text: string, before: ChatTurn[], fresh = false) => {
    const asked: ChatTurn[] = [...before, { role: 'user', content: text }];
    const history = messagesOf(asked);
    let answer: ChatTurn = { role: 'assistant', content: '' };
    const show = () => setTurns([...asked, answer]);
    show();
    setBusy(true);
    setUnkept(undefined);
    // The question is kept even if the popup closes before the answer ends.
    onTurnsChange?.(asked);
    controller.current = new AbortController();
    try {
      const result = await streamChatTurn({
        fetch,
        baseURL,
        model,
        messages: history,
        settings,
        fresh,
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
      if (result.provider) answer = { ...answer, servedBy: `${nameOf(result.provider)} · ${result.model}` };
      if (result.figures)
        answer = { ...answer, figures: { ...result.figures, provider: nameOf(result.figures.provider) } };
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      answer = {
        ...answer,
        error: aborted ? t('chatStopped') : errorWords(error),
      };
      if (!aborted) onTurnError?.(error);
    } finally {
      setWaiting(undefined);
      // Shown as finished (its figures, the end of busy) only once kept: a reload or a closed tab
      // right then would lose what looked done. Its text stays on screen meanwhile, kept or not.
      setUnkept(await notKeptWhy([...asked, answer]));
      show();
      setAnnounced(answer.error ? `${answer.content}\n${answer.error}`.trim() : answer.content);
      setBusy(false);
    }
  };

  const notKeptWhy = async (finished: ChatTurn[]) => {
    try {
      await onTurnsChange?.(finished);
      return undefined;
    } catch (error) {
      return t('chatNotKept', errorWords(error));
    }
  };

  const send = (event: Event) => {
    event.preventDefault();
    const text = input.trim();
    if (!text || busy) return;
    setInput('');
    void ask(text, turns);
  };

  /** The last question again, in place of its answer (failed, or not the one wanted). */
  const askAgain = () => {
    const question = turns.at(-2);
    if (busy || question?.role !== 'user') return;
    void ask(question.content, turns.slice(0, -2), true);
  };

  return (
    <div class="chat" hidden={hidden}>
      <ol
        class="chat-turns"
        // Scrollable, so a keyboard user can reach and scroll it.
        tabIndex={0}
        aria-label={t('chatHistory')}
        ref={list}
        onScroll={(event) => {
          const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
          // That event may come after the list shrank again (the settings panel opening), so far
          // from the end then without the reader having moved.
          if (scrollTop !== scrolledTo.current)
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
                    ? t('chatReasoning')
                    : t('chatThinking')}
                </summary>
                <p>{turn.reasoning}</p>
              </details>
            )}
            {editing === index && QuestionEditor ? (
              <QuestionEditor
                text={turn.content}
                replacesLater={index < turns.length - 2}
                onSend={(text) => {
                  setEditing(undefined);
                  void ask(text, turns.slice(0, index), true);
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : waiting && busy && index === turns.length - 1 && !turn.content ? (
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
              <button type="button" class="chat-retry" onClick={askAgain}>
                {t('chatTryAgain')}
              </button>
            )}
            {unkept && index === turns.length - 1 && (
              <div class="chat-error" role="alert">
                {unkept}
              </div>
            )}
            {renderFigures && turn.figures
              ? renderFigures(turn.figures)
              : turn.servedBy && <div class="chat-meta">{turn.servedBy}</div>}
            {!busy && editing === undefined && turn.role === 'user' && (
              <button type="button" class="chat-action" onClick={() => setEditing(index)}>
                {t('chatEdit')}
              </button>
            )}
            {!busy && !turn.error && turn.role === 'assistant' && index === turns.length - 1 && (
              <button type="button" class="chat-action" onClick={askAgain}>
                {t('chatRegenerate')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div class="visually-hidden" role="status" data-testid="announcement">
        {announced}
      </div>
      <label class="chat-model">
        {t('chatModel')}
        <select
          aria-label={t('chatModel')}
          value={model}
          onChange={(event) => {
            setModel(event.currentTarget.value);
            onModelChange?.(event.currentTarget.value);
          }}
        >
          <ModelOptions models={offered} nameOf={nameOf} />
        </select>
      </label>
      <ChatSettingsPanel
        settings={settings}
        onChange={(saved) => {
          setSettings(saved);
          onSettingsChange?.(saved);
        }}
      />
      <form class="chat-form" onSubmit={send}>
        <textarea
          aria-label={t('chatMessage')}
          autoFocus
          rows={2}
          value={input}
          placeholder={t('chatPlaceholder')}
          onInput={(event) => setInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) send(event);
          }}
        />
        {busy ? (
          <button type="button" class="secondary" onClick={() => controller.current?.abort()}>
            {t('chatStop')}
          </button>
        ) : (
          <button type="submit" class="primary" disabled={!input.trim()}>
            {t('send')}
          </button>
        )}
      </form>
    </div>
  );
}

const useQuestionEditor = lazyComponent(() =>
  import('./question-editor').then((module) => module.QuestionEditor),
);
