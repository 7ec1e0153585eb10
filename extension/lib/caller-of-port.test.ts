import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { callerOfSender, isExtensionSender } from './caller-of-port';

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const tab = (id: number) => ({ id }) as Browser.tabs.Tab;

/** What Chromium reports for a content script's port in a page's top frame. */
const pageSender = (
  overrides: Partial<Browser.runtime.MessageSender> = {},
): Browser.runtime.MessageSender => ({
  url: 'https://app.example/chat?x=1',
  origin: 'https://app.example',
  tab: tab(7),
  frameId: 0,
  ...overrides,
});

function refusal(sender: Browser.runtime.MessageSender | undefined): unknown {
  try {
    return callerOfSender(sender, EXTENSION_ORIGIN);
  } catch (error) {
    return error;
  }
}

describe('callerOfSender', () => {
  it('takes the extension’s own pages (the popup, the options page) for the extension', () => {
    expect(
      callerOfSender({ url: `${EXTENSION_ORIGIN}/popup.html`, origin: EXTENSION_ORIGIN }, EXTENSION_ORIGIN),
    ).toEqual({ kind: 'extension' });
    expect(callerOfSender({ url: `${EXTENSION_ORIGIN}/options.html#keys` }, EXTENSION_ORIGIN)).toEqual({
      kind: 'extension',
    });
  });

  it('names a page by the origin, tab and frame the browser reports', () => {
    expect(callerOfSender(pageSender(), EXTENSION_ORIGIN)).toEqual({
      kind: 'page',
      origin: 'https://app.example',
      tabId: 7,
      embedded: false,
    });
    expect(callerOfSender(pageSender({ frameId: 3 }), EXTENSION_ORIGIN)).toMatchObject({ embedded: true });
  });

  it('falls back on the URL’s origin where the browser reports no origin (Firefox)', () => {
    expect(callerOfSender(pageSender({ origin: undefined }), EXTENSION_ORIGIN)).toMatchObject({
      kind: 'page',
      origin: 'https://app.example',
    });
  });

  it('takes the reported origin over the URL: a sandboxed frame on an allowed site’s URL is not that site', () => {
    // Chromium reports a sandboxed frame's opaque origin as "null" while its URL is the site's.
    expect(refusal(pageSender({ origin: 'null', frameId: 2 }))).toMatchObject({
      status: 403,
      code: 'unknown_caller',
    });
    // An about:blank frame a site opens shares the site's origin, and is that site, embedded.
    expect(callerOfSender(pageSender({ url: 'about:blank', frameId: 2 }), EXTENSION_ORIGIN)).toMatchObject({
      origin: 'https://app.example',
      embedded: true,
    });
  });

  it('refuses a sender it cannot name: no sender, no tab, an opaque origin', () => {
    for (const sender of [
      undefined,
      {},
      pageSender({ tab: undefined }),
      pageSender({ origin: undefined, url: 'data:text/html,<p>hi' }),
      pageSender({ origin: undefined, url: undefined }),
    ]) {
      expect(refusal(sender)).toMatchObject({
        status: 403,
        type: 'permission_error',
        code: 'unknown_caller',
      });
    }
  });

  it('does not take a hostile page for the extension, however its URL names the extension', () => {
    const spoofs = [
      `https://evil.example/${EXTENSION_ORIGIN}/popup.html`,
      `https://evil.example/?from=${EXTENSION_ORIGIN}/popup.html`,
      `https://${EXTENSION_ORIGIN.slice('chrome-extension://'.length)}.evil.example/`,
    ];
    for (const url of spoofs) {
      const origin = new URL(url).origin;
      expect(callerOfSender(pageSender({ url, origin }), EXTENSION_ORIGIN)).toEqual({
        kind: 'page',
        origin,
        tabId: 7,
        embedded: false,
      });
    }
    // Another extension's page is not this one, even with an id that starts the same.
    expect(isExtensionSender({ url: `${EXTENSION_ORIGIN}x/popup.html` }, EXTENSION_ORIGIN)).toBe(false);
    expect(isExtensionSender({ url: 'chrome-extension://other/popup.html' }, EXTENSION_ORIGIN)).toBe(false);
  });

  it('never takes an opaque-origin page for the extension', () => {
    // Were the extension's origin ever reported opaque, no sandboxed or data: page may share it.
    expect(isExtensionSender({ url: 'data:text/html,hi', origin: 'null' }, 'null')).toBe(false);
    expect(isExtensionSender({ url: 'https://sandboxed.example/', origin: 'null' }, 'null')).toBe(false);
  });
});
