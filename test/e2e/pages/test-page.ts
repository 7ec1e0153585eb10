/** Opens the e2e test page (real client libraries wired to window.freellm) on a given origin. */
import type { BrowserContext, Page } from '@playwright/test';

export async function openTestPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/page/`);
  await page.waitForFunction(
    () => window.freellm !== undefined && typeof window.freellmClient === 'function',
  );
  await page.evaluate(() => window.freellm?.ready);
  return page;
}
