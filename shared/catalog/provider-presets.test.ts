import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickedAutomatically, type Sourced } from './catalog-types';
import {
  PROVIDER_PRESETS,
  detectPresetByKey,
  findCatalogModel,
  findPreset,
  localPresetOrigins,
  presetHostPatterns,
} from './provider-presets';

const REQUIRED = [
  'openai',
  'anthropic',
  'gemini',
  'cohere',
  'groq',
  'cerebras',
  'mistral',
  'openrouter',
  'together',
  'fireworks',
  'deepinfra',
  'huggingface',
  'cloudflare',
  'sambanova',
  'nvidia',
  'nebius',
  'novita',
  'hyperbolic',
  'scaleway',
  'zai',
  'moonshot',
  'minimax',
  'chutes',
  'ollama',
  'lmstudio',
  'llamacpp',
];

const figures = (value: unknown): Sourced<unknown>[] =>
  value && typeof value === 'object'
    ? 'asOf' in value
      ? [value as Sourced<unknown>]
      : Object.values(value).flatMap(figures)
    : [];

describe('the provider catalog', () => {
  it('knows every provider the team listed, each once, and not GitHub Models (retired)', () => {
    const ids = PROVIDER_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    expect(ids).not.toContain('github');
  });

  it.each(PROVIDER_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s is complete and sourced',
    (_id, preset) => {
      expect(preset.baseURL).toMatch(/^https?:\/\/[^ ]+[^/]$/);
      expect(preset.signupUrl).toMatch(/^https:\/\//);
      expect(preset.freeTier.link).toMatch(/^https:\/\//);
      expect(preset.freeTier.note.length).toBeGreaterThan(10);
      expect([...preset.keyPrefixes]).toEqual([...preset.keyPrefixes].sort((a, b) => b.length - a.length));
      if (!preset.keyless) expect(preset.models.map((model) => model.id)).toContain(preset.defaultModel);
      expect(preset.access.value).toMatch(/^(free|trial-credit|paid)$/);
      for (const figure of figures(preset)) {
        expect(figure.source.length).toBeGreaterThan(3);
        expect(figure.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      }
    },
  );

  it('uses the native families where FreeLLM has native adapters', () => {
    expect(findPreset('anthropic')).toMatchObject({
      family: 'anthropic',
      baseURL: 'https://api.anthropic.com/v1',
    });
    expect(findPreset('gemini')).toMatchObject({
      family: 'gemini',
      baseURL: 'https://generativelanguage.googleapis.com/v1beta',
    });
    expect(findPreset('cohere')).toMatchObject({ family: 'cohere', baseURL: 'https://api.cohere.com/v2' });
  });

  it('records both figures where sources disagree', () => {
    const cerebrasRpm = findCatalogModel('cerebras', 'gpt-oss-120b')?.freeTier?.rpm;
    expect(cerebrasRpm).toMatchObject({ value: 5, disputedBy: { value: 30 } });
    expect(findCatalogModel('gemini', 'gemini-2.5-flash')?.freeTier).toMatchObject({
      scope: 'model',
      rpm: { value: 5, disputedBy: { value: 10 } },
      rpd: { value: 20, disputedBy: { value: 250 } },
    });
    expect(findPreset('sambanova')?.access).toMatchObject({
      value: 'trial-credit',
      disputedBy: { value: 'free' },
    });
  });

  it.each(PROVIDER_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s defaults to a model a new key can still use',
    (_id, preset) => {
      const model = preset.models.find((entry) => entry.id === preset.defaultModel);
      if (model) expect(pickedAutomatically(preset, model)).toBe(true);
    },
  );

  it('keeps retired models known, with the day and the source, and never as a default', () => {
    expect(findCatalogModel('groq', 'llama-3.3-70b-versatile')?.retired).toMatchObject({
      value: '2026-08-16',
      source: expect.stringContaining('deprecations'),
    });
    expect(findCatalogModel('groq', 'llama-3.1-8b-instant')?.retired?.value).toBe('2026-08-16');
    expect(findCatalogModel('groq', 'groq/compound')?.retired?.value).toBe('2026-09-21');
    expect(findCatalogModel('cerebras', 'llama3.1-8b')?.retired?.value).toBe('2026-05-27');
    expect(findPreset('groq')?.defaultModel).toBe('openai/gpt-oss-120b');
  });

  it('marks the providers without a recurring free tier, and the key form offers the free ones first', () => {
    const access = (id: string) => findPreset(id)?.access.value;
    expect([access('cerebras'), access('sambanova')]).toEqual(['trial-credit', 'trial-credit']);
    expect([access('openai'), access('anthropic'), access('together'), access('chutes')]).toEqual([
      'paid',
      'paid',
      'paid',
      'paid',
    ]);
    expect([access('groq'), access('gemini'), access('mistral'), access('openrouter')]).toEqual([
      'free',
      'free',
      'free',
      'free',
    ]);
    const order = PROVIDER_PRESETS.map((preset) =>
      preset.keyless ? 2 : preset.access.value === 'free' ? 0 : 1,
    );
    expect(order).toEqual([...order].sort());
  });
});

describe('host permissions', () => {
  it('lists every remote provider host and no local one', () => {
    const patterns = presetHostPatterns();
    expect(patterns).toEqual(
      expect.arrayContaining([
        'https://api.groq.com/*',
        'https://api.anthropic.com/*',
        'https://api.cloudflare.com/*',
      ]),
    );
    expect(patterns.some((pattern) => pattern.includes('localhost'))).toBe(false);
  });

  it('offers the local servers apart, as origins', () => {
    expect(localPresetOrigins()).toEqual([
      'http://localhost:11434',
      'http://localhost:1234',
      'http://localhost:8080',
    ]);
    expect(PROVIDER_PRESETS.filter((preset) => preset.local).every((preset) => preset.keyless)).toBe(true);
  });
});

describe('detectPresetByKey', () => {
  it.each([
    ['gsk_abc', 'groq'],
    ['sk-or-v1-abc', 'openrouter'],
    ['sk-ant-api03-abc', 'anthropic'],
    ['sk-proj-abc', 'openai'],
    ['sk-abc', 'openai'],
    ['AIzaSyabc', 'gemini'],
    ['csk-abc', 'cerebras'],
    ['nvapi-abc', 'nvidia'],
    ['hf_abc', 'huggingface'],
    ['cpk_abc', 'chutes'],
    [`${'0123456789abcdef'.repeat(2)}:token`, 'cloudflare'],
  ])('%s belongs to %s', (key, id) => {
    expect(detectPresetByKey(key)?.id).toBe(id);
  });

  it('leaves a key without a known prefix or shape to the user', () => {
    expect(detectPresetByKey('0123456789abcdefghijklmnopqrstuv')).toBeUndefined();
  });
});

describe('docs/providers.md', () => {
  const doc = readFileSync(new URL('../../docs/providers.md', import.meta.url), 'utf8');

  it.each(PROVIDER_PRESETS.map((preset) => [preset.id, preset] as const))(
    'tells users where to get a %s key and what it looks like',
    (_id, preset) => {
      expect(doc).toContain(preset.local ? preset.baseURL : preset.signupUrl);
      for (const prefix of preset.keyPrefixes) expect(doc).toContain(`\`${prefix}\``);
    },
  );
});
