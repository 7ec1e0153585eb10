import { describe, expect, it } from 'vitest';
import { keyNoticeWords } from './key-notice-words';

describe('why a key was turned off, in words', () => {
  it('says what the provider answered, with its code when it gave one', () => {
    expect(keyNoticeWords({ refusal: { kind: 'auth', status: 401, code: 'invalid_api_key' } }, 'Groq')).toBe(
      'Groq rejected this key (HTTP 401, invalid_api_key). Check or replace it, then enable it again.',
    );
    expect(keyNoticeWords({ refusal: { kind: 'auth', status: 403 } }, 'Groq')).toBe(
      'Groq rejected this key (HTTP 403, invalid key). Check or replace it, then enable it again.',
    );
    expect(keyNoticeWords({ refusal: { kind: 'credits_exhausted', status: 402 } }, 'OpenRouter')).toBe(
      'OpenRouter says this key is out of credits (HTTP 402). Top it up, then enable the key again.',
    );
  });

  it('shows the English words a notice stored before refusals were codes', () => {
    expect(keyNoticeWords({ reason: 'The provider rejected this key as invalid.' }, 'Groq')).toBe(
      'The provider rejected this key as invalid.',
    );
  });
});
