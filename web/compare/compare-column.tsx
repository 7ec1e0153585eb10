/** @module One model's column in the compare: its picker, its answer as it streams, and the answer's figures. */
import { t } from '../../shared/i18n/t';
import type { ProviderNames } from '../../shared/providers/provider-names';
import type { OfferedModel } from '../../shared/ui/chat-client';
import { MarkdownView } from '../../shared/ui/markdown-view';
import { ModelOptions } from '../../shared/ui/model-options';
import { formatRate, formatSeconds, runFiguresOf, type RunTimes } from './run-figures';

export interface ColumnRun {
  /** The model asked (the picker may have moved on since). */
  model: string;
  text: string;
  finished: boolean;
  times: RunTimes;
  /** The serving provider's name, once the answer is done. */
  provider?: string;
  servedModel?: string;
  error?: string;
}

const stateOf = (run: ColumnRun | undefined) =>
  !run ? 'idle' : run.error ? 'failed' : run.finished ? 'done' : run.text ? 'streaming' : 'waiting';

export function CompareColumn(props: {
  index: number;
  model: string;
  models: OfferedModel[];
  nameOf: ProviderNames;
  run: ColumnRun | undefined;
  busy: boolean;
  onModelChange(model: string): void;
  onRemove: (() => void) | undefined;
  onContinue(run: ColumnRun): void;
}) {
  const { index, model, models, nameOf, run, busy, onModelChange, onRemove, onContinue } = props;
  const figures = run ? runFiguresOf(run.times) : {};
  const state = stateOf(run);
  return (
    <li
      class="compare-column"
      data-testid="compare-column"
      data-state={state}
      aria-busy={state === 'waiting' || state === 'streaming'}
    >
      <div class="compare-column-head">
        <select
          aria-label={t('compareModelNumbered', String(index + 1))}
          value={model}
          disabled={busy}
          onChange={(event) => onModelChange(event.currentTarget.value)}
        >
          <ModelOptions models={models} nameOf={nameOf} />
        </select>
        {onRemove && (
          <button
            type="button"
            class="ghost"
            aria-label={t('compareRemoveNumbered', String(index + 1))}
            disabled={busy}
            onClick={onRemove}
          >
            ×
          </button>
        )}
      </div>
      {run && (
        <>
          <dl class="compare-figures">
            <div>
              <dt>{t('playFirstToken')}</dt>
              <dd data-testid="first-token">
                {figures.firstTokenMs === undefined ? '…' : formatSeconds(figures.firstTokenMs)}
              </dd>
            </div>
            <div>
              <dt>{t('compareSpeed')}</dt>
              <dd data-testid="speed">
                {figures.tokensPerSecond === undefined
                  ? run.finished
                    ? '—'
                    : '…'
                  : formatRate(figures.tokensPerSecond)}
              </dd>
            </div>
            <div>
              <dt>{t('playProvider')}</dt>
              <dd data-testid="provider">{run.provider ?? (run.finished ? '—' : '…')}</dd>
            </div>
          </dl>
          <div class="compare-answer" data-testid="compare-answer">
            <MarkdownView text={run.text} />
          </div>
          {run.error && (
            <p class="field-error" role="alert">
              {run.error}
            </p>
          )}
          {state === 'done' && run.text && (
            <button type="button" class="primary" onClick={() => onContinue(run)}>
              {t('compareContinue')}
            </button>
          )}
        </>
      )}
    </li>
  );
}
