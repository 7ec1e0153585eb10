import { describe, expect, it } from 'vitest';
import { providerNamesOf } from './provider-names';

describe('provider names', () => {
  it('names a provider or an endpoint by its name, and one no longer known by its id', () => {
    const nameOf = providerNamesOf([
      { id: 'groq', name: 'Groq' },
      { id: 'custom-mock-openai-3704f8', name: 'Mock OpenAI' },
    ]);
    expect(nameOf('custom-mock-openai-3704f8')).toBe('Mock OpenAI');
    expect(nameOf('groq')).toBe('Groq');
    expect(nameOf('custom-removed-1a2b3c')).toBe('custom-removed-1a2b3c');
  });
});
