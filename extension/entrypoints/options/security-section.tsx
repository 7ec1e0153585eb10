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

/** The engine refuses shorter passphrases; checked here too so the message comes before the wait. */
const MIN_PASSPHRASE_LENGTH = 8;
const MINUTE = 60_000;
const AUTO_LOCK_CHOICES: { label: string; ms: number | null }[] = [
  { label: 'Never', ms: null },
  { label: 'After 5 minutes idle', ms: 5 * MINUTE },
  { label: 'After 15 minutes idle', ms: 15 * MINUTE },
  { label: 'After 1 hour idle', ms: 60 * MINUTE },
];

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
          <h2 id="security-title">Passphrase lock</h2>
          <p class="muted">
            Keys always stay encrypted. With a passphrase, locking drops the key that opens them from memory:
            while locked, sites get an error asking you to unlock, and nothing is lost.
          </p>
        </div>
        {status && <LockBadge status={status} />}
      </div>
      {status === undefined ? (
        <p class="muted">Loading…</p>
      ) : !status.hasPassphrase ? (
        <SetPassphraseForm onDone={done} />
      ) : (
        <>
          {status.locked ? (
            <UnlockForm onUnlocked={done} />
          ) : (
            <div class="security-actions">
              <button type="button" class="primary" onClick={lockNow}>
                Lock now
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
              Change passphrase
            </button>
            <button
              type="button"
              class="ghost danger"
              aria-expanded={panel === 'remove'}
              onClick={() => setPanel(panel === 'remove' ? undefined : 'remove')}
            >
              Remove the lock
            </button>
          </div>
          {panel === 'change' && <ChangePassphraseForm autoLockMs={status.autoLockMs} onDone={done} />}
          {panel === 'remove' && <RemovePassphraseForm onDone={done} />}
        </>
      )}
      {status && (
        <p class="hint small older-copies" data-testid="older-copies-note">
          Setting or changing the passphrase encrypts every key again under a new key that only the passphrase
          opens. Old copies of keys stored before that can stay in this browser's storage files, readable
          without the passphrase, until the browser compacts them. If that matters, replace those keys at the
          provider and add the new ones here.
        </p>
      )}
      <FieldError message={error} />
    </section>
  );
}

function LockBadge({ status }: { status: VaultStatus }) {
  const [tone, text] = !status.hasPassphrase
    ? ['off', 'No passphrase']
    : status.locked
      ? ['locked', 'Locked']
      : ['open', 'Unlocked'];
  return (
    <span class={`lock-badge ${tone}`} data-testid="lock-state">
      {text}
    </span>
  );
}

function autoLockText(autoLockMs: number | null): string {
  const choice = AUTO_LOCK_CHOICES.find((entry) => entry.ms === autoLockMs);
  if (autoLockMs === null) return 'Stays unlocked until you lock it or the browser closes.';
  return `Locks itself ${choice ? choice.label.toLowerCase() : `after ${Math.round(autoLockMs / MINUTE)} minutes idle`}, and when the browser closes.`;
}

/** A new passphrase typed twice; the message says what is wrong before anything is sent. */
export function newPassphraseProblem(passphrase: string, repeated: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== repeated) return 'The two passphrases are not the same.';
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
      Auto-lock
      <select
        name="autoLock"
        value={String(value)}
        onChange={(event) =>
          onChange(event.currentTarget.value === 'null' ? null : Number(event.currentTarget.value))
        }
      >
        {AUTO_LOCK_CHOICES.map((choice) => (
          <option key={choice.label} value={String(choice.ms)}>
            {choice.label}
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
    <form class="security-form" aria-label="Set a passphrase" onSubmit={submit}>
      <p class="hint">
        Without a passphrase, the keys are encrypted with a key this browser keeps for FreeLLM in its profile:
        nothing is stored in clear, but anyone with a copy of the profile's files can open them, and FreeLLM
        never locks. Set one to be able to lock it; it is best set before you add any key. There is no way to
        recover a forgotten passphrase: you would have to add your keys again.
      </p>
      <div class="grid">
        <PassphraseInput label="New passphrase" value={passphrase} onInput={setPassphrase} />
        <PassphraseInput label="Repeat passphrase" value={repeated} onInput={setRepeated} />
        <AutoLockSelect value={autoLockMs} onChange={setAutoLockMs} />
      </div>
      <p class="hint small">
        At least {MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to
        guess.
      </p>
      <FieldError message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Setting…' : 'Set passphrase'}
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
    <form class="security-form" aria-label="Change passphrase" onSubmit={submit}>
      <div class="grid">
        <PassphraseInput
          label="Current passphrase"
          value={oldPassphrase}
          onInput={setOldPassphrase}
          current
        />
        <PassphraseInput label="New passphrase" value={passphrase} onInput={setPassphrase} />
        <PassphraseInput label="Repeat new passphrase" value={repeated} onInput={setRepeated} />
        <AutoLockSelect value={autoLockMs} onChange={setAutoLockMs} />
      </div>
      <FieldError message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Changing…' : 'Change passphrase'}
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
    <form class="security-form" aria-label="Remove the lock" onSubmit={submit}>
      <p class="hint">
        Your keys stay encrypted with this browser's own key, which a copy of the profile's files can open,
        and FreeLLM will no longer lock.
      </p>
      <div class="unlock-row">
        <input
          type="password"
          autoComplete="current-password"
          aria-label="Current passphrase"
          placeholder="Current passphrase"
          required
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
        <button type="submit" class="ghost danger" disabled={busy}>
          {busy ? 'Removing…' : 'Remove the lock'}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
