/** Opens the extension's popup as a tab, at the size Chrome gives the real popup. */
import type { BrowserContext, Page } from '@playwright/test';

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}
