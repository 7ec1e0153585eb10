import { describe, expect, it } from 'vitest';
import { detectKeyProvider } from './detect-key-provider';

const detect = (variable: string, secret: string) => {
  const result = detectKeyProvider(variable, secret);
  return result.found ? { id: result.preset.id, by: result.detectedBy, warning: result.warning } : result;
};

describe('detectKeyProvider', () => {
  it.each([
    ['GROQ_API_KEY', 'gsk_abcdefgh1234', 'groq', 'name and prefix'],
    ['MISTRAL_API_KEY', 'abcdefghijklmnop', 'mistral', 'name'],
    ['OPEN_ROUTER_KEY', 'sk-or-v1-abcdef12', 'openrouter', 'name and prefix'],
    ['HF_TOKEN', 'hf_abcdefghijkl', 'huggingface', 'name and prefix'],
    ['GOOGLE_GENERATIVE_AI_API_KEY', 'AIzaSyabcdefgh', 'gemini', 'name and prefix'],
    ['TOGETHER_AI_API_KEY', 'tgp_v1_abcdefgh', 'together', 'name and prefix'],
    ['MY_KEY', 'csk-abcdefghijkl', 'cerebras', 'prefix'],
    ['GROQ', 'gsk_abcdefgh1234', 'groq', 'prefix'],
  ])('%s=%s is %s (by %s)', (variable, secret, id, by) => {
    expect(detect(variable, secret)).toMatchObject({ id, by, warning: undefined });
  });

  it('trusts the more specific prefix over the name, and says so', () => {
    expect(detect('OPENAI_API_KEY', 'sk-or-v1-abcdef12')).toEqual({
      id: 'openrouter',
      by: 'prefix',
      warning: { code: 'named-for-another', named: 'OpenAI', looksLike: 'OpenRouter' },
    });
    expect(detect('OPENAI_API_KEY', 'sk-proj-abcdef12')).toMatchObject({
      id: 'openai',
      by: 'name and prefix',
    });
  });

  it('warns when the named provider has prefixes and the key has none of them', () => {
    expect(detect('GROQ_API_KEY', 'abcdefghijkl')).toMatchObject({
      id: 'groq',
      by: 'name',
      warning: { code: 'unusual-prefix', provider: 'Groq', prefixes: ['gsk_'] },
    });
  });

  it('tells key-like names it cannot place from variables that are not keys', () => {
    expect(detectKeyProvider('SOMEVENDOR_API_KEY', 'zzzzzzzzzzzz')).toEqual({ found: false, keyLike: true });
    expect(detectKeyProvider('OPENAI_BASE_URL', 'https://api.openai.com/v1')).toEqual({
      found: false,
      keyLike: false,
    });
  });
});
