import { describe, expect, it } from 'vitest';
import { comparePairs, describeComparison, judge, measurePairs, percentile } from './paired-comparison';

const labels = ['direct', 'via extension'] as const;
/** `count` pairs whose differences are `difference(index)`, on a baseline that drifts. */
const pairsWith = (count: number, difference: (index: number) => number) => {
  const baseline = Array.from({ length: count }, (_, index) => 4 + (index % 7) * 0.3);
  return comparePairs(
    baseline,
    baseline.map((value, index) => value + difference(index)),
  );
};

describe('measurePairs', () => {
  it('alternates which side runs first, drops the warm-up pairs and pairs each A with its own B', async () => {
    const calls: string[] = [];
    const comparison = await measurePairs({
      pairs: 4,
      warmUp: 2,
      baseline: async (index) => (calls.push(`A${index}`), 10 * index),
      candidate: async (index) => (calls.push(`B${index}`), 10 * index + 1),
    });
    expect(calls).toEqual(['A0', 'B0', 'B1', 'A1', 'A2', 'B2', 'B3', 'A3', 'A4', 'B4', 'B5', 'A5']);
    expect(comparison.pairs).toBe(4);
    // Sides range over 20–50 but every pair differs by exactly 1: the pairing, not the sides, makes the difference.
    expect(comparison.difference).toEqual({ p50: 1, p95: 1, low: 1, high: 1 });
    expect(comparison.baseline).toEqual({ p50: 40, p95: 50 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank of the sorted samples, whatever their order', () => {
    const samples = Array.from({ length: 20 }, (_, index) => 20 - index);
    expect(percentile(samples, 0.5)).toBe(11);
    expect(percentile(samples, 0.95)).toBe(20);
    expect(percentile([3], 0.95)).toBe(3);
  });
});

describe('comparePairs', () => {
  it('refuses series that cannot be paired', () => {
    expect(() => comparePairs([1, 2], [1])).toThrow(/equal/);
    expect(() => comparePairs([], [])).toThrow(/non-empty/);
  });

  it('gives a 95% interval of the median difference that narrows with more pairs', () => {
    const few = pairsWith(20, (index) => index - 10);
    const many = pairsWith(400, (index) => (index % 20) - 10);
    expect(few.difference.low).toBeLessThan(many.difference.low);
    expect(few.difference.high).toBeGreaterThan(many.difference.high);
    expect(many.difference.low).toBeLessThanOrEqual(many.difference.p50);
    expect(many.difference.high).toBeGreaterThanOrEqual(many.difference.p50);
  });
});

describe('judge and describeComparison', () => {
  it('reports a negative added latency as noise, never as meeting the target', () => {
    const comparison = pairsWith(200, (index) => -0.5 - (index % 5) * 0.1);
    expect(comparison.difference.p50).toBeLessThan(0);
    expect(judge(comparison, 3)).toBe('noise');
    const line = describeComparison('non-streamed', comparison, { labels, targetMs: 3 });
    expect(line).toContain('no measurable overhead (noise: p50 -0.70 ms');
    expect(line).not.toContain('ok');
    expect(line).not.toContain('target');
  });

  it('reports a positive p50 whose interval straddles zero as noise', () => {
    const comparison = pairsWith(200, (index) => (index % 2 === 0 ? -2 : 2) + (index % 10) * 0.01);
    expect(comparison.difference.p50).toBeGreaterThan(0);
    expect(comparison.difference.low).toBeLessThan(0);
    expect(judge(comparison, 3)).toBe('noise');
  });

  it('judges a measured overhead against the target on its p50, and can fail it', () => {
    const small = pairsWith(200, (index) => 0.8 + (index % 5) * 0.1);
    const large = pairsWith(200, (index) => 3.5 + (index % 5) * 0.1);
    expect(judge(small, 3)).toBe('meets');
    expect(describeComparison('first token', small, { labels, targetMs: 3 })).toMatch(
      /^ {2}ok {3}first token: added p50 1\.00 ms .*; target p50 < 3 ms\n.*200 pairs; direct p50 4\.90/,
    );
    expect(judge(large, 3)).toBe('misses');
    expect(describeComparison('first token', large, { labels, targetMs: 3 })).toMatch(
      /^ {2}MISS first token: added p50 3\.70 ms/,
    );
    expect(judge(large)).toBe('measured');
  });
});
