/**
 * @module The options page's passphrase lock: whether one is set and whether FreeLLM is locked
 * now; set, change or remove the passphrase, choose the auto-lock, lock and unlock.
 */
import { useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '../../../shared/vault/vault';
import { callBackground, onVaultChanged } from '../../lib/ui-client';
import { UnlockForm } from '../popup/unlock-form';
import './security-section.css';
import { submitWith, useAction } from './use-action';
import { FieldError } from '../../../shared/ui/field-error';
import { t } from '../../../shared/i18n/t';

/** The engine refuses shorter passphrases; checked here too so the message comes before the wait. */
const MIN_PASSPHRASE_LENGTH = 8;
const MINUTE = 60_000;
const HOUR_IN_MINUTES = 60;
const AUTO_LOCK_CHOICES = [null, 5 * MINUTE, 15 * MINUTE, HOUR_IN_MINUTES * MINUTE];

function autoLockLabel(autoLockMs: number | null): string {
  if (autoLockMs === null) return t('securityAutoLockNever');
  const minutes = Math.round(autoLockMs / MINUTE);
  return minutes === HOUR_IN_MINUTES
    ? t('securityAutoLockHour')
    : t('securityAutoLockMinutes', String(minutes));
}

type Panel = 'change' | 'remove' | undefined;

/** `onStatus` hears every status this section reads (the keys section offers a passphrase while there is none). */
export function SecuritySection({ onStatus }: { onStatus?: (status: VaultStatus) => void }) {
  const [status, setStatus] = useState<VaultStatus | undefined>();
  const [panel, setPanel] = useState<Panel>();
  const { error, run } = useAction();

  const refresh = () =>
    run(async () => {
      const next = await callBackground('vault.status');
      setStatus(next);
      onStatus?.(next);
    });
  useEffect(() => {
    void refresh();
    // The background says when the vault locks (also by itself, when idle) or is unlocked elsewhere.
    return onVaultChanged(() => void refresh());
  }, []);

  const done = async () => {
    setPanel(undefined);
    await refresh();
  };
  const lockNow = () =>
    run(async () => {
      await callBackground('vault.lock');
      await refresh();
    });

  return (
    <section class="card security" aria-labelledby="security-title">
      <div class="card-head with-action">
        <div>
          <h2 id="security-title">{t('securityTitle')}</h2>
          <p class="muted">{t('securityIntro')}</p>
        </div>
        {status && <LockBadge status={status} />}
      </div>
      {status === undefined ? (
        <p class="muted">{t('loading')}</p>
      ) : !status.hasPassphrase ? (
        <SetPassphraseForm onDone={done} />
      ) : (
        <>
          {status.locked ? (
            <UnlockForm onUnlocked={done} />
          ) : (
            <div class="security-actions">
              <button type="button" class="primary" onClick={lockNow}>
                {t('securityLockNow')}
              </button>
              <span class="muted small">{autoLockText(status.autoLockMs)}</span>
            </div>
          )}
          <div class="security-manage">
            <button
              type="button"
              class="ghost"
              aria-expanded={panel === 'change'}
              onClick={() => setPanel(panel === 'change' ? undefined : 'change')}
            >
              {t('securityChangePassphrase')}
            </button>
            <button
              type="button"
              class="ghost danger"
              aria-expanded={panel === 'remove'}
              onClick={() => setPanel(panel === 'remove' ? undefined : 'remove')}
            >
              {t('securityRemoveLock')}
            </button>
          </div>
          {panel === 'change' && <ChangePassphraseForm autoLockMs={status.autoLockMs} onDone={done} />}
          {panel === 'remove' && <RemovePassphraseForm onDone={done} />}
        </>
      )}
      {status && (
        <p class="hint small older-copies" data-testid="older-copies-note">
          {t('securityOlderCopies')}
        </p>
      )}
      <FieldError message={error} />
    </section>
  );
}

function LockBadge({ status }: { status: VaultStatus }) {
  const [tone, text] = !status.hasPassphrase
    ? ['off', t('securityNoPassphrase')]
    : status.locked
      ? ['locked', t('securityLocked')]
      : ['open', t('securityUnlocked')];
  return (
    <span class={`lock-badge ${tone}`} data-testid="lock-state">
      {text}
    </span>
  );
}

function autoLockText(autoLockMs: number | null): string {
  if (autoLockMs === null) return t('securityStaysUnlocked');
  const minutes = Math.round(autoLockMs / MINUTE);
  return minutes === HOUR_IN_MINUTES
    ? t('securityLocksItselfHour')
    : t('securityLocksItselfMinutes', String(minutes));
}

/** A new passphrase typed twice; the message says what is wrong before anything is sent. */
export function newPassphraseProblem(passphrase: string, repeated: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return t('securityTooShort', String(MIN_PASSPHRASE_LENGTH));
  if (passphrase !== repeated) return t('securityNotTheSame');
  return undefined;
}

function AutoLockSelect({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (ms: number | null) => void;
}) {
  return (
    <label>
      {t('securityAutoLock')}
      <select
        name="autoLock"
        value={String(value)}
        onChange={(event) =>
          onChange(event.currentTarget.value === 'null' ? null : Number(event.currentTarget.value))
        }
      >
        {AUTO_LOCK_CHOICES.map((ms) => (
          <option key={String(ms)} value={String(ms)}>
            {autoLockLabel(ms)}
          </option>
        ))}
      </select>
    </label>
  );
}

function PassphraseInput({
  label,
  value,
  onInput,
  current,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  current?: boolean;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        autoComplete={current ? 'current-password' : 'new-password'}
        required
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </label>
  );
}

function SetPassphraseForm({ onDone }: { onDone: () => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [autoLockMs, setAutoLockMs] = useState<number | null>(15 * MINUTE);
  const { busy, error, run } = useAction();
  const submit = submitWith(() =>
    run(
      async () => {
        await callBackground('vault.setPassphrase', { passphrase, autoLockMs });
        await onDone();
      },
      newPassphraseProblem(passphrase, repeated),
    ),
  );
  return (
    <form class="security-form" aria-label={t('securitySetForm')} onSubmit={submit}>
      <p class="hint">{t('securityWithoutPassphrase')}</p>
      <div class="grid">
        <PassphraseInput label={t('securityNewPassphrase')} value={passphrase} onInput={setPassphrase} />
        <PassphraseInput label={t('repeatPassphrase')} value={repeated} onInput={setRepeated} />
        <AutoLockSelect value={autoLockMs} onChange={setAutoLockMs} />
      </div>
      <p class="hint small">{t('securityPassphraseAdvice', String(MIN_PASSPHRASE_LENGTH))}</p>
      <FieldError message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('securitySetting') : t('securitySetPassphrase')}
      </button>
    </form>
  );
}

function ChangePassphraseForm({
  autoLockMs: currentAutoLock,
  onDone,
}: {
  autoLockMs: number | null;
  onDone: () => Promise<void>;
}) {
  const [oldPassphrase, setOldPassphrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [autoLockMs, setAutoLockMs] = useState(currentAutoLock);
  const { busy, error, run } = useAction();
  const submit = submitWith(() =>
    run(
      async () => {
        await callBackground('vault.changePassphrase', {
          oldPassphrase,
          newPassphrase: passphrase,
          autoLockMs,
        });
        await onDone();
      },
      newPassphraseProblem(passphrase, repeated),
    ),
  );
  return (
    <form class="security-form" aria-label={t('securityChangePassphrase')} onSubmit={submit}>
      <div class="grid">
        <PassphraseInput
          label={t('securityCurrentPassphrase')}
          value={oldPassphrase}
          onInput={setOldPassphrase}
          current
        />
        <PassphraseInput label={t('securityNewPassphrase')} value={passphrase} onInput={setPassphrase} />
        <PassphraseInput label={t('securityRepeatNewPassphrase')} value={repeated} onInput={setRepeated} />
        <AutoLockSelect value={autoLockMs} onChange={setAutoLockMs} />
      </div>
      <FieldError message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('securityChanging') : t('securityChangePassphrase')}
      </button>
    </form>
  );
}

function RemovePassphraseForm({ onDone }: { onDone: () => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();
  const submit = submitWith(() =>
    run(async () => {
      await callBackground('vault.removePassphrase', { passphrase });
      await onDone();
    }),
  );
  return (
    <form class="security-form" aria-label={t('securityRemoveLock')} onSubmit={submit}>
      <p class="hint">{t('securityRemoveHint')}</p>
      <div class="unlock-row">
        <input
          type="password"
          autoComplete="current-password"
          aria-label={t('securityCurrentPassphrase')}
          placeholder={t('securityCurrentPassphrase')}
          required
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
        <button type="submit" class="ghost danger" disabled={busy}>
          {busy ? t('securityRemoving') : t('securityRemoveLock')}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
