/**
 * @module Routing settings: the default strategy, pacing and conversation affinity, and the
 * user's aliases and groups (a name standing for one or several models). Edits are a draft
 * until saved; the engine parses them strictly and a refusal is shown naming the field.
 */
import { useEffect, useState } from 'preact/hooks';
import type { KeyListing } from '../../../shared/engine/create-engine';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import type { RoutingSettings, Strategy } from '../../../shared/router/routing-settings';
import { UiCallError, callBackground } from '../../lib/ui-client';
import { ReplacedDefaults } from './model-notes';
import './routing-section.css';
import { FieldError } from '../../../shared/ui/field-error';
import { errorWords } from '../../../shared/ui/error-words';
import { t, type MessageKey } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';

const STRATEGY_WORDS: Record<Strategy, [MessageKey, MessageKey]> = {
  priority: ['routingPriority', 'routingPriorityLine'],
  balanced: ['routingBalanced', 'routingBalancedLine'],
  fastest: ['routingFastest', 'routingFastestLine'],
};
const FIELD_WORDS: Record<string, MessageKey> = {
  strategy: 'routingStrategy',
  pacing: 'routingPacing',
  affinity: 'routingAffinity',
  aliases: 'routingAliases',
};
const BUILT_IN_MODELS = ['auto', 'auto:fast', 'auto:smart'];
/** Models as the targets field takes them: the first one is also the example in its error. */
const EXAMPLE_TARGETS = ['groq/openai/gpt-oss-120b', 'gemini/gemini-2.5-flash'];

/** Turns the engine's `param` (e.g. `aliases.team.0`) into words the form uses. */
function fieldName(param: string | null): string | undefined {
  if (!param) return undefined;
  const [head, name, index] = param.split('.');
  if (head === 'aliases' && name)
    return index === undefined
      ? t('routingAliasField', name)
      : t('routingAliasTargetField', name, String(Number(index) + 1));
  const words = FIELD_WORDS[param];
  return words ? t(words) : param;
}

export function RoutingSection({ keys, providers }: { keys: KeyListing[]; providers: ProviderSummary[] }) {
  const [saved, setSaved] = useState<RoutingSettings | undefined>();
  const [draft, setDraft] = useState<RoutingSettings | undefined>();
  const [status, setStatus] = useState<{ error?: string; field?: string; saved?: boolean }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    callBackground('routing.settings').then(
      (settings) => {
        setSaved(settings);
        setDraft(settings);
      },
      (thrown: unknown) => setStatus({ error: errorWords(thrown) }),
    );
  }, []);

  if (!draft || !saved) {
    return status.error ? (
      <p class="banner error" role="alert">
        {status.error}
      </p>
    ) : null;
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const edit = (change: Partial<RoutingSettings>) => {
    setDraft({ ...draft, ...change });
    setStatus({});
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus({});
    setBusy(true);
    try {
      const stored = await callBackground('routing.save', { settings: draft });
      setSaved(stored);
      setDraft(stored);
      setStatus({ saved: true });
    } catch (thrown) {
      const message = errorWords(thrown);
      setStatus({ error: message, field: fieldName(thrown instanceof UiCallError ? thrown.param : null) });
    } finally {
      setBusy(false);
    }
  };

  const suggestions = [
    ...BUILT_IN_MODELS,
    ...providers
      .filter((provider) => provider.keyless || keys.some((key) => key.providerId === provider.id))
      .map((provider) => `${provider.id}/${provider.defaultModel}`),
    ...Object.keys(draft.aliases),
  ];

  return (
    <section class="card routing" aria-labelledby="routing-title">
      <div class="card-head">
        <h2 id="routing-title">{t('routingTitle')}</h2>
        <p class="muted">{messageWith('routingIntro', <code>auto</code>)}</p>
      </div>
      <ReplacedDefaults />
      <form onSubmit={save} aria-label={t('routingForm')}>
        <fieldset class="strategy-choices">
          <legend>{t('routingDefaultStrategy')}</legend>
          {(Object.keys(STRATEGY_WORDS) as Strategy[]).map((strategy) => (
            <label key={strategy} class={`strategy-choice${draft.strategy === strategy ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="strategy"
                value={strategy}
                checked={draft.strategy === strategy}
                onChange={() => edit({ strategy })}
              />
              <span class="strategy-name">{t(STRATEGY_WORDS[strategy][0])}</span>
              <span class="strategy-line">{t(STRATEGY_WORDS[strategy][1])}</span>
            </label>
          ))}
        </fieldset>
        <div class="routing-toggles">
          <label class="toggle">
            <input
              type="checkbox"
              checked={draft.pacing}
              onChange={(event) => edit({ pacing: event.currentTarget.checked })}
            />
            <span>{messageWith('routingPacingLine', <strong>{t('routingPacing')}</strong>)}</span>
          </label>
          <label class="toggle">
            <input
              type="checkbox"
              checked={draft.affinity}
              onChange={(event) => edit({ affinity: event.currentTarget.checked })}
            />
            <span>{messageWith('routingAffinityLine', <strong>{t('routingAffinity')}</strong>)}</span>
          </label>
        </div>
        <AliasEditor
          aliases={draft.aliases}
          suggestions={suggestions}
          onChange={(aliases) => edit({ aliases })}
        />
        <div class="routing-save">
          <button type="submit" class="primary" disabled={busy || !dirty}>
            {busy ? t('routingSaving') : t('routingSave')}
          </button>
          {dirty && !status.error && <span class="muted small">{t('routingUnsaved')}</span>}
          {status.saved && !dirty && (
            <span class="saved-note" role="status">
              {t('routingSaved')}
            </span>
          )}
        </div>
        {status.error && (
          <p class="field-error" role="alert">
            {status.field && <strong>{t('routingFieldNamed', status.field)} </strong>}
            {status.error}
          </p>
        )}
      </form>
    </section>
  );
}

interface AliasEditorProps {
  aliases: Record<string, string[]>;
  suggestions: string[];
  onChange: (aliases: Record<string, string[]>) => void;
}

/**
 * What the user's keys reach, as `GET /models` lists them: read when an alias is added, not when
 * the page opens, since it asks each provider for its model list. Unreadable, targets go unchecked.
 */
const readReachable = () => callBackground('models.reachable').catch((): string[] | undefined => undefined);

function AliasEditor({ aliases, suggestions, onChange }: AliasEditorProps) {
  const [name, setName] = useState('');
  const [targets, setTargets] = useState('');
  const [error, setError] = useState<string | undefined>();

  const add = async () => {
    const trimmed = name.trim();
    const list = targets.split(/[,\s]+/).filter(Boolean);
    if (!trimmed) return setError(t('routingAliasNameMissing'));
    if (BUILT_IN_MODELS.includes(trimmed)) return setError(t('routingAliasBuiltIn', trimmed));
    if (aliases[trimmed]) return setError(t('routingAliasExists', trimmed));
    if (list.length === 0) return setError(t('routingTargetsMissing', EXAMPLE_TARGETS[0]!));
    const known = await readReachable();
    const unreachable = known && list.find((target) => !known.includes(target) && !aliases[target]);
    if (unreachable) return setError(t('routingTargetUnreachable', unreachable));
    onChange({ ...aliases, [trimmed]: list });
    setName('');
    setTargets('');
    setError(undefined);
  };
  const remove = (alias: string) => {
    const { [alias]: _removed, ...rest } = aliases;
    onChange(rest);
  };

  return (
    <div class="alias-editor">
      <h3>{t('routingAliasesTitle')}</h3>
      <p class="hint">{messageWith('routingAliasesHint', <code>model</code>)}</p>
      {Object.keys(aliases).length > 0 && (
        <ul class="alias-list" aria-label={t('routingAliases')}>
          {Object.entries(aliases).map(([alias, list]) => (
            <li key={alias} class="alias-row" data-testid="alias-row">
              <code class="alias-name">{alias}</code>
              <span class="alias-arrow" aria-hidden="true">
                →
              </span>
              <span class="alias-targets">
                {list.map((target) => (
                  <code key={target} class="alias-target">
                    {target}
                  </code>
                ))}
              </span>
              <button
                type="button"
                class="ghost danger"
                onClick={() => remove(alias)}
                aria-label={t('routingRemoveAlias', alias)}
              >
                {t('routingRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="alias-add">
        <label>
          {t('routingAliasName')}
          <input
            name="aliasName"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
            placeholder={t('routingAliasNamePlaceholder')}
            spellcheck={false}
          />
        </label>
        <label class="alias-targets-field">
          {t('routingTargets')}
          <input
            name="aliasTargets"
            list="alias-suggestions"
            value={targets}
            onInput={(event) => setTargets(event.currentTarget.value)}
            placeholder={EXAMPLE_TARGETS.join(', ')}
            spellcheck={false}
          />
        </label>
        <button type="button" class="ghost" onClick={() => void add()}>
          {t('routingAddAlias')}
        </button>
        <datalist id="alias-suggestions">
          {[...new Set(suggestions)].map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      </div>
      <FieldError message={error} />
    </div>
  );
}
