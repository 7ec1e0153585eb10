/**
 * @module The passphrase prompt shown while FreeLLM is locked: in the popup in place of the chat,
 * and in the options page's Security section.
 */
import { useState } from 'preact/hooks';
import { callBackground } from '../../lib/ui-client';
import { submitWith, useAction } from '../options/use-action';
import './unlock-form.css';
import { FieldError } from '../../../shared/ui/field-error';
import { t } from '../../../shared/i18n/t';

interface Props {
  onUnlocked: () => void | Promise<void>;
  /** The popup shows a padlock and a sentence; the options page only the form. */
  variant?: 'popup' | 'inline';
}

export function UnlockForm({ onUnlocked, variant = 'inline' }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();
  const unlock = submitWith(() =>
    run(async () => {
      await callBackground('vault.unlock', { passphrase });
      setPassphrase('');
      await onUnlocked();
    }),
  );

  return (
    <form class={`unlock-form unlock-${variant}`} onSubmit={unlock} aria-label={t('unlockFormLabel')}>
      {variant === 'popup' && (
        <>
          <span class="unlock-padlock" aria-hidden="true">
            <svg
              viewBox="0 0 24 24"
              width="28"
              height="28"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              stroke-linejoin="round"
            >
              <rect x="4" y="11" width="16" height="10" rx="2" />
              <path d="M8 11V7a4 4 0 0 1 8 0v4" />
            </svg>
          </span>
          <h2>{t('unlockTitle')}</h2>
          <p class="muted">{t('unlockExplanation')}</p>
        </>
      )}
      <div class="unlock-row">
        <input
          type="password"
          name="passphrase"
          autoComplete="current-password"
          aria-label={t('passphrase')}
          placeholder={t('passphrase')}
          required
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
          autoFocus={variant === 'popup'}
        />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('unlocking') : t('unlock')}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
