/**
 * The playground's compare with the extension: one prompt to two models at once, through
 * `window.freellm`, each streaming in its column (the mock holds every stream after its first
 * word until the test lets go, so text in both columns means both ran side by side).
 */
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

const suite = useExtensionSuite();
let mock: OpenAIMock;
let release = () => {};

test.beforeAll(async () => {
  mock = await startOpenAIMock({
    models: ['openai/gpt-oss-120b', 'openai/gpt-oss-20b'],
    holdStreamsUntil: new Promise<void>((done) => (release = done)),
  });
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForProvider('Groq', 'gsk_extension_compare_key_7777', 'compare key', mock.baseURL);
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});
test.afterAll(async () => {
  release();
  await mock.close();
});

test('with the extension, compare streams two models at once and the chosen answer goes on as a chat', async () => {
  const page = await suite.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`http://127.0.0.1:${suite.pagePort}/web/`);
  await expect(page.getByTestId('mode')).toHaveText(/^Extension \d+\.\d+\.\d+$/);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByLabel('Model 1').selectOption('groq/openai/gpt-oss-120b');
  await page.getByLabel('Model 2').selectOption('groq/openai/gpt-oss-20b');
  await page.getByLabel('Prompt').fill('compare through the extension');
  await page.getByRole('button', { name: 'Compare' }).click();

  const columns = page.getByTestId('compare-column');
  for (const column of await columns.all()) {
    await expect(column.getByTestId('compare-answer')).toHaveText('Echo:');
    await expect(column).toHaveAttribute('data-state', 'streaming');
  }
  release();
  for (const column of await columns.all()) {
    await expect(column).toHaveAttribute('data-state', 'done');
    await expect(column.getByTestId('compare-answer')).toHaveText('Echo: compare through the extension');
    await expect(column.getByTestId('provider')).toHaveText('Groq');
    await expect(column.getByTestId('first-token')).toHaveText(/^\d+\.\d\d\ss$/);
    await expect(column.getByTestId('speed')).toHaveText(/^\d+(\.\d)? tok\/s$/);
  }
  expect(mock.calls.map((call) => call.body.model).sort()).toEqual([
    'openai/gpt-oss-120b',
    'openai/gpt-oss-20b',
  ]);

  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [360, 'light'],
    [360, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    if (width === 360)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({
      path: `test/.artifacts/screenshots/playground-extension-compare-${width}-${colorScheme}.png`,
      fullPage: true,
    });
  }

  await columns.first().getByRole('button', { name: 'Continue with this answer' }).click();
  await expect(page.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('turn-assistant')).toContainText(['Echo: compare through the extension']);
  await page.getByLabel('Message').fill('go on');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('turn-assistant').last()).toContainText('Echo: go on');
  expect(mock.calls.at(-1)?.body.model).toBe('openai/gpt-oss-120b');
  expect(mock.calls.at(-1)?.body.messages).toEqual([
    { role: 'user', content: 'compare through the extension' },
    { role: 'assistant', content: 'Echo: compare through the extension' },
    { role: 'user', content: 'go on' },
  ]);
  await page.close();
});
