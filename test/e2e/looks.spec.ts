/** The extension's pages in the dark theme the system asks for, and at a phone's width. */
import type { Page } from '@playwright/test';
import { OptionsPage } from './pages/options-page';
import { openPopup } from './pages/popup-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const SCREENSHOTS = 'test/.artifacts/screenshots';

async function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

test('popup and options follow the dark colour scheme', async () => {
  const { context, extensionId } = suite;
  const popup = await openPopup(context, extensionId);
  const options = await OptionsPage.open(context, extensionId);
  for (const [name, page] of [['popup', popup], ['options', options.page]] as const) {
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await pageBackground(page);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await pageBackground(page)).not.toBe(light);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png` });
    await page.close();
  }
});
