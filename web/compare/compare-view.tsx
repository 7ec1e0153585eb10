/**
 * @module Compare: one prompt sent to two to four models at once, each answer streaming in its
 * own column with its time to first token, speed and serving provider; the preferred answer can
 * be continued as a chat.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { t } from '../../shared/i18n/t';
import { providerNamesOfOffered, streamChatTurn } from '../../shared/ui/chat-client';
import { loadMarkdownRenderer } from '../../shared/ui/markdown-view';
import { errorWords } from '../../shared/ui/error-words';
import { withPicked } from '../../shared/ui/model-options';
import { useOfferedModels, type SubscribeToModelChanges } from '../../shared/ui/use-offered-models';
import { CompareColumn, type ColumnRun } from './compare-column';
import './compare.css';

const MIN_COLUMNS = 2;
const MAX_COLUMNS = 4;

export interface CompareViewProps {
  fetch: typeof fetch;
  baseURL: string;
  /** Told the chosen exchange, to go on with it in the chat. */
  onContinue(turns: ChatTurn[], model: string): void;
  onTurnError?(error: unknown): void;
  subscribeToModelChanges?: SubscribeToModelChanges;
  now?: () => number;
}

/**
 * The first models listed by provider (`groq/…`): the virtual `auto…` ones and the names shared by
 * several providers would hide which one answers.
 */
function firstModels(models: string[]): string[] {
  const named = models.filter((model) => !model.startsWith('auto'));
  const byProvider = named.filter((model) => model.includes('/'));
  const concrete = byProvider.length ? byProvider : named;
  return Array.from({ length: MIN_COLUMNS }, (_, index) => concrete[index] ?? concrete[0] ?? 'auto');
}

export function CompareView({
  fetch,
  baseURL,
  onContinue,
  onTurnError,
  subscribeToModelChanges,
  now = () => performance.now(),
}: CompareViewProps) {
  const offered = useOfferedModels(fetch, baseURL, subscribeToModelChanges);
  const nameOf = useMemo(() => providerNamesOfOffered(offered), [offered]);
  const [picked, setPicked] = useState<string[]>(['auto', 'auto']);
  /** Until the user picks a model, the columns follow the list. */
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current) setPicked(firstModels(offered.map((model) => model.id)));
  }, [offered]);
  useEffect(() => void loadMarkdownRenderer(), []);
  const [prompt, setPrompt] = useState('');
  const [asked, setAsked] = useState('');
  const [runs, setRuns] = useState<ColumnRun[]>([]);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const busy = runs.some((run) => !run.finished);

  const update = (index: number, change: (run: ColumnRun) => ColumnRun) =>
    setRuns((current) => current.map((run, at) => (at === index ? change(run) : run)));

  const runColumn = async (model: string, index: number, text: string, signal: AbortSignal) => {
    try {
      const result = await streamChatTurn({
        fetch,
        baseURL,
        model,
        messages: [{ role: 'user', content: text }],
        signal,
        now,
        onDelta: (delta) =>
          update(index, (run) => ({
            ...run,
            text: run.text + delta,
            times: { ...run.times, firstTokenAt: run.times.firstTokenAt ?? now() },
          })),
      });
      const endedAt = now();
      update(index, (run) => ({
        ...run,
        finished: true,
        times: { ...run.times, endedAt, completionTokens: result.figures?.usage?.completion_tokens ?? null },
        provider: result.provider ? nameOf(result.provider) : undefined,
        servedModel: result.model ?? undefined,
      }));
    } catch (error) {
      const stopped = error instanceof DOMException && error.name === 'AbortError';
      update(index, (run) => ({
        ...run,
        finished: true,
        error: stopped ? t('chatStopped') : errorWords(error),
      }));
      if (!stopped) onTurnError?.(error);
    }
  };

  const compare = (event: Event) => {
    event.preventDefault();
    const text = prompt.trim();
    if (!text || busy) return;
    controller.current = new AbortController();
    const startedAt = now();
    setAsked(text);
    setRuns(picked.map((model) => ({ model, text: '', finished: false, times: { startedAt } })));
    // All at once: each column streams while the others do.
    picked.forEach((model, index) => void runColumn(model, index, text, controller.current!.signal));
  };

  const continueWith = (run: ColumnRun) =>
    onContinue(
      [
        { role: 'user', content: asked },
        {
          role: 'assistant',
          content: run.text,
          ...(run.provider && { servedBy: `${run.provider} · ${run.servedModel ?? run.model}` }),
        },
      ],
      run.model,
    );

  const options = useMemo(() => withPicked(offered, picked), [offered, picked]);
  return (
    <section class="card compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('compareTitle')}</h2>
      <p class="muted">{t('compareIntro')}</p>
      <form class="compare-form" onSubmit={compare}>
        <textarea
          aria-label={t('comparePrompt')}
          rows={3}
          value={prompt}
          onInput={(event) => setPrompt(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) compare(event);
          }}
          placeholder={t('comparePlaceholder')}
        />
        <div class="compare-actions">
          <button
            type="button"
            class="ghost"
            disabled={picked.length >= MAX_COLUMNS || busy}
            onClick={() => setPicked([...picked, picked.at(-1) ?? 'auto'])}
          >
            {t('compareAddModel')}
          </button>
          {busy ? (
            <button type="button" class="ghost danger" onClick={() => controller.current?.abort()}>
              {t('chatStop')}
            </button>
          ) : (
            <button type="submit" class="primary" disabled={!prompt.trim()}>
              {t('compareRun')}
            </button>
          )}
        </div>
      </form>
      <ol class="compare-columns">
        {picked.map((model, index) => (
          <CompareColumn
            key={index}
            index={index}
            model={model}
            models={options}
            nameOf={nameOf}
            run={runs[index]}
            busy={busy}
            onModelChange={(choice) => {
              chosen.current = true;
              setPicked(picked.map((old, at) => (at === index ? choice : old)));
            }}
            onRemove={
              picked.length > MIN_COLUMNS
                ? () => {
                    setPicked(picked.filter((_, at) => at !== index));
                    setRuns(runs.filter((_, at) => at !== index));
                  }
                : undefined
            }
            onContinue={continueWith}
          />
        ))}
      </ol>
    </section>
  );
}
