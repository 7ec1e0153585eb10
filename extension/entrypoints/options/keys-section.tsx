import { useCallback, useState } from 'preact/hooks';
import type { ProviderAccess } from '../../../shared/catalog/catalog-types';
import { detectPresetByKey, findPreset } from '../../../shared/catalog/provider-presets';
import type { KeyCheck } from '../../../shared/engine/check-keys';
import type { KeyListing } from '../../../shared/engine/create-engine';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import { requestEndpointPermission } from '../../lib/endpoint-permission';
import { callBackground } from '../../lib/ui-client';
import { EnvImportForm } from './env-import-form';
import { keyCheckWords } from './key-check-words';
import { keyNoticeWords } from './key-notice-words';
import { RemovedKeyNotice } from './removed-key-notice';
import { useSortableList } from './use-sortable-list';
import './keys-section.css';
import { FieldError } from '../../../shared/ui/field-error';
import { errorWords } from '../../../shared/ui/error-words';
import { t, type MessageKey } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';

/** A key's last test: running, or its verdict. */
type CheckState = KeyCheck | 'checking';

const NEW_CUSTOM = '__new_custom__';

/** What the custom endpoint's fields show as examples: an address and a model id, in no language. */
const CUSTOM_EXAMPLE = { baseURL: 'https://example.com/v1', model: 'llama-3.3-70b' };

/** How the add-key form names a provider's terms: a key that costs money must say so. */
const ACCESS_LABEL: Record<ProviderAccess, MessageKey> = {
  free: 'keysFreeTier',
  'trial-credit': 'keysTrialCreditOnly',
  paid: 'keysPaidOnly',
};

/** The provider list in groups, so a trial or paid provider is never taken for a free one. */
function providerGroup(provider: ProviderSummary): string {
  if (provider.custom) return t('keysGroupCustom');
  if (provider.local) return t('keysGroupLocal');
  return findPreset(provider.id)?.access.value === 'free' ? t('keysFreeTier') : t('keysGroupNotFree');
}

interface Props {
  keys: KeyListing[];
  providers: ProviderSummary[];
  /** Undefined until the lock section has read it. */
  hasPassphrase?: boolean;
  onChange: () => Promise<void>;
}

export function KeysSection({ keys, providers, hasPassphrase, onChange }: Props) {
  const [pasting, setPasting] = useState(false);
  const [removed, setRemoved] = useState<{ id: string; label: string }>();
  const [checks, setChecks] = useState<Record<string, CheckState>>({});
  const [problem, setProblem] = useState<string>();
  const providerOf = (id: string) => providers.find((provider) => provider.id === id);
  const reorder = async (from: number, to: number) => {
    const ids = keys.map((key) => key.id);
    ids.splice(to, 0, ...ids.splice(from, 1));
    await callBackground('keys.reorder', { ids });
    await onChange();
  };
  const list = useSortableList<HTMLOListElement>(
    (from, to) => {
      setProblem(undefined);
      reorder(from, to).catch((thrown: unknown) => setProblem(errorWords(thrown)));
    },
    '.drag-handle',
    keys.length > 0,
  );
  const check = async (ids: string[]) => {
    setProblem(undefined);
    const mark = (entries: [string, CheckState | undefined][]) =>
      setChecks((current) => {
        const next = { ...current };
        for (const [id, state] of entries)
          if (state) next[id] = state;
          else delete next[id];
        return next;
      });
    mark(ids.map((id) => [id, 'checking']));
    try {
      mark((await callBackground('keys.check', { ids })).map((result) => [result.id, result]));
    } catch (thrown) {
      mark(ids.map((id) => [id, undefined]));
      setProblem(errorWords(thrown));
    }
  };
  const remove = async (item: KeyListing) => {
    await callBackground('keys.remove', { id: item.id });
    setRemoved({ id: item.id, label: item.label });
    await onChange();
  };
  const undo = async () => {
    if (!removed) return;
    setRemoved(undefined);
    setProblem(undefined);
    try {
      await callBackground('keys.restore', { id: removed.id });
      await onChange();
    } catch {
      setProblem(t('keysTooLateToUndo', removed.label));
    }
  };
  const expire = useCallback(() => setRemoved(undefined), []);
  return (
    <section class="card" aria-labelledby="keys-title">
      <div class="card-head with-action">
        <div>
          <h2 id="keys-title">{t('keysTitle')}</h2>
          <p class="muted">{t('keysIntro')}</p>
        </div>
        {!pasting && (
          <button type="button" class="ghost nowrap" onClick={() => setPasting(true)}>
            {t('keysPasteEnv')}
          </button>
        )}
      </div>
      {pasting && (
        <EnvImportForm providers={providers} onImported={onChange} onClose={() => setPasting(false)} />
      )}
      {removed && <RemovedKeyNotice label={removed.label} onUndo={() => void undo()} onExpire={expire} />}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {keys.length === 0 ? (
        <p class="empty">{t('keysEmpty')}</p>
      ) : (
        <>
          <div class="keys-toolbar">
            <button
              type="button"
              class="ghost small-button"
              onClick={() => void check(keys.map((key) => key.id))}
            >
              {t('keysTestAll')}
            </button>
            <span class="muted small">{t('keysTestNote')}</span>
          </div>
          <ol class="key-list" aria-label={t('keysList')} ref={list}>
            {keys.map((key, index) => (
              <KeyRow
                key={key.id}
                item={key}
                position={index + 1}
                provider={providerOf(key.providerId)}
                onMove={(by) => reorder(index, index + by)}
                canMove={{ up: index > 0, down: index < keys.length - 1 }}
                check={checks[key.id]}
                onCheck={() => check([key.id])}
                onRemove={() => remove(key)}
                onChange={onChange}
              />
            ))}
          </ol>
        </>
      )}
      {hasPassphrase === false && keys.length <= 1 && <PassphraseOffer firstKeyStored={keys.length === 1} />}
      <AddKeyForm providers={providers} onAdded={onChange} />
    </section>
  );
}

/**
 * Offered around the first key, not later: a key stored before the passphrase can outlive it in
 * the browser's storage files, readable without it, until the browser compacts them.
 */
function PassphraseOffer({ firstKeyStored }: { firstKeyStored: boolean }) {
  return (
    <p class="passphrase-offer" role="note" data-testid="passphrase-offer">
      {firstKeyStored
        ? messageWith(
            'keysPassphraseOfferStored',
            <a href="#security-title">{t('keysPassphraseOfferStoredLink')}</a>,
          )
        : messageWith(
            'keysPassphraseOfferFirst',
            <a href="#security-title">{t('keysPassphraseOfferFirstLink')}</a>,
          )}
    </p>
  );
}

interface KeyRowProps {
  item: KeyListing;
  position: number;
  provider: ProviderSummary | undefined;
  canMove: { up: boolean; down: boolean };
  onMove: (by: -1 | 1) => Promise<void>;
  check: CheckState | undefined;
  onCheck: () => Promise<void>;
  onRemove: () => Promise<void>;
  onChange: () => Promise<void>;
}

function KeyRow({
  item,
  position,
  provider,
  canMove,
  onMove,
  check,
  onCheck,
  onRemove,
  onChange,
}: KeyRowProps) {
  const [editing, setEditing] = useState<'rename' | 'rotate' | undefined>();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      setEditing(undefined);
      await onChange();
    } catch (thrown) {
      setError(errorWords(thrown));
    }
  };
  const edit = (mode: 'rename' | 'rotate') => {
    setEditing(mode);
    setValue(mode === 'rename' ? item.label : '');
    setError(undefined);
  };
  const save = (event: Event) => {
    event.preventDefault();
    void act(() =>
      editing === 'rename'
        ? callBackground('keys.rename', { id: item.id, label: value })
        : callBackground('keys.rotate', { id: item.id, secret: value }),
    );
  };
  const cancel = () => {
    setEditing(undefined);
    setError(undefined);
  };
  return (
    <li class={`key-row${item.enabled ? '' : ' disabled'}`} data-testid="key-row">
      <span class="drag-handle" title={t('keysDragToReorder')} aria-hidden="true">
        ⠿
      </span>
      <div class="key-order">
        <button
          type="button"
          class="order-button"
          disabled={!canMove.up}
          onClick={() => void act(() => onMove(-1))}
          aria-label={t('keysMoveUp', item.label)}
          title={t('keysTryEarlier')}
        >
          ▲
        </button>
        <span class="key-position" aria-label={t('keysPriority', String(position))}>
          {position}
        </span>
        <button
          type="button"
          class="order-button"
          disabled={!canMove.down}
          onClick={() => void act(() => onMove(1))}
          aria-label={t('keysMoveDown', item.label)}
          title={t('keysTryLater')}
        >
          ▼
        </button>
      </div>
      <div class="key-main">
        <span class="provider-badge">{provider?.name ?? item.providerId}</span>
        {editing === 'rename' ? (
          <form class="key-edit" onSubmit={save} aria-label={t('keysRenameNamed', item.label)}>
            <input
              aria-label={t('keysName')}
              value={value}
              maxLength={80}
              onInput={(event) => setValue(event.currentTarget.value)}
              onKeyDown={(event) => event.key === 'Escape' && cancel()}
              autoFocus
            />
            <button type="submit" class="primary small-button">
              {t('save')}
            </button>
            <button type="button" class="ghost small-button" onClick={cancel}>
              {t('cancel')}
            </button>
          </form>
        ) : (
          <span class="key-label">{item.label}</span>
        )}
        <code class="key-hint">{item.hint}</code>
        {item.account && <span class="muted small">{t('keysAccountOf', item.account)}</span>}
        {provider?.baseURLOverridden && <span class="muted small">{t('keysVia', provider.baseURL)}</span>}
        {item.disabledBecause && (
          <span class="key-problem" role="status">
            {keyNoticeWords(item.disabledBecause, provider?.name ?? item.providerId)}
          </span>
        )}
      </div>
      <div class="row-actions">
        <label class="switch">
          <input
            type="checkbox"
            checked={item.enabled}
            // What the switch shows: a second click may come before the list is read again.
            onChange={(event) => {
              const enabled = event.currentTarget.checked;
              void act(() => callBackground('keys.setEnabled', { id: item.id, enabled }));
            }}
            aria-label={t('keysUse', item.label)}
          />
          <span>{item.enabled ? t('keysOn') : t('keysOff')}</span>
        </label>
        <button
          type="button"
          class="ghost small-button"
          disabled={check === 'checking'}
          onClick={() => void onCheck()}
          aria-label={t('keysTestNamed', item.label)}
        >
          {t('keysTest')}
        </button>
        <button
          type="button"
          class="ghost small-button"
          onClick={() => edit('rename')}
          aria-label={t('keysRenameNamed', item.label)}
        >
          {t('rename')}
        </button>
        <button
          type="button"
          class="ghost small-button"
          onClick={() => edit('rotate')}
          aria-label={t('keysReplaceKeyOf', item.label)}
        >
          {t('keysReplaceKey')}
        </button>
        <button
          type="button"
          class="ghost danger small-button"
          onClick={() => void act(onRemove)}
          aria-label={t('keysRemoveNamed', item.label)}
        >
          {t('keysRemove')}
        </button>
      </div>
      {editing === 'rotate' && (
        <form
          class="key-rotate inline-form"
          onSubmit={save}
          aria-label={t('keysReplaceTheKeyOf', item.label)}
        >
          <input
            type="password"
            autoComplete="off"
            spellcheck={false}
            aria-label={t('keysNewKey')}
            placeholder={t('keysNewKeyPlaceholder')}
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
            autoFocus
          />
          <button type="submit" class="primary">
            {t('keysReplace')}
          </button>
          <button type="button" class="ghost" onClick={cancel}>
            {t('cancel')}
          </button>
        </form>
      )}
      {check && (
        <p
          class={`key-check${check === 'checking' ? '' : check.ok ? ' works' : ' fails'}`}
          role="status"
          data-testid="key-check"
        >
          {check === 'checking' ? t('keysTesting') : keyCheckWords(check)}
        </p>
      )}
      {error && (
        <p class="field-error key-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function AddKeyForm({ providers, onAdded }: { providers: ProviderSummary[]; onAdded: () => Promise<void> }) {
  const [providerId, setProviderId] = useState(providers[0]?.id ?? NEW_CUSTOM);
  const [providerTouched, setProviderTouched] = useState(false);
  const [secret, setSecret] = useState('');
  const [label, setLabel] = useState('');
  const [account, setAccount] = useState('');
  const [custom, setCustom] = useState({ name: '', baseURL: '', defaultModel: '' });
  const [baseURLOverride, setBaseURLOverride] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const preset = findPreset(providerId);

  const onSecret = (value: string) => {
    setSecret(value);
    const detected = detectPresetByKey(value.trim());
    if (detected && !providerTouched) setProviderId(detected.id);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      let targetId = providerId;
      if (providerId === NEW_CUSTOM) {
        // Asked first, while the click still counts as a user gesture.
        await requestEndpointPermission(custom.baseURL);
        targetId = (await callBackground('providers.addCustom', custom)).id;
      } else if (baseURLOverride.trim()) {
        await requestEndpointPermission(baseURLOverride.trim());
        await callBackground('providers.setBaseURL', { providerId, baseURL: baseURLOverride.trim() });
      } else if (preset) {
        // A local server is not among the manifest's hosts, and Firefox lets the user withhold
        // the declared ones; a host already granted answers at once, without a prompt.
        await requestEndpointPermission(preset.baseURL);
      }
      await callBackground('keys.add', {
        providerId: targetId,
        label: label || undefined,
        account: account.trim() || undefined,
        secret,
      });
      setSecret('');
      setLabel('');
      setAccount('');
      setCustom({ name: '', baseURL: '', defaultModel: '' });
      setBaseURLOverride('');
      setProviderTouched(false);
      await onAdded();
    } catch (thrown) {
      setError(errorWords(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="add-key" onSubmit={submit} aria-label={t('keysAddForm')}>
      <h3>{t('keysAddForm')}</h3>
      <div class="grid">
        <label>
          {t('keysProvider')}
          <select
            name="provider"
            value={providerId}
            onChange={(event) => {
              setProviderId(event.currentTarget.value);
              setProviderTouched(true);
            }}
          >
            {[...new Set(providers.map(providerGroup))].map((group) => (
              <optgroup key={group} label={group}>
                {providers
                  // The on-device model has its own section (availability, download).
                  .filter((provider) => providerGroup(provider) === group && provider.family !== 'on-device')
                  .map((provider) => (
                    <option key={provider.id} value={provider.id}>
                      {provider.name}
                    </option>
                  ))}
              </optgroup>
            ))}
            <option value={NEW_CUSTOM}>{t('keysCustomEndpoint')}</option>
          </select>
        </label>
        {preset?.keyless ? (
          <p class="hint keyless-note" data-testid="keyless-note">
            {messageWith('keysKeylessNote', <code>{preset.baseURL}</code>)}
          </p>
        ) : (
          <label>
            {t('keysApiKey')}
            <input
              name="secret"
              type="password"
              autoComplete="off"
              spellcheck={false}
              required
              value={secret}
              onInput={(event) => onSecret(event.currentTarget.value)}
              placeholder={
                preset?.keyFormat ??
                (preset?.keyPrefixes[0] ? `${preset.keyPrefixes[0]}…` : t('keysPasteTheKey'))
              }
            />
          </label>
        )}
        <label>
          <span>
            {t('keysLabel')} <span class="optional">{t('keysOptional')}</span>
          </span>
          <input
            name="label"
            value={label}
            onInput={(event) => setLabel(event.currentTarget.value)}
            placeholder={t('keysLabelPlaceholder')}
          />
        </label>
        <label title={t('keysAccountTitle')}>
          <span>
            {t('keysAccount')} <span class="optional">{t('keysOptional')}</span>
          </span>
          <input
            name="account"
            value={account}
            onInput={(event) => setAccount(event.currentTarget.value)}
            placeholder={t('keysAccountPlaceholder')}
          />
        </label>
      </div>
      {providerId === NEW_CUSTOM && (
        <div class="grid custom-fields">
          <label>
            {t('keysEndpointName')}
            <input
              name="customName"
              required
              value={custom.name}
              onInput={(event) => setCustom({ ...custom, name: event.currentTarget.value })}
              placeholder={t('keysEndpointNamePlaceholder')}
            />
          </label>
          <label>
            {t('keysBaseUrl')}
            <input
              name="customBaseURL"
              type="url"
              required
              value={custom.baseURL}
              onInput={(event) => setCustom({ ...custom, baseURL: event.currentTarget.value })}
              placeholder={CUSTOM_EXAMPLE.baseURL}
            />
          </label>
          <label>
            {t('keysDefaultModel')}
            <input
              name="customModel"
              required
              value={custom.defaultModel}
              onInput={(event) => setCustom({ ...custom, defaultModel: event.currentTarget.value })}
              placeholder={CUSTOM_EXAMPLE.model}
            />
          </label>
        </div>
      )}
      {preset && (
        <>
          <p class="hint" data-testid="free-tier-note">
            <strong>{t('keysAccessHeading', t(ACCESS_LABEL[preset.access.value]))}</strong>{' '}
            {preset.freeTier.note}{' '}
            <a href={preset.freeTier.link} target="_blank" rel="noreferrer">
              {t('keysTerms')}
            </a>
          </p>
          <p class="hint" hidden={preset.keyless}>
            {messageWith(
              'keysNoKeyYet',
              <a href={preset.signupUrl} target="_blank" rel="noreferrer">
                {t('keysGetKey', preset.name)}
              </a>,
            )}
          </p>
          <details class="advanced">
            <summary>{t('keysAdvancedBaseUrl', preset.name)}</summary>
            <label>
              {t('keysBaseUrl')}
              <input
                name="baseURLOverride"
                type="url"
                value={baseURLOverride}
                onInput={(event) => setBaseURLOverride(event.currentTarget.value)}
                placeholder={preset.baseURL}
              />
            </label>
          </details>
        </>
      )}
      <FieldError message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('keysSaving') : t('keysAdd')}
      </button>
    </form>
  );
}
