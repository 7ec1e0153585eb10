/**
 * @module Paired A/B measurement, the one way every benchmark compares two things: A and B run
 * alternately on the same machine in one run (A, B, B, A, A, B, …: the first of a pair
 * alternates, so neither side always runs warm or cold), each pair gives a difference B − A, and
 * the verdict is judged on those differences. A figure that cannot fail is a bug in the
 * benchmark, so a difference indistinguishable from zero (or below it) is reported as noise,
 * never as meeting a target.
 */

export interface Spread {
  p50: number;
  p95: number;
}

export interface PairedComparison {
  baseline: Spread;
  candidate: Spread;
  /** Of the per-pair differences candidate − baseline; `low`–`high` is a 95% confidence interval of their median. */
  difference: Spread & { low: number; high: number };
  pairs: number;
}

/** `measured`: a real difference, with no target to judge it against. */
export type Verdict = 'noise' | 'measured' | 'meets' | 'misses';

/** The value at `fraction` of the sorted samples (nearest rank, never interpolated). */
export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

export const spread = (samples: readonly number[]): Spread => ({
  p50: percentile(samples, 0.5),
  p95: percentile(samples, 0.95),
});

/**
 * Distribution-free (sign test): the median lies between the order statistics n/2 ∓ 1.96·√n/2
 * with 95% confidence, whatever the shape of the noise.
 */
function medianInterval(samples: readonly number[]): { low: number; high: number } {
  const sorted = [...samples].sort((left, right) => left - right);
  const count = sorted.length;
  const halfWidth = (1.96 * Math.sqrt(count)) / 2;
  const lowRank = Math.max(1, Math.floor(count / 2 - halfWidth));
  const highRank = count - lowRank + 1;
  return { low: sorted[lowRank - 1] ?? Number.NaN, high: sorted[highRank - 1] ?? Number.NaN };
}

export function comparePairs(baseline: readonly number[], candidate: readonly number[]): PairedComparison {
  if (baseline.length !== candidate.length || baseline.length === 0)
    throw new Error(`need equal, non-empty series (got ${baseline.length} and ${candidate.length})`);
  const differences = candidate.map((value, index) => value - baseline[index]!);
  return {
    baseline: spread(baseline),
    candidate: spread(candidate),
    difference: { ...spread(differences), ...medianInterval(differences) },
    pairs: differences.length,
  };
}

export interface PairedRun {
  pairs: number;
  /** Pairs run first and thrown away (JIT, connection pools, caches). */
  warmUp: number;
  /** Each returns the milliseconds its one call took; `index` lets a call vary its input. */
  baseline: (index: number) => Promise<number>;
  candidate: (index: number) => Promise<number>;
}

export async function measurePairs(run: PairedRun): Promise<PairedComparison> {
  const baseline: number[] = [];
  const candidate: number[] = [];
  for (let index = 0; index < run.warmUp + run.pairs; index++) {
    let first: number;
    let second: number;
    if (index % 2 === 0) {
      first = await run.baseline(index);
      second = await run.candidate(index);
    } else {
      second = await run.candidate(index);
      first = await run.baseline(index);
    }
    if (index < run.warmUp) continue;
    baseline.push(first);
    candidate.push(second);
  }
  return comparePairs(baseline, candidate);
}

/**
 * Only a difference whose whole interval lies above zero is an overhead that was measured, and
 * only then can it meet or miss `targetMs` (judged on its p50).
 */
export function judge(comparison: PairedComparison, targetMs?: number): Verdict {
  if (!(comparison.difference.low > 0)) return 'noise';
  if (targetMs === undefined) return 'measured';
  return comparison.difference.p50 < targetMs ? 'meets' : 'misses';
}

/** Two decimals, or two significant digits below 1 ms (a hash takes microseconds). */
const ms = (value: number) => (Math.abs(value) >= 1 || value === 0 ? value.toFixed(2) : value.toPrecision(2));
const MARKS: Record<Verdict, string> = { noise: '    ', measured: '    ', meets: 'ok  ', misses: 'MISS' };

export interface Description {
  /** What A and B are, e.g. `['direct', 'via extension']`. */
  labels: readonly [string, string];
  targetMs?: number;
}

/** Two lines: the verdict on B − A, then each side's own figures for context. */
export function describeComparison(
  name: string,
  comparison: PairedComparison,
  { labels, targetMs }: Description,
): string {
  const { difference, baseline, candidate, pairs } = comparison;
  const verdict = judge(comparison, targetMs);
  const figures = `p50 ${ms(difference.p50)} ms (95% CI ${ms(difference.low)} to ${ms(difference.high)}), p95 ${ms(difference.p95)} ms`;
  const headline = verdict === 'noise' ? `no measurable overhead (noise: ${figures})` : `added ${figures}`;
  const target = verdict === 'meets' || verdict === 'misses' ? `; target p50 < ${targetMs} ms` : '';
  const sides = `${labels[0]} p50 ${ms(baseline.p50)} / p95 ${ms(baseline.p95)} ms, ${labels[1]} p50 ${ms(candidate.p50)} / p95 ${ms(candidate.p95)} ms`;
  return `  ${MARKS[verdict]} ${name}: ${headline}${target}\n         ${pairs} pairs; ${sides}`;
}
