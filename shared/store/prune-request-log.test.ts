import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../request-log/request-log-entry';
import { openDatabase } from './database';
import { REQUEST_LOG_MAX_AGE_MS, pruneRequestLog } from './prune-request-log';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const MINUTE = 60_000;
const freshDb = () => openDatabase(`prune-test-${crypto.randomUUID()}`);
const logEntry = (requestId: string, at: number): RequestLogEntry => ({
  requestId,
  at,
  origin: 'https://app.example',
  model: 'auto',
  stream: false,
  status: 200,
  provider: 'groq',
  servedModel: 'm',
  latencyMs: 10,
  attempts: [],
});

describe('pruneRequestLog', () => {
  it('drops entries older than the maximum age and keeps recent ones', async () => {
    const db = freshDb();
    await db.requestLog.bulkAdd([
      logEntry('too-old', NOW - REQUEST_LOG_MAX_AGE_MS - MINUTE),
      logEntry('just-in', NOW - REQUEST_LOG_MAX_AGE_MS + MINUTE),
      logEntry('fresh', NOW - MINUTE),
    ]);
    expect(await pruneRequestLog(db, NOW)).toBe(1);
    expect((await db.requestLog.orderBy('at').toArray()).map((entry) => entry.requestId)).toEqual([
      'just-in',
      'fresh',
    ]);
  });

  it('keeps only the newest entries above the cap', async () => {
    const db = freshDb();
    await db.requestLog.bulkAdd(
      Array.from({ length: 5 }, (_, index) => logEntry(`r${index}`, NOW - (5 - index) * MINUTE)),
    );
    expect(await pruneRequestLog(db, NOW, { cap: 3 })).toBe(2);
    expect((await db.requestLog.orderBy('at').toArray()).map((entry) => entry.requestId)).toEqual([
      'r2',
      'r3',
      'r4',
    ]);
  });
});
