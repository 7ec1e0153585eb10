/**
 * Playwright tells every page it has the focus, so no page ever sees the user leave it or come
 * back. A test of what a page does when the user returns to its tab lets the browser tell it, as
 * it does for people (`bringToFront` then moves the focus from tab to tab).
 */
import type { Page } from '@playwright/test';

export async function useRealFocus(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setFocusEmulationEnabled', { enabled: false });
}
