import { describe, expect, it } from 'vitest';
import type { KeySummary } from '../keys/stored-key';
import type { ProviderSummary } from '../providers/provider-directory';
import { pinWithoutKey } from './unusable-pin';

const groq = { id: 'groq', name: 'Groq' } as ProviderSummary;
const key = { id: 'k1', providerId: 'groq' } as KeySummary;

describe('a pin whose only key the router turned off', () => {
  it('says in English what the provider answered', () => {
    const refusal = { kind: 'auth', status: 401, code: 'invalid_api_key' } as const;
    expect(
      pinWithoutKey('groq/m', groq, [key], [{ keyId: 'k1', providerId: 'groq', refusal, at: 1 }]).message,
    ).toBe(
      '"groq/m" asks for Groq, but its key is turned off: Groq rejected this key (HTTP 401, invalid_api_key). Check or replace it, then enable it again. Nothing was sent to any provider.',
    );
  });

  it('repeats the words of a notice stored before refusals were codes', () => {
    const notice = { keyId: 'k1', providerId: 'groq', reason: 'Groq rejected this key (HTTP 401).', at: 1 };
    expect(pinWithoutKey('groq/m', groq, [key], [notice]).message).toContain(
      'its key is turned off: Groq rejected this key (HTTP 401). Nothing was sent',
    );
  });
});
