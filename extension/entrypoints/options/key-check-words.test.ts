import { describe, expect, it } from 'vitest';
import type { KeyCheck } from '../../../shared/engine/check-keys';
import { keyCheckWords } from './key-check-words';

const groq = { id: 'k', ok: false, method: 'model-list', providerName: 'Groq' } as const;

describe('a key test in words', () => {
  it.each<[Partial<KeyCheck>, string]>([
    [{ verdict: 'works' }, 'Works: Groq listed its models for it (no quota used).'],
    [
      { verdict: 'works', method: 'one-token' },
      'Works: Groq answered a one-token request (it has no model list to check against).',
    ],
    [{ verdict: 'invalid' }, 'Refused by Groq: the key is invalid.'],
    [{ verdict: 'forbidden' }, 'Refused by Groq: the key is not allowed to do this.'],
    [{ verdict: 'no-credits' }, 'Refused by Groq: the account has no credits left.'],
    [{ verdict: 'rate-limited' }, 'Works, but Groq says it is rate-limited right now.'],
    [{ verdict: 'unreachable' }, 'Could not reach Groq: check the connection or its base URL.'],
    [{ verdict: 'error', detail: 'Upstream said no' }, 'Groq answered with an error: Upstream said no'],
    [{ verdict: 'provider-gone', providerName: '' }, 'Its provider is gone.'],
  ])('%o', (check, words) => {
    expect(keyCheckWords({ ...groq, verdict: 'works', ...check })).toBe(words);
  });
});
