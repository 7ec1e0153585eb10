/** The exported log: the page's words in CSV, a spreadsheet never runs a site's text, JSON as logged. */
import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../shared/request-log/request-log-entry';
import { logAsCsv, logAsJson } from './request-log-export';

const entry: RequestLogEntry = {
  id: 7,
  requestId: 'req_1',
  at: Date.parse('2026-11-25T12:00:00Z'),
  origin: 'https://app.example',
  model: '=HYPERLINK("x","y")',
  stream: false,
  status: 200,
  provider: 'gemini',
  servedModel: 'flash',
  latencyMs: 950,
  attempts: [
    { provider: 'groq', keyId: 'k1', model: 'llama', outcome: 'rate_limit', latencyMs: 120 },
    { provider: 'gemini', keyId: 'k2', model: 'flash', outcome: 'ok', latencyMs: 800 },
  ],
};
const names = (id: string) => ({ groq: 'Groq', gemini: 'Google Gemini' })[id] ?? id;

describe('request log export', () => {
  it('writes CSV in the page’s words, quoting commas and defusing formulas', () => {
    const [header, line] = logAsCsv([entry], names).trimEnd().split('\r\n');
    expect(header).toBe('time,site,model asked,stream,status,outcome,served by,latency ms,attempts');
    expect(line).toBe(
      [
        '2026-11-25T12:00:00.000Z',
        'https://app.example',
        `"'=HYPERLINK(""x"",""y"")"`,
        'false',
        '200',
        'answered after moving on',
        'Google Gemini / flash',
        '950',
        '"Groq: rate limit reached (120 ms), moved to Google Gemini: answered (800 ms)"',
      ].join(','),
    );
  });

  it('writes a cached answer, which asked no provider, with no attempts', () => {
    const cached = { ...entry, provider: null, servedModel: null, attempts: [] };
    const [, line] = logAsCsv([cached], names).trimEnd().split('\r\n');
    expect(line?.split(',').slice(-4)).toEqual(['answered from the cache', '', '950', '']);
  });

  it('writes JSON with each line’s outcome, keys by id only', () => {
    const parsed = JSON.parse(logAsJson([entry])) as { entries: Record<string, unknown>[] };
    expect(parsed.entries[0]).toMatchObject({
      requestId: 'req_1',
      outcome: 'moved',
      attempts: [{ keyId: 'k1' }, {}],
    });
    expect(parsed.entries[0]).not.toHaveProperty('id');
  });
});
