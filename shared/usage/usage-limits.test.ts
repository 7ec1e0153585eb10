import { describe, expect, it } from 'vitest';
import { effectiveLimits, newBucket } from './usage-bucket';
import { createTableLimitSource, withUserLimits } from './usage-limits';

describe('user limits', () => {
  const catalog = createTableLimitSource(
    { groq: { rpm: 30, rpd: 1000, scope: 'model' } },
    { 'groq/small': { rpm: 60, scope: 'model' } },
  );

  it('override the catalog, a model’s own before its provider’s, and null clears a limit', () => {
    const source = withUserLimits(catalog, () => ({
      groq: { rpd: 10, rpm: null },
      'groq/small': { rpm: 5 },
    }));
    expect(source.limitsFor('groq', 'big')).toMatchObject({
      rpd: 10,
      scope: 'model',
      userSet: ['rpd', 'rpm'],
    });
    expect(source.limitsFor('groq', 'big')).not.toHaveProperty('rpm');
    expect(source.limitsFor('groq', 'small')).toMatchObject({ rpm: 5, rpd: 10 });
    expect(source.limitsFor('cerebras', 'x')).toBeUndefined();
  });

  it('are not replaced by limits learned at run time, while the catalog’s are', () => {
    const bucket = newBucket('groq/k/big', { start: 0, end: 86_400_000 });
    bucket.learned.rpm = { value: 3, until: 10_000 };
    bucket.learned.rpd = { value: 7, until: 10_000 };
    const spec = withUserLimits(catalog, () => ({ groq: { rpd: 50 } })).limitsFor('groq', 'big')!;
    expect(effectiveLimits(spec, bucket, 1_000)).toEqual({ rpm: 3, rpd: 50, scope: 'model' });
  });
});
