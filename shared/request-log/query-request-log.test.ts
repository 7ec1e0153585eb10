/** The log's filters and pages as the options page asks for them. */
import { describe, expect, it } from 'vitest';
import { queryRequestLog, requestLogQuerySchema } from './query-request-log';
import type { Attempt, RequestLogEntry } from './request-log-entry';

const attempt = (provider: string, outcome: string): Attempt => ({
  provider,
  model: 'm',
  outcome,
  latencyMs: 5,
});

function entry(at: number, origin: string, status: number, attempts: Attempt[]): RequestLogEntry {
  const served = status < 400 ? attempts.at(-1) : undefined;
  return {
    requestId: `req_${at}`,
    at,
    origin,
    model: 'auto',
    stream: false,
    status,
    provider: served?.provider ?? null,
    servedModel: served?.model ?? null,
    latencyMs: 10,
    attempts,
  };
}

const newestFirst = [
  entry(6, 'https://a.example', 200, [attempt('groq', 'ok')]),
  entry(5, 'https://b.example', 200, [attempt('groq', 'rate_limit'), attempt('gemini', 'ok')]),
  entry(4, 'https://a.example', 200, []),
  entry(3, 'https://a.example', 429, [attempt('groq', 'rate_limit')]),
  entry(2, 'extension', 200, [attempt('gemini', 'ok')]),
  entry(1, 'https://b.example', 502, [attempt('mistral', 'server')]),
];
const query = (input: Record<string, unknown>) =>
  queryRequestLog(newestFirst, requestLogQuerySchema.parse(input));
const ats = (input: Record<string, unknown>) => query(input).entries.map((item) => item.at);

describe('queryRequestLog', () => {
  it('filters by site, by any provider asked, and by how the request ended', () => {
    expect(ats({ site: 'https://a.example' })).toEqual([6, 4, 3]);
    // Groq was asked first in line 5 before the request moved on to Gemini.
    expect(ats({ provider: 'groq' })).toEqual([6, 5, 3]);
    expect(ats({ provider: 'gemini' })).toEqual([5, 2]);
    expect(ats({ outcome: 'answered' })).toEqual([6, 2]);
    expect(ats({ outcome: 'moved' })).toEqual([5]);
    expect(ats({ outcome: 'cached' })).toEqual([4]);
    expect(ats({ outcome: 'failed', site: 'https://b.example' })).toEqual([1]);
  });

  it('pages newest first, counts every match, and offers only the sites and providers present', () => {
    expect(query({ limit: 4 })).toMatchObject({
      total: 6,
      sites: ['extension', 'https://a.example', 'https://b.example'],
    });
    expect(ats({ limit: 4 })).toEqual([6, 5, 4, 3]);
    expect(ats({ limit: 4, offset: 4 })).toEqual([2, 1]);
    expect(query({ outcome: 'failed' })).toMatchObject({
      total: 2,
      providers: ['gemini', 'groq', 'mistral'],
    });
  });

  it('refuses a page larger than the log keeps and an outcome it does not know', () => {
    expect(requestLogQuerySchema.safeParse({ limit: 1001 }).success).toBe(false);
    expect(requestLogQuerySchema.safeParse({ outcome: 'maybe' }).success).toBe(false);
  });
});
