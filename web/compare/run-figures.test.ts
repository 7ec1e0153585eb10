import { describe, expect, it } from 'vitest';
import { formatRate, formatSeconds, runFiguresOf } from './run-figures';

describe('a compare column’s figures', () => {
  it('show nothing before the first text, then the time to it', () => {
    expect(runFiguresOf({ startedAt: 1_000 })).toEqual({});
    expect(runFiguresOf({ startedAt: 1_000, firstTokenAt: 1_420 })).toEqual({ firstTokenMs: 420 });
  });

  it('give the generation speed from the first token to the end', () => {
    const figures = runFiguresOf({ startedAt: 0, firstTokenAt: 500, endedAt: 2_500, completionTokens: 100 });
    expect(figures).toEqual({ firstTokenMs: 500, tokensPerSecond: 50 });
    expect(formatSeconds(figures.firstTokenMs ?? 0)).toBe('0.50\u00a0s');
    expect(formatRate(figures.tokensPerSecond ?? 0)).toBe('50 tok/s');
    expect(formatRate(2.345)).toBe('2.3 tok/s');
  });

  it('count the whole time for an answer that came in one piece, and no speed without a token count', () => {
    expect(runFiguresOf({ startedAt: 0, firstTokenAt: 400, endedAt: 400, completionTokens: 20 })).toEqual({
      firstTokenMs: 400,
      tokensPerSecond: 50,
    });
    expect(runFiguresOf({ startedAt: 0, firstTokenAt: 400, endedAt: 900, completionTokens: null })).toEqual({
      firstTokenMs: 400,
    });
  });
});
