import { describe, expect, it } from 'vitest';
import { createModelChanges, onReturnToPage, type PageWindow } from './model-changes';

/** A window whose tab the test shows, hides, focuses and leaves as a browser does. */
function fakeWindow() {
  const document = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  const page = Object.assign(new EventTarget(), { document }) satisfies PageWindow;
  const setVisible = (visible: boolean) => {
    document.visibilityState = visible ? 'visible' : 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
  };
  return {
    page,
    leaveTab() {
      page.dispatchEvent(new Event('blur'));
      setVisible(false);
    },
    returnToTab() {
      setVisible(true);
      page.dispatchEvent(new Event('focus'));
    },
    focusAnotherWindow: () => page.dispatchEvent(new Event('blur')),
    focusAgain: () => page.dispatchEvent(new Event('focus')),
  };
}

describe('onReturnToPage', () => {
  it('tells once per return to the tab, though the tab is both shown and focused again', () => {
    const browser = fakeWindow();
    let returns = 0;
    onReturnToPage(browser.page, () => returns++);
    browser.leaveTab();
    browser.returnToTab();
    expect(returns).toBe(1);
    browser.leaveTab();
    browser.returnToTab();
    expect(returns).toBe(2);
  });

  it('tells when the window is focused again after another window had the focus', () => {
    const browser = fakeWindow();
    let returns = 0;
    onReturnToPage(browser.page, () => returns++);
    browser.focusAnotherWindow();
    browser.focusAgain();
    expect(returns).toBe(1);
  });

  it('tells nothing while the user stays, nor after it stopped', () => {
    const browser = fakeWindow();
    let returns = 0;
    const stop = onReturnToPage(browser.page, () => returns++);
    browser.focusAgain();
    expect(returns).toBe(0);
    stop();
    browser.leaveTab();
    browser.returnToTab();
    expect(returns).toBe(0);
  });
});

describe('createModelChanges', () => {
  it('tells each subscriber of a change until it unsubscribes', () => {
    const changes = createModelChanges();
    const told: string[] = [];
    const stopChat = changes.subscribe(() => told.push('chat'));
    changes.subscribe(() => told.push('compare'));
    changes.notify();
    stopChat();
    changes.notify();
    expect(told).toEqual(['chat', 'compare', 'compare']);
  });
});
