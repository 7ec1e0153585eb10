import { describe, expect, it } from 'vitest';
import type { CatalogRefusal } from '../../../shared/catalog/updates/accept-catalog-update';
import type { CatalogCheck } from '../../../shared/catalog/updates/catalog-updates';
import { catalogCheckWords } from './catalog-check-words';

const URL = 'https://catalog.example/catalog.json';
const words = (check: CatalogCheck) => catalogCheckWords(check, URL);

describe('the last catalog update attempt, in words', () => {
  it('says what happened', () => {
    expect(words({ at: 1, outcome: 'accepted', date: '2026-05-01' })).toBe(
      'Updated to the catalog of 2026-05-01.',
    );
    expect(words({ at: 1, outcome: 'current' })).toBe('Checked: the catalog in use is the newest.');
    expect(words({ at: 1, outcome: 'failed', status: 503 })).toBe('The update server answered HTTP 503.');
    expect(words({ at: 1, outcome: 'failed' })).toBe(`Could not reach ${URL}.`);
  });

  it.each<[CatalogRefusal, string]>([
    [{ code: 'not-a-catalog-file' }, 'it is not a catalog file (expected { payload, signature })'],
    [{ code: 'not-signed' }, 'it is not signed'],
    [{ code: 'bad-signature' }, "its signature does not match FreeLLM's catalog key"],
    [
      { code: 'sets-fixed-fields', fields: ['baseURL', 'id'], at: 'providers.groq' },
      'it tries to set baseURL, id at providers.groq, which only a release may change',
    ],
    [
      { code: 'sets-fixed-fields', fields: ['signedBy'] },
      'it tries to set signedBy at the top level, which only a release may change',
    ],
    [
      { code: 'invalid', at: 'providers.groq.rpm', detail: 'Too small' },
      'it is not a valid catalog update (providers.groq.rpm: Too small)',
    ],
    [
      { code: 'invalid', detail: 'Invalid input' },
      'it is not a valid catalog update (the top level: Invalid input)',
    ],
    [
      { code: 'adds-providers', providers: ['evil', 'worse'] },
      'it adds providers (evil, worse); new providers come only with a release',
    ],
    [
      { code: 'older', date: '2026-01-01', inUse: '2026-02-01' },
      'it is older (2026-01-01) than the catalog in use (2026-02-01)',
    ],
  ])('refused: %o', (reason, why) => {
    expect(words({ at: 1, outcome: 'refused', reason })).toBe(
      `Update refused: ${why}. The catalog in use did not change.`,
    );
  });

  it('shows the English words an attempt kept before the codes', () => {
    expect(words({ at: 1, outcome: 'failed', message: 'Could not reach somewhere.' })).toBe(
      'Could not reach somewhere.',
    );
  });
});
