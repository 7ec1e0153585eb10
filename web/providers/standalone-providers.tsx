/**
 * @module Standalone mode's keys and providers: which providers this page can call by itself
 * (from the catalog, before anything is sent), the keys kept in the page (added and removed), and
 * the extension offered for the providers a page cannot reach.
 */
import { useState } from 'preact/hooks';
import { PROVIDER_PRESETS, type ProviderPreset } from '../../shared/catalog/provider-presets';
import { t, type MessageKey } from '../../shared/i18n/t';
import type { KeySummary } from '../../shared/keys/stored-key';
import { providerNamesOf } from '../../shared/providers/provider-names';
import { FieldError } from '../../shared/ui/field-error';
import { errorWords } from '../../shared/ui/error-words';
import { messageWith } from '../../shared/ui/message-with';
import type { StandaloneEngine } from '../standalone-engine';
import { browserReachOf, type BrowserReach } from './browser-reach';

/** Standalone keys belong to the catalog's providers, named as the catalog names them. */
const providerNameOf = providerNamesOf(PROVIDER_PRESETS);

/** Where the extension is offered; the README says how to install it from a store or a release zip. */
const GET_EXTENSION_URL = 'https://chromewebstore.google.com/search/FreeLLM';

const REACH_GROUPS: { reach: BrowserReach; title: MessageKey }[] = [
  { reach: 'page', title: 'standaloneReachPage' },
  { reach: 'unknown', title: 'standaloneReachUnknown' },
  { reach: 'extension-only', title: 'standaloneReachExtensionOnly' },
];

const presetsReaching = (reach: BrowserReach) =>
  PROVIDER_PRESETS.filter((preset) => browserReachOf(preset) === reach);

export function StandaloneProviders(props: {
  standalone: StandaloneEngine;
  keys: KeySummary[];
  onKeysChange: () => void;
}) {
  return (
    <section class="card standalone-providers" aria-labelledby="standalone-providers-title">
      <h2 id="standalone-providers-title">{t('standaloneTitle')}</h2>
      <p class="muted">
        {messageWith(
          'standaloneIntro',
          <a href={GET_EXTENSION_URL} target="_blank" rel="noreferrer">
            {t('standaloneInstallLink')}
          </a>,
        )}
      </p>
      <KeyList {...props} />
      <StandaloneKeyForm standalone={props.standalone} onAdded={props.onKeysChange} />
      <ProviderReachList />
    </section>
  );
}

function KeyList({ standalone, keys, onKeysChange }: Parameters<typeof StandaloneProviders>[0]) {
  const [error, setError] = useState<string | undefined>();
  const remove = async (key: KeySummary) => {
    try {
      await standalone.engine.keys.remove(key.id);
      setError(undefined);
    } catch (thrown) {
      setError(errorWords(thrown));
    }
    onKeysChange();
  };
  if (!keys.length) return null;
  return (
    <>
      <ul class="key-list">
        {keys.map((key) => (
          <li key={key.id} class="key-row">
            <div class="key-main">
              <span class="provider-badge">{providerNameOf(key.providerId)}</span>
              <code class="key-hint">{key.hint}</code>
            </div>
            <button
              type="button"
              class="ghost danger"
              aria-label={t('standaloneRemoveNamed', providerNameOf(key.providerId), key.hint)}
              onClick={() => void remove(key)}
            >
              {t('standaloneRemove')}
            </button>
          </li>
        ))}
      </ul>
      <FieldError message={error} />
    </>
  );
}

function StandaloneKeyForm({ standalone, onAdded }: { standalone: StandaloneEngine; onAdded: () => void }) {
  const [providerId, setProviderId] = useState(presetsReaching('page')[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await standalone.engine.keys.add({ providerId, secret });
      setSecret('');
      setError(undefined);
      onAdded();
    } catch (thrown) {
      setError(errorWords(thrown));
    }
  };
  return (
    <form class="inline-form standalone-key-form" onSubmit={submit} aria-label={t('standaloneAddForm')}>
      <select
        aria-label={t('playProvider')}
        value={providerId}
        onChange={(event) => setProviderId(event.currentTarget.value)}
      >
        {REACH_GROUPS.map(({ reach, title }) => (
          <optgroup key={reach} label={t(title)}>
            {presetsReaching(reach).map((preset) => (
              <option key={preset.id} value={preset.id} disabled={reach === 'extension-only'}>
                {preset.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <input
        type="password"
        aria-label={t('standaloneApiKey')}
        required
        autoComplete="off"
        value={secret}
        onInput={(event) => setSecret(event.currentTarget.value)}
        placeholder={t('standalonePasteKey')}
      />
      <button type="submit" class="primary">
        {t('standaloneAddKey')}
      </button>
      <FieldError message={error} />
    </form>
  );
}

function ProviderReachList() {
  return (
    <details class="provider-reach" open>
      <summary>{t('standaloneReachTitle')}</summary>
      {REACH_GROUPS.map(({ reach, title }) => (
        <div key={reach} class={`reach-group reach-${reach}`} data-testid={`reach-${reach}`}>
          <h3>{t(title)}</h3>
          <ul>
            {presetsReaching(reach).map((preset: ProviderPreset) => (
              <li key={preset.id} title={preset.browserCors?.note}>
                {preset.name}
              </li>
            ))}
          </ul>
          {reach === 'extension-only' && (
            <a href={GET_EXTENSION_URL} target="_blank" rel="noreferrer">
              {t('standaloneGetExtension')}
            </a>
          )}
        </div>
      ))}
    </details>
  );
}
