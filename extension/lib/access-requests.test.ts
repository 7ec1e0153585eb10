import { describe, expect, it } from 'vitest';
import { createFakeFetch } from '../../shared/testing/fake-fetch';
import { createTestEngine } from '../../shared/testing/test-engine';
import { createAccessRequests } from './access-requests';

const SITE = 'https://app.example';
const OTHER_SITE = 'https://other.example';

/** The approval windows the background would open: each gets a window id; the test plays the user. */
function fakePromptWindows() {
  const opened: { requestId: string; windowId: number }[] = [];
  const waiting: (() => void)[] = [];
  return {
    opened,
    async openPrompt(requestId: string) {
      const windowId = 100 + opened.length;
      opened.push({ requestId, windowId });
      waiting.splice(0).forEach((wake) => wake());
      return windowId;
    },
    /** The `count`th window, once it has opened and its id is known to the pending request. */
    async nth(count: number) {
      while (opened.length < count) await new Promise<void>((wake) => waiting.push(wake));
      await new Promise((settle) => setTimeout(settle));
      return opened[count - 1]!;
    },
  };
}

function setup(openPrompt?: (requestId: string) => Promise<number | undefined>) {
  const { engine } = createTestEngine(createFakeFetch(() => Promise.reject(new Error('no upstream here'))));
  const windows = fakePromptWindows();
  let ids = 0;
  const access = createAccessRequests({
    grants: engine.origins,
    newId: () => `request-${++ids}`,
    openPrompt: openPrompt ?? windows.openPrompt,
  });
  return { grants: engine.origins, windows, access };
}

const page = (origin: string, tabId: number, embedded = false) => ({ origin, tabId, embedded });

describe('access requests', () => {
  it('answers an allowed site at once with its grant’s scope, without opening a window', async () => {
    const { grants, windows, access } = setup();
    await grants.allow(SITE);
    await grants.allowTab(OTHER_SITE, 7);
    expect(await access.request(page(SITE, 7))).toEqual({ granted: true, scope: 'always' });
    expect(await access.request(page(OTHER_SITE, 7))).toEqual({ granted: true, scope: 'once' });
    expect(windows.opened).toEqual([]);
  });

  it('asks in a window naming the site; "allow once" grants this tab only', async () => {
    const { grants, windows, access } = setup();
    const answer = access.request(page(SITE, 7));
    const { requestId } = await windows.nth(1);
    expect(access.details(requestId)).toEqual({ origin: SITE });
    expect(access.decide(requestId, 'once')).toBe(true);
    expect(await answer).toEqual({ granted: true, scope: 'once' });
    expect(await grants.isAllowed(page(SITE, 7))).toBe(true);
    expect(await grants.isAllowed(page(SITE, 8))).toBe(false);
  });

  it('"always" allows the site in every tab', async () => {
    const { grants, windows, access } = setup();
    const answer = access.request(page(SITE, 7));
    access.decide((await windows.nth(1)).requestId, 'always');
    expect(await answer).toEqual({ granted: true, scope: 'always' });
    expect(await grants.isAllowed(page(SITE, 8))).toBe(true);
  });

  it('"deny" grants nothing, and the site may ask again later in a new window', async () => {
    const { grants, windows, access } = setup();
    const first = access.request(page(SITE, 7));
    access.decide((await windows.nth(1)).requestId, 'deny');
    expect(await first).toEqual({ granted: false, scope: null });
    expect(await grants.isAllowed(page(SITE, 7))).toBe(false);
    const second = access.request(page(SITE, 7));
    access.decide((await windows.nth(2)).requestId, 'once');
    expect(await second).toEqual({ granted: true, scope: 'once' });
  });

  it('a window closed without a decision counts as "deny"; closing another window changes nothing', async () => {
    const { grants, windows, access } = setup();
    let settled = false;
    const answer = access.request(page(SITE, 7)).finally(() => (settled = true));
    const { requestId, windowId } = await windows.nth(1);
    access.windowClosed(windowId + 1);
    await new Promise((flush) => setTimeout(flush));
    expect(settled).toBe(false);
    expect(access.details(requestId)).toEqual({ origin: SITE });
    access.windowClosed(windowId);
    expect(await answer).toEqual({ granted: false, scope: null });
    expect(access.details(requestId)).toBeUndefined();
    expect(await grants.isAllowed(page(SITE, 7))).toBe(false);
  });

  it('a window that cannot open counts as "deny", and leaves nothing pending', async () => {
    const { access } = setup(() => Promise.reject(new Error('no windows on this platform')));
    expect(await access.request(page(SITE, 7))).toEqual({ granted: false, scope: null });
    expect(access.details('request-1')).toBeUndefined();
  });

  it('asking again while the window is open waits for the same answer: one window, not a pile of them', async () => {
    const { windows, access } = setup();
    const asks = [
      access.request(page(SITE, 7)),
      access.request(page(SITE, 7)),
      access.request(page(SITE, 7)),
    ];
    const { requestId } = await windows.nth(1);
    access.decide(requestId, 'once');
    expect(await Promise.all(asks)).toEqual(Array(3).fill({ granted: true, scope: 'once' }));
    expect(windows.opened).toHaveLength(1);
  });

  it('asks from other sites or other tabs at the same time get their own windows and their own answers', async () => {
    const { grants, windows, access } = setup();
    const siteTab7 = access.request(page(SITE, 7));
    const siteTab8 = access.request(page(SITE, 8));
    const other = access.request(page(OTHER_SITE, 7));
    await windows.nth(3);
    const byOrigin = (origin: string) =>
      windows.opened.filter(({ requestId }) => access.details(requestId)?.origin === origin);
    const [forTab7, forTab8] = byOrigin(SITE);
    const [forOther] = byOrigin(OTHER_SITE);
    access.decide(forOther!.requestId, 'deny');
    expect(await other).toEqual({ granted: false, scope: null });
    access.decide(forTab8!.requestId, 'once');
    expect(await siteTab8).toEqual({ granted: true, scope: 'once' });
    expect(await grants.isAllowed(page(SITE, 7))).toBe(false);
    access.windowClosed(forTab7!.windowId);
    expect(await siteTab7).toEqual({ granted: false, scope: null });
    expect(await grants.isAllowed(page(SITE, 8))).toBe(true);
  });

  it('takes a decision once: deciding again, or on an unknown request, changes nothing', async () => {
    const { grants, windows, access } = setup();
    const answer = access.request(page(SITE, 7));
    const { requestId } = await windows.nth(1);
    expect(access.decide('request-unknown', 'always')).toBe(false);
    expect(access.decide(requestId, 'deny')).toBe(true);
    expect(access.decide(requestId, 'always')).toBe(false);
    expect(await answer).toEqual({ granted: false, scope: null });
    expect(await grants.isAllowed(page(SITE, 7))).toBe(false);
  });

  it('an embedded frame cannot ask: no window, not granted (frames are enabled in the options page)', async () => {
    const { windows, access } = setup();
    expect(await access.request(page(SITE, 7, true))).toEqual({ granted: false, scope: null });
    expect(windows.opened).toEqual([]);
  });
});
