/** The e2e test page (real client libraries wired to window.freellm) and the approval window it opens, in Firefox. */
import type { Page, Target } from 'puppeteer-core';
import type { LaunchedFirefox } from '../support/launch-firefox';

export async function openTestPage(firefox: LaunchedFirefox, origin: string): Promise<Page> {
  const page = await firefox.open(`${origin}/page/`);
  await page.waitForFunction(
    () => window.freellm !== undefined && typeof window.freellmClient === 'function',
    { polling: 50 },
  );
  await page.evaluate(() => window.freellm?.ready);
  return page;
}

/**
 * The text of an element of a page still being opened. The window starts on about:blank and
 * then loads the extension page in a new document, which a `waitForSelector` begun on the first
 * one never sees: asked again until the element is there.
 */
async function textOnceLoaded(page: Page, selector: string): Promise<string> {
  for (;;) {
    const text = await page
      .evaluate((wanted) => document.querySelector(wanted)?.textContent, selector)
      .catch(() => undefined);
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Calls `requestAccess()` in the page and answers the approval window it opens with a real click;
 * resolves with what the page was told and the origin the window named.
 */
export async function requestAccessAnswering(
  firefox: LaunchedFirefox,
  page: Page,
  answer: 'Always allow' | 'Allow for this tab' | 'Deny',
): Promise<{ result: unknown; namedOrigin: string }> {
  // Firefox reports no URL for a window opened on an extension page: the next new tab is the prompt.
  const promptOpened = new Promise<Target>((resolve) => firefox.browser.once('targetcreated', resolve));
  const result = page.evaluate(() => window.freellm!.requestAccess());
  const prompt = (await (await promptOpened).page())!;
  const namedOrigin = await textOnceLoaded(prompt, '[data-testid="origin"]');
  const button = await prompt.waitForSelector(`::-p-text(${answer})`);
  // The window closes itself as it records the answer, which may cut the click's reply short:
  // that error is expected only once the window is gone.
  await button!.click().catch((error: unknown) => {
    if (!prompt.isClosed()) throw error;
  });
  return { result: await result, namedOrigin };
}
