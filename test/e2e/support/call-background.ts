/** Sends a management call from an extension page, as its own UI would, and returns the reply. */
import type { Page } from '@playwright/test';

export function callBackgroundFrom<Data = unknown>(
  page: Page,
  message: { type: string } & Record<string, unknown>,
): Promise<{ ok: boolean; data: Data }> {
  return page.evaluate((sent) => {
    const runtime = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: Data }> } };
      }
    ).chrome.runtime;
    return runtime.sendMessage(sent);
  }, message);
}
