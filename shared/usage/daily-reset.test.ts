import { describe, expect, it } from 'vitest';
import { dayBounds } from './daily-reset';

describe('dayBounds', () => {
  it('resets at UTC midnight by default', () => {
    const at = Date.parse('2026-11-25T23:59:00Z');
    expect(dayBounds(at)).toEqual({
      start: Date.parse('2026-11-25T00:00:00Z'),
      end: Date.parse('2026-11-26T00:00:00Z'),
    });
  });

  it('resets Gemini at midnight Pacific, standard time and summer time', () => {
    expect(dayBounds(Date.parse('2026-11-25T12:00:00Z'), 'America/Los_Angeles')).toEqual({
      start: Date.parse('2026-11-25T08:00:00Z'),
      end: Date.parse('2026-11-26T08:00:00Z'),
    });
    expect(dayBounds(Date.parse('2026-07-01T06:59:00Z'), 'America/Los_Angeles')).toEqual({
      start: Date.parse('2026-06-30T07:00:00Z'),
      end: Date.parse('2026-07-01T07:00:00Z'),
    });
  });

  it('has a 23-hour day when the clocks spring forward', () => {
    const bounds = dayBounds(Date.parse('2026-03-08T20:00:00Z'), 'America/Los_Angeles');
    expect(bounds).toEqual({
      start: Date.parse('2026-03-08T08:00:00Z'),
      end: Date.parse('2026-03-09T07:00:00Z'),
    });
  });
});
