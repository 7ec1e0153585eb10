import { afterEach, describe, expect, it } from 'vitest';
import english from '../../../shared/i18n/locales/en/messages.json';
import { bundledMessages, setMessageSource } from '../../../shared/i18n/t';
import type { EnvSkipReason } from '../../../shared/keys/env-import';
import { offersProviderPicker, skipReasonWords, warningWords } from './env-import-words';

const skippedKey = (reason: EnvSkipReason) => ({ line: 3, variable: 'MY_KEY', hint: 'abcd…wxyz', reason });

describe('the .env preview in words', () => {
  afterEach(() => setMessageSource(bundledMessages(english)));

  it.each<[EnvSkipReason, string]>([
    [{ code: 'left-out' }, 'Left out by you'],
    [{ code: 'empty' }, 'The value is empty'],
    [{ code: 'not-a-key' }, 'Not an API key (neither its name nor its value looks like one)'],
    [
      { code: 'provider-unknown' },
      'Could not tell which provider this key is for: choose one, or name the variable after the provider (e.g. GROQ_API_KEY)',
    ],
    [
      { code: 'provider-unavailable', provider: 'Cerebras' },
      'Looks like a Cerebras key, a provider FreeLLM cannot call here',
    ],
    [{ code: 'key-too-short' }, 'That key is too short to be real'],
    [{ code: 'key-too-long' }, 'That key is too long to be real'],
    [{ code: 'key-has-spaces' }, 'A key has no spaces in it'],
    [{ code: 'not-an-assignment' }, 'Not a NAME=value line'],
    [{ code: 'quote-not-closed', variable: 'GROQ_API_KEY' }, 'The quote in GROQ_API_KEY is never closed'],
    [{ code: 'already-stored', label: 'Mine', hint: 'gsk_…a1B2' }, 'Already stored as "Mine" (gsk_…a1B2)'],
    [{ code: 'same-as-line', line: 2 }, 'Same key as line 2'],
  ])('skipped for %o', (reason, words) => {
    expect(skipReasonWords(reason)).toBe(words);
  });

  it('says why a detection is in doubt, naming every usual prefix', () => {
    expect(warningWords({ code: 'named-for-another', named: 'OpenAI', looksLike: 'OpenRouter' })).toBe(
      'Named like a key for OpenAI, but the key looks like one for OpenRouter',
    );
    expect(warningWords({ code: 'unusual-prefix', provider: 'Groq', prefixes: ['gsk_'] })).toBe(
      'Groq keys usually start with gsk_',
    );
    expect(warningWords({ code: 'unusual-prefix', provider: 'OpenAI', prefixes: ['sk-proj-', 'sk-'] })).toBe(
      'OpenAI keys usually start with sk-proj- or sk-',
    );
  });

  it('offers a provider picker for a key it could not place, not for a duplicate, in any language', () => {
    // Another language: every message reads differently from the English.
    setMessageSource((key, substitutions = []) => `«${key}» ${substitutions.join(' ')}`);
    expect(skipReasonWords({ code: 'same-as-line', line: 2 })).not.toMatch(/^Same key/);
    expect(offersProviderPicker(skippedKey({ code: 'provider-unknown' }))).toBe(true);
    expect(offersProviderPicker(skippedKey({ code: 'provider-unavailable', provider: 'Cerebras' }))).toBe(
      true,
    );
    expect(offersProviderPicker(skippedKey({ code: 'same-as-line', line: 2 }))).toBe(false);
    expect(
      offersProviderPicker(skippedKey({ code: 'already-stored', label: 'Mine', hint: 'gsk_…a1B2' })),
    ).toBe(false);
    expect(offersProviderPicker({ ...skippedKey({ code: 'not-a-key' }), hint: null })).toBe(false);
  });
});
