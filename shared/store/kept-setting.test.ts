import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openDatabase } from './database';
import { forgetKeptCopies } from './kept-copies';
import { keptSetting } from './kept-setting';

const schema = z.object({ ttlMs: z.number() });
const fallback = { ttlMs: 1 };

describe('a kept settings row', () => {
  it('gives the fallback for a damaged row, and what a writer elsewhere stored once every copy is told to forget', async () => {
    const db = openDatabase(`kept-setting-${crypto.randomUUID()}`);
    await db.settings.put({ id: 'cache', value: { ttlMs: 'soon' } });
    const kept = keptSetting(db, 'cache', schema, fallback);
    expect(await kept.get()).toEqual(fallback);
    await db.settings.put({ id: 'cache', value: { ttlMs: 5 } });
    expect(await kept.get()).toEqual(fallback);
    forgetKeptCopies(db);
    expect(await kept.get()).toEqual({ ttlMs: 5 });
  });

  it('reads again after a read that failed, instead of keeping the fallback', async () => {
    const db = openDatabase(`kept-setting-${crypto.randomUUID()}`);
    await db.settings.put({ id: 'cache', value: { ttlMs: 5 } });
    vi.spyOn(db.settings, 'get').mockRejectedValueOnce(new Error('IndexedDB went away'));
    const kept = keptSetting(db, 'cache', schema, fallback);
    expect(await kept.get()).toEqual(fallback);
    expect(await kept.get()).toEqual({ ttlMs: 5 });
  });
});
