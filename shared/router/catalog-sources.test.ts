import { describe, expect, it } from 'vitest';
import { pickedAutomatically } from '../catalog/catalog-types';
import { PROVIDER_PRESETS, findCatalogModel, findPreset } from '../catalog/provider-presets';
import { catalogLimitSource, catalogModelSource } from './catalog-sources';
import { expandModel } from './candidates';
import { MODEL_EQUIVALENTS } from './model-equivalence';
import type { ResolvedProvider } from '../providers/provider-directory';
import type { KeySummary } from '../keys/stored-key';

/** A key for every provider in the catalog, each provider with its preset's default model. */
const everyProvider = {
  keys: PROVIDER_PRESETS.map(
    (preset) => ({ id: `key-${preset.id}`, providerId: preset.id, enabled: true, priority: 1 }) as KeySummary,
  ),
  providers: new Map(
    PROVIDER_PRESETS.map((preset) => [
      preset.id,
      { id: preset.id, defaultModel: preset.defaultModel } as ResolvedProvider,
    ]),
  ),
  known: new Set(PROVIDER_PRESETS.map((preset) => preset.id)),
  models: catalogModelSource,
  aliases: {},
};
const canonicalNames = [
  ...Object.keys(MODEL_EQUIVALENTS),
  ...PROVIDER_PRESETS.flatMap((preset) =>
    catalogModelSource.models(preset.id).flatMap((info) => (info.canonical ? [info.canonical] : [])),
  ),
];

describe('the catalog as routing input', () => {
  it('gives a model’s own free-tier limits, with Gemini’s day ending at midnight Pacific', () => {
    expect(catalogLimitSource.limitsFor('groq', 'openai/gpt-oss-120b')).toMatchObject({
      scope: 'model',
      rpm: 30,
      rpd: 1_000,
      tpm: 8_000,
    });
    expect(catalogLimitSource.limitsFor('gemini', 'gemini-2.5-flash-lite')).toMatchObject({
      rpm: 10,
      dailyResetTimeZone: 'America/Los_Angeles',
    });
  });

  it('splits auto:fast and auto:smart by tier, and auto takes each provider’s default model', () => {
    const key = { id: 'k', providerId: 'groq', enabled: true, priority: 1 } as KeySummary;
    const provider = { id: 'groq', defaultModel: 'openai/gpt-oss-120b' } as ResolvedProvider;
    const inputs = {
      keys: [key],
      providers: new Map([['groq', provider]]),
      known: new Set(['groq']),
      models: catalogModelSource,
      aliases: {},
    };
    expect(expandModel('auto', inputs).map((candidate) => candidate.model)).toEqual(['openai/gpt-oss-120b']);
    expect(expandModel('auto:fast', inputs).map((candidate) => candidate.model)).toEqual([
      'openai/gpt-oss-20b',
    ]);
    expect(expandModel('auto:smart', inputs).map((candidate) => candidate.model)).toEqual([
      'openai/gpt-oss-120b',
    ]);
  });

  it.each(['auto', 'auto:fast', 'auto:smart', ...new Set(canonicalNames)])(
    '%s expands to no retired model, nor a paid one behind a free key',
    (name) => {
      const candidates = expandModel(name, everyProvider);
      expect(candidates.length).toBeGreaterThan(0);
      const unfit = candidates.filter(({ provider, model }) => {
        const known = findCatalogModel(provider.id, model);
        return known !== undefined && !pickedAutomatically(findPreset(provider.id)!, known);
      });
      expect(unfit.map(({ provider, model }) => `${provider.id}/${model}`)).toEqual([]);
    },
  );

  it('still knows a retired model’s capabilities, for a call that pins it', () => {
    expect(
      catalogModelSource.models('groq').find((info) => info.id === 'llama-3.3-70b-versatile'),
    ).toMatchObject({ tools: true, contextWindow: 131_072, tier: undefined, canonical: undefined });
  });
});
