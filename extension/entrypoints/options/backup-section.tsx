/**
 * @module The options page's backup: export the settings to a JSON file (keys encrypted with a
 * passphrase unless the user explicitly asks for clear text) and import one, all or nothing.
 */
import { useState } from 'preact/hooks';
import type { ImportSummary } from '../../../shared/settings/import-settings';
import type { SettingsDocument } from '../../../shared/settings/settings-document';
import { UiCallError, callBackground } from '../../lib/ui-client';
import './backup-section.css';
import { newPassphraseProblem } from './security-section';
import { submitWith, useAction } from './use-action';
import { FieldError } from '../../../shared/ui/field-error';
import { errorWords } from '../../../shared/ui/error-words';
import { t, type MessageKey } from '../../../shared/i18n/t';

export function BackupSection({ onChange }: { onChange: () => Promise<void> }) {
  return (
    <section class="card backup" aria-labelledby="backup-title">
      <div class="card-head">
        <h2 id="backup-title">{t('backupTitle')}</h2>
        <p class="muted">{t('backupIntro')}</p>
      </div>
      <div class="backup-columns">
        <ExportForm />
        <ImportForm onImported={onChange} />
      </div>
    </section>
  );
}

function describeError(thrown: unknown): string {
  const words = errorWords(thrown);
  // The words name the field for schema errors; say it for the others too.
  const param = thrown instanceof UiCallError ? thrown.param : null;
  return param && !words.includes(param) && param !== 'passphrase'
    ? t('backupFieldNamed', words, param)
    : words;
}

function fileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `freellm-settings-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

function download(settings: SettingsDocument): void {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(settings, null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName(new Date()) });
  link.click();
  // The download has started by the next task; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function ExportForm() {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [clearKeys, setClearKeys] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const { busy, error, run } = useAction(describeError);

  const submit = submitWith(() => {
    setDone(undefined);
    return run(
      async () => {
        const settings = await callBackground(
          'settings.export',
          clearKeys ? { clearKeys: true } : { passphrase },
        );
        download(settings);
        setDone(savedWords(settings.keys.length, clearKeys));
        setPassphrase('');
        setRepeated('');
      },
      clearKeys ? undefined : newPassphraseProblem(passphrase, repeated),
    );
  });

  return (
    <form class="backup-form" aria-label={t('backupExportForm')} onSubmit={submit}>
      <h3>{t('backupExport')}</h3>
      {!clearKeys && (
        <>
          <p class="hint">{t('backupExportHint')}</p>
          <label>
            {t('backupExportPassphrase')}
            <input
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          </label>
          <label>
            {t('repeatPassphrase')}
            <input
              type="password"
              autoComplete="new-password"
              value={repeated}
              onInput={(event) => setRepeated(event.currentTarget.value)}
            />
          </label>
        </>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={clearKeys}
          onChange={(event) => setClearKeys(event.currentTarget.checked)}
        />
        <span>{t('backupExportClear')}</span>
      </label>
      {clearKeys && (
        <p class="backup-warning" role="note">
          {t('backupClearWarning')}
        </p>
      )}
      <FieldError message={error} />
      {done && (
        <p class="backup-done" role="status">
          {done}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('backupExporting') : t('backupExportForm')}
      </button>
    </form>
  );
}

/** A count in words: the message for one, or the one for any other number. */
function counted(value: number, one: MessageKey, many: MessageKey): string {
  return t(value === 1 ? one : many, String(value));
}

function savedWords(keys: number, clear: boolean): string {
  return clear
    ? counted(keys, 'backupSavedClearOne', 'backupSavedClearMany')
    : counted(keys, 'backupSavedEncryptedOne', 'backupSavedEncryptedMany');
}

function describe(summary: ImportSummary): string {
  const parts = [counted(summary.keys.added, 'backupImportedKeysOne', 'backupImportedKeysMany')];
  if (summary.keys.replaced) parts.push(t('backupImportedReplaced', String(summary.keys.replaced)));
  if (summary.customProviders)
    parts.push(counted(summary.customProviders, 'backupImportedEndpointsOne', 'backupImportedEndpointsMany'));
  if (summary.providerOverrides)
    parts.push(counted(summary.providerOverrides, 'backupImportedSettingsOne', 'backupImportedSettingsMany'));
  if (summary.origins)
    parts.push(counted(summary.origins, 'backupImportedSitesOne', 'backupImportedSitesMany'));
  return t('backupImported', parts.join(', '));
}

function ImportForm({ onImported }: { onImported: () => Promise<void> }) {
  const [file, setFile] = useState<{ name: string; text: string; encrypted: boolean } | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [summary, setSummary] = useState<ImportSummary | undefined>();
  const { busy, error, run } = useAction(describeError);

  const choose = (input: HTMLInputElement) => {
    setSummary(undefined);
    return run(async () => {
      const chosen = input.files?.[0];
      if (!chosen) return setFile(undefined);
      const text = await chosen.text();
      // Only to know whether to ask for a passphrase; the engine does the real checking.
      let encrypted = false;
      try {
        const parsed = JSON.parse(text) as { keyEncryption?: unknown };
        encrypted = parsed.keyEncryption !== null && typeof parsed.keyEncryption === 'object';
      } catch {
        // Reported by the engine on import, with the same words as any other bad file.
      }
      setFile({ name: chosen.name, text, encrypted });
    });
  };

  const submit = submitWith(() => {
    setSummary(undefined);
    return run(
      async () => {
        setSummary(
          await callBackground('settings.import', {
            document: file!.text,
            passphrase: file!.encrypted ? passphrase : undefined,
          }),
        );
        setPassphrase('');
        await onImported();
      },
      file ? undefined : t('backupChooseFile'),
    );
  });

  return (
    <form class="backup-form" aria-label={t('backupImportForm')} onSubmit={submit}>
      <h3>{t('backupImport')}</h3>
      <p class="hint">{t('backupImportHint')}</p>
      <label>
        {t('backupSettingsFile')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(event) => void choose(event.currentTarget)}
        />
      </label>
      {file?.encrypted && (
        <label>
          {t('backupImportPassphrase')}
          <input
            type="password"
            autoComplete="off"
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
        </label>
      )}
      <FieldError message={error} />
      {summary && (
        <div class="backup-done" role="status">
          <p>{describe(summary)}</p>
          {summary.keys.skipped.length > 0 && (
            <ul class="backup-skipped">
              {summary.keys.skipped.map((skipped) => (
                <li key={skipped.id}>
                  {t(
                    'backupSkipped',
                    skipped.id,
                    t('backupSkippedSameKey', skipped.sameKeyAs.label, skipped.sameKeyAs.hint),
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" class="primary" disabled={busy || !file}>
        {busy ? t('backupImporting') : t('backupImportForm')}
      </button>
    </form>
  );
}
