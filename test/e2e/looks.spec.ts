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
  for (const [name, page] of [
    ['popup', popup],
    ['options', options.page],
  ] as const) {
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await pageBackground(page);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await pageBackground(page)).not.toBe(light);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png` });
    await page.close();
  }
});

test('text fields keep a visible border in both colour schemes', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  for (const scheme of ['light', 'dark'] as const) {
    await options.page.emulateMedia({ colorScheme: scheme });
    const border = await options.page
      .locator('form input')
      .first()
      .evaluate((input) => {
        const style = getComputedStyle(input);
        return {
          style: style.borderTopStyle,
          width: style.borderTopWidth,
          color: style.borderTopColor,
          background: style.backgroundColor,
        };
      });
    expect(border).toMatchObject({ style: 'solid', width: '1px' });
    expect(border.color).not.toBe(border.background);
  }
  await options.page.close();
});

test('the options page fits a 360 px screen', async () => {
  const { context, extensionId } = suite;
  const options = await OptionsPage.open(context, extensionId);
  await options.page.setViewportSize({ width: 360, height: 740 });
  for (const scheme of ['light', 'dark'] as const) {
    await options.page.emulateMedia({ colorScheme: scheme });
    await options.page.screenshot({ path: `${SCREENSHOTS}/options-360-${scheme}.png` });
  }
  const overflow = await options.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await options.page.close();
});
