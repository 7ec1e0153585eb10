/**
 * The extension's pages in every state a person meets them (empty, full, first run, chatting,
 * locked, asked for access): in the dark theme the system asks for, at a phone's width, checked
 * by axe and photographed (test/.artifacts/screenshots) for a person to look at.
 */
import type { Page } from '@playwright/test';
import { answerPromptBy } from './pages/approval-prompt';
import { OptionsPage } from './pages/options-page';
import { openPopup } from './pages/popup-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';
import { lookAt, SCREENSHOTS } from './support/look-at';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const PASSPHRASE = 'looks passphrase 1';
/** The options page's sections, photographed one by one without the section bar over them. */
const optionsSections = (options: OptionsPage) => ({
  parts: options.page.locator('main.sections > section'),
  partStyle: '.section-nav { position: static; }',
});

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

test('options, empty: passes axe, fits 360 px', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await lookAt(options.page, 'options-empty', optionsSections(options));
  // At 360 px the section bar keeps to one line instead of covering a third of the screen.
  const linkTops = await options.page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link')
    .evaluateAll((links) => new Set(links.map((link) => link.getBoundingClientRect().top)).size);
  expect(linkTops).toBe(1);
  await options.page.close();
});

test('popup, first run without keys: passes axe, fits 360 px', async () => {
  const popup = await openPopup(suite.context, suite.extensionId);
  await expect(popup.getByTestId('zero-key-start')).toBeVisible();
  await lookAt(popup, 'popup-first-run');
  await popup.close();
});

test('popup, chatting with an answer that has code: passes axe, fits 360 px', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // Tried first and refused: the log gets a failed attempt, the key a problem to show.
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: suite.mock.baseURL,
    model: 'mock-looks',
    secret: 'mock-invalid-looks-key-1',
    label: 'refused key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: suite.mock.baseURL,
    model: 'mock-looks',
    secret: 'mock-good-looks-key-2',
    label: 'good key',
  });
  await options.page.close();
  const popup = await openPopup(suite.context, suite.extensionId);
  await popup.getByLabel('Message').fill('Steps:\n\n- install\n- run\n\n```ts\nconst answer = 42;\n```');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last().locator('.hljs-keyword').first()).toHaveText(
    'const',
  );
  // As wide as the browser's popup shows it whenever the screen has the room.
  await popup.setViewportSize({ width: 800, height: 600 });
  expect((await popup.locator('.popup').boundingBox())?.width).toBe(380);
  await lookAt(popup, 'popup-chat');
  await popup.close();
});

test('the approval window starts on Deny, so Enter refuses; it passes axe and fits 360 px', async () => {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const promptOpened = suite.context.waitForEvent('page');
  const answer = page.evaluate(() => window.freellm!.requestAccess());
  const prompt = await promptOpened;
  await expect(prompt.getByRole('button', { name: 'Deny' })).toBeFocused();
  await lookAt(prompt, 'approval', { height: 560 });
  await answerPromptBy(prompt, () => prompt.keyboard.press('Enter'));
  expect(await answer).toEqual({ granted: false, scope: null });
  await page.close();
});

test('options, full (keys, a site, the request log): passes axe, fits 360 px', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.allowSite('https://example.com');
  await options.setKeyEnabled('good key', false);
  await expect(options.page.locator('.log-table tbody tr')).not.toHaveCount(0);
  await lookAt(options.page, 'options-full', optionsSections(options));
  // Reflowed at 360 px, a usage row's numbers say which column they are.
  const columnNames = await options.page
    .getByTestId('usage-row')
    .first()
    .locator('td')
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
  expect(columnNames).toEqual(expect.arrayContaining(['"Today"', '"This minute"', '"Success"']));
  await options.page.close();
});

test('locked, the popup and the options page: pass axe, fit 360 px', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.setPassphrase(PASSPHRASE);
  await options.lockNow();
  await lookAt(options.page, 'options-locked', optionsSections(options));
  const popup = await openPopup(suite.context, suite.extensionId);
  await expect(popup.getByRole('form', { name: 'Unlock FreeLLM' })).toBeVisible();
  await lookAt(popup, 'popup-locked');
  await popup.close();
  await options.page.close();
});
