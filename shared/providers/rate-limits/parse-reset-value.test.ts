import { describe, expect, it } from 'vitest';
import { parseCount, parseDurationMs, resetAtEpoch, resetAtTimestamp } from './parse-reset-value';

describe('parseDurationMs', () => {
  it.each([
    ['6m0s', 360_000],
    ['1s', 1_000],
    ['12ms', 12],
    ['1h2m3s', 3_723_000],
    ['2m59.56s', 179_560],
    ['7.66s', 7_660],
    ['33011.38', 33_011_380],
    ['40', 40_000],
    ['0s', 0],
    ['1m30.5s', 90_500],
  ])('reads %s as %i ms', (text, expected) => {
    expect(parseDurationMs(text)).toBeCloseTo(expected, 6);
  });

  it.each(['', 'soon', '5 minutes', '1x', '-3s', '1h garbage'])('refuses %j', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe('other header values', () => {
  it('reads counts and refuses anything else', () => {
    expect(parseCount('14370')).toBe(14_370);
    expect(parseCount('n/a')).toBeUndefined();
    expect(parseCount(null)).toBeUndefined();
  });

  it('reads epoch milliseconds and epoch seconds as the same instant', () => {
    expect(resetAtEpoch('1788220800000')).toBe(1_788_220_800_000);
    expect(resetAtEpoch('1788220800')).toBe(1_788_220_800_000);
  });

  it('reads RFC 3339 timestamps', () => {
    expect(resetAtTimestamp('2026-11-25T12:00:30Z')).toBe(Date.parse('2026-11-25T12:00:30Z'));
    expect(resetAtTimestamp('tomorrow-ish')).toBeUndefined();
  });
});
