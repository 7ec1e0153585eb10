/**
 * @module Bulk import of keys from a pasted `.env` file: paste (the text stays hidden), preview
 * what will be imported and what is skipped and why, untick lines or pick a provider, import.
 * Only masked hints come back from the engine, so no secret is shown in clear after the paste.
 */
import { useState } from 'preact/hooks';
import type {
  EnvImportChoices,
  EnvImportItem,
  EnvImportPreview,
  EnvSkippedLine,
} from '../../../shared/keys/env-import';
import type { KeySummary } from '../../../shared/keys/stored-key';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import { callBackground } from '../../lib/ui-client';
import './env-import-form.css';
import { useAction } from './use-action';
import { FieldError } from '../../../shared/ui/field-error';
import { t, type MessageKey } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';
import { offersProviderPicker, skipReasonWords, warningWords } from './env-import-words';

interface Props {
  providers: ProviderSummary[];
  onImported: () => Promise<void>;
  onClose: () => void;
}

/** The hint's example of a line to paste: code, the same in every language. */
const EXAMPLE_LINE = 'GROQ_API_KEY=gsk_…';

const DETECTED_BY: Record<EnvImportItem['detectedBy'], MessageKey> = {
  name: 'envImportByName',
  prefix: 'envImportByPrefix',
  'name and prefix': 'envImportByNameAndPrefix',
  you: 'envImportByYou',
};

export function EnvImportForm({ providers, onImported, onClose }: Props) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<EnvImportPreview | undefined>();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const [result, setResult] = useState<{ imported: KeySummary[]; skipped: EnvSkippedLine[] } | undefined>();
  const { busy, error, run } = useAction();
  const choices = (providersByLine: Record<string, string>, exclude: number[] = []): EnvImportChoices => ({
    providers: providersByLine,
    exclude,
  });

  const showPreview = (providersByLine = picked) =>
    run(async () => {
      setPreview(await callBackground('env.preview', { text, choices: choices(providersByLine) }));
      setPicked(providersByLine);
    });
  const pick = (line: number, providerId: string) => {
    const next = { ...picked };
    if (providerId) next[String(line)] = providerId;
    else delete next[String(line)];
    void showPreview(next);
  };
  const toggle = (line: number, included: boolean) => {
    const next = new Set(unticked);
    if (included) next.delete(line);
    else next.add(line);
    setUnticked(next);
  };
  const apply = () =>
    run(async () => {
      setResult(await callBackground('env.apply', { text, choices: choices(picked, [...unticked]) }));
      setText('');
      setPreview(undefined);
      await onImported();
    });

  if (result) {
    return (
      <div class="env-import" role="region" aria-label={t('envImportRegion')}>
        <p class="env-done" role="status">
          {t(
            result.imported.length === 1 ? 'envImportedOne' : 'envImportedMany',
            String(result.imported.length),
          )}
        </p>
        {result.skipped.length > 0 && <SkippedList skipped={result.skipped} />}
        <button type="button" class="ghost" onClick={onClose}>
          {t('envImportDone')}
        </button>
      </div>
    );
  }

  const count =
    (preview?.toImport.length ?? 0) -
    [...unticked].filter((line) => preview?.toImport.some((item) => item.line === line)).length;
  return (
    <div class="env-import" role="region" aria-label={t('envImportRegion')}>
      <h3>{t('keysPasteEnv')}</h3>
      {!preview ? (
        <>
          <p class="hint">{messageWith('envImportHint', <code>{EXAMPLE_LINE}</code>)}</p>
          <textarea
            class="env-text"
            aria-label={t('envImportText')}
            rows={6}
            spellcheck={false}
            autoComplete="off"
            value={text}
            placeholder={t('envImportPlaceholder')}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <FieldError message={error} />
          <div class="env-actions">
            <button
              type="button"
              class="primary"
              disabled={busy || text.trim() === ''}
              onClick={() => void showPreview()}
            >
              {busy ? t('envImportReading') : t('envImportPreview')}
            </button>
            <button type="button" class="ghost" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          {preview.toImport.length === 0 ? (
            <p class="empty">{t('envImportNothing')}</p>
          ) : (
            <table class="env-table" aria-label={t('envImportTable')}>
              <thead>
                <tr>
                  <th>{t('envImportColumnImport')}</th>
                  <th>{t('envImportColumnLine')}</th>
                  <th>{t('envImportColumnVariable')}</th>
                  <th>{t('keysProvider')}</th>
                  <th>{t('envImportColumnKey')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.toImport.map((item) => (
                  <tr
                    key={item.line}
                    data-testid="env-import-row"
                    class={unticked.has(item.line) ? 'left-out' : ''}
                  >
                    <td>
                      <input
                        type="checkbox"
                        checked={!unticked.has(item.line)}
                        aria-label={t('envImportNamed', item.variable)}
                        onChange={(event) => toggle(item.line, event.currentTarget.checked)}
                      />
                    </td>
                    <td class="muted">{item.line}</td>
                    <td>
                      <code>{item.variable}</code>
                    </td>
                    <td>
                      <span class="provider-badge">{item.providerName}</span>
                      <span class="muted small env-how">{t(DETECTED_BY[item.detectedBy])}</span>
                      {item.warning && <span class="env-warning">{warningWords(item.warning)}</span>}
                    </td>
                    <td>
                      <code class="key-hint">{item.hint}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.skipped.length > 0 && (
            <SkippedList skipped={preview.skipped} providers={providers} picked={picked} onPick={pick} />
          )}
          <FieldError message={error} />
          <div class="env-actions">
            <button type="button" class="primary" disabled={busy || count === 0} onClick={() => void apply()}>
              {busy
                ? t('envImportImporting')
                : t(count === 1 ? 'envImportKeysOne' : 'envImportKeysMany', String(count))}
            </button>
            <button type="button" class="ghost" onClick={() => setPreview(undefined)}>
              {t('envImportBack')}
            </button>
            <button type="button" class="ghost" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

interface SkippedProps {
  skipped: EnvSkippedLine[];
  /** With these, a line holding a key can be assigned to a provider by hand. */
  providers?: ProviderSummary[];
  picked?: Record<string, string>;
  onPick?: (line: number, providerId: string) => void;
}

function SkippedList({ skipped, providers, picked, onPick }: SkippedProps) {
  return (
    <div class="env-skipped">
      <h4>{t('envImportSkipped', String(skipped.length))}</h4>
      <ul aria-label={t('envImportSkippedLines')}>
        {skipped.map((line) => (
          <li key={line.line} data-testid="env-skipped-row">
            <span class="muted">{t('envImportLine', String(line.line))}</span>
            {line.variable && <code>{line.variable}</code>}
            {line.hint && <code class="key-hint">{line.hint}</code>}
            <span class="env-reason">{skipReasonWords(line.reason)}</span>
            {providers && onPick && offersProviderPicker(line) && (
              <select
                aria-label={t('envImportProviderForLine', String(line.line))}
                value={picked?.[String(line.line)] ?? ''}
                onChange={(event) => onPick(line.line, event.currentTarget.value)}
              >
                <option value="">{t('envImportAs')}</option>
                {providers.map((provider) => (
                  <option key={provider.id} value={provider.id}>
                    {provider.name}
                  </option>
                ))}
              </select>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
