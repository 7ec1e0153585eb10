/**
 * @module The options of a model picker (the chat's, each compare column's): `auto`, shared model
 * names and aliases first, then each provider's own models under its name, never its id.
 */
import { useMemo } from 'preact/hooks';
import { t } from '../i18n/t';
import type { ProviderNames } from '../providers/provider-names';
import { providerOf, type OfferedModel } from './chat-client';

/** The group of the models not tied to one provider (its key; its label is in words). */
const ANY_PROVIDER = '';

interface ModelGroup {
  key: string;
  label: string;
  options: { id: string; text: string }[];
}

export function ModelOptions({ models, nameOf }: { models: OfferedModel[]; nameOf: ProviderNames }) {
  // Grouped once per list, not on every streamed delta (a provider may list hundreds of models).
  const groups = useMemo(() => groupModels(models, nameOf), [models, nameOf]);
  return (
    <>
      {groups.map(({ key, label, options }) => (
        <optgroup key={key} label={label}>
          {options.map(({ id, text }) => (
            <option key={id} value={id}>
              {text}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** `models` with `picked` first where the list lacks them (a pick kept from before, an alias gone). */
export function withPicked(models: OfferedModel[], picked: string[]): OfferedModel[] {
  const missing = [...new Set(picked)].filter((id) => !models.some((offer) => offer.id === id));
  return missing.length ? [...missing.map((id) => ({ id })), ...models] : models;
}

function groupModels(models: OfferedModel[], nameOf: ProviderNames): ModelGroup[] {
  const groups = new Map<string, ModelGroup>([
    [ANY_PROVIDER, { key: ANY_PROVIDER, label: t('chatAnyProvider'), options: [] }],
  ]);
  for (const { id } of models) {
    const provider = providerOf(id);
    const key = provider?.providerId ?? ANY_PROVIDER;
    const group = groups.get(key) ?? { key, label: provider ? nameOf(key) : '', options: [] };
    // The provider's name even inside its group: a closed picker must say which provider.
    group.options.push({ id, text: provider ? `${group.label} · ${provider.model}` : id });
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.options.length > 0);
}
