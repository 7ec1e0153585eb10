import { describe, expect, it } from 'vitest';
import { catalogLimitSource, catalogModelSource } from './catalog-sources';
import { expandModel } from './candidates';
import type { ResolvedProvider } from '../providers/provider-directory';
import type { KeySummary } from '../keys/stored-key';

describe('the catalog as routing input', () => {
  it('gives a model’s own free-tier limits, with Gemini’s day ending at midnight Pacific', () => {
    expect(catalogLimitSource.limitsFor('groq', 'llama-3.3-70b-versatile')).toMatchObject({ scope: 'model', rpm: 30, rpd: 1_000 });
    expect(catalogLimitSource.limitsFor('gemini', 'gemini-2.5-flash-lite')).toMatchObject({ rpm: 15, dailyResetTimeZone: 'America/Los_Angeles' });
  });

  it('splits auto:fast and auto:smart by tier, and auto takes each provider’s default model', () => {
    const key = { id: 'k', providerId: 'groq', enabled: true, priority: 1 } as KeySummary;
    const provider = { id: 'groq', defaultModel: 'llama-3.3-70b-versatile' } as ResolvedProvider;
    const inputs = { keys: [key], providers: new Map([['groq', provider]]), known: new Set(['groq']), models: catalogModelSource, aliases: {} };
    expect(expandModel('auto', inputs).map((candidate) => candidate.model)).toEqual(['llama-3.3-70b-versatile']);
    expect(expandModel('auto:fast', inputs).map((candidate) => candidate.model)).toContain('llama-3.1-8b-instant');
    expect(expandModel('auto:smart', inputs).map((candidate) => candidate.model)).toContain('llama-3.3-70b-versatile');
    expect(expandModel('auto:smart', inputs).map((candidate) => candidate.model)).not.toContain('llama-3.1-8b-instant');
  });
});
