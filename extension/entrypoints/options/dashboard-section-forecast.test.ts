import { describe, expect, it } from 'vitest';
import { left } from './dashboard-section-forecast';

const window = (used: number, limit: number | null) => ({
  used,
  limit,
  remaining: limit === null ? null : limit - used,
  resets_at: null,
});

describe('what is left today, in words', () => {
  it('says one request in the singular and more in the plural when no limit is known', () => {
    expect(left(window(1, null), 'requests')).toBe('1 request today, no known limit');
    expect(left(window(2, null), 'requests')).toBe('2 requests today, no known limit');
  });

  it('counts down against a known limit', () => {
    expect(left(window(3, 10), 'requests')).toBe('7 of 10 requests left today');
  });
});
