import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createOriginGrants } from './origin-grants';

function setup() {
  const clock = { now: Date.parse('2026-11-25T10:00:30Z') };
  const db = openDatabase(`grants-test-${crypto.randomUUID()}`);
  return { clock, db, grants: createOriginGrants(db, () => clock.now) };
}

const page = { origin: 'https://app.example', tabId: 1 };

describe('origin grants', () => {
  it('refuses an origin until it is allowed, and again once revoked', async () => {
    const { grants } = setup();
    await expect(grants.admit(page)).rejects.toMatchObject({ status: 403, code: 'origin_not_allowed' });
    await grants.allow('https://app.example/some/path?q=1');
    await expect(grants.admit(page)).resolves.toBeUndefined();
    await grants.revoke('https://app.example');
    await expect(grants.admit(page)).rejects.toMatchObject({ status: 403 });
  });

  it('rejects things that are not origins with a clear message', async () => {
    const { grants } = setup();
    await expect(grants.allow('javascript:alert(1)')).rejects.toMatchObject({ status: 400, param: 'origin' });
    await expect(grants.allow('not a url')).rejects.toThrow(/not an http\(s\) origin/);
  });

  it('"allow once" covers only that tab, and ends when the tab closes', async () => {
    const { grants } = setup();
    await grants.allowTab('https://app.example', 1);
    expect(await grants.isAllowed({ origin: 'https://app.example', tabId: 1 })).toBe(true);
    expect(await grants.isAllowed({ origin: 'https://app.example', tabId: 2 })).toBe(false);
    await grants.forgetTab(1);
    expect(await grants.isAllowed({ origin: 'https://app.example', tabId: 1 })).toBe(false);
    expect(await grants.list()).toEqual([]);
  });

  it('refuses embedded frames unless frames are allowed for the origin', async () => {
    const { grants } = setup();
    await grants.allow('https://app.example');
    await expect(grants.admit({ ...page, embedded: true })).rejects.toMatchObject({
      code: 'frame_not_allowed',
    });
    await grants.configure('https://app.example', { allowFrames: true });
    await expect(grants.admit({ ...page, embedded: true })).resolves.toBeUndefined();
  });

  it('enforces per-minute and per-day limits with a 429 saying when to come back', async () => {
    const { grants, clock } = setup();
    await grants.allow('https://app.example');
    await grants.configure('https://app.example', { limits: { requestsPerMinute: 2, requestsPerDay: 3 } });
    await grants.admit(page);
    await grants.admit(page);
    await expect(grants.admit(page)).rejects.toMatchObject({
      status: 429,
      code: 'origin_rate_limited',
      retryAfterMs: 30_000,
    });
    clock.now += 60_000;
    await grants.admit(page);
    await expect(grants.admit(page)).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining('3 requests per day'),
    });
    clock.now += 86_400_000;
    await expect(grants.admit(page)).resolves.toBeUndefined();
  });

  it('keeps grants, settings and counts across a restart (a new instance on the same database)', async () => {
    const { grants, db, clock } = setup();
    await grants.allow('https://app.example');
    await grants.configure('https://app.example', { allowFrames: true, limits: { requestsPerDay: 2 } });
    await grants.admit(page);
    await grants.admit(page);
    // Counting writes are queued behind the request; a management call waits for the queue.
    await grants.configure('https://app.example', {});
    const restarted = createOriginGrants(db, () => clock.now);
    expect((await restarted.list())[0]).toMatchObject({
      allowFrames: true,
      limits: { requestsPerDay: 2 },
      usage: { dayCount: 2 },
    });
    await expect(restarted.admit(page)).rejects.toMatchObject({ status: 429 });
  });
});
