/** The two chats a person uses: the extension's popup and the playground page (extension mode). */
import { OptionsPage } from './pages/options-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();

test.beforeAll(async () => {
  const { context, extensionId, mock } = suite;
  const options = await OptionsPage.open(context, extensionId);
  await options.addKeyForNewEndpoint({ name: 'Mock provider', baseURL: mock.baseURL, model: 'mock-chat', secret: 'mock-good-chat-ui-key-123', label: 'chat key' });
  await options.page.close();
});

test('the popup chat streams an answer and names who served it', async () => {
  const { context, extensionId, mock } = suite;
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('pool-status')).toHaveText('1 key in the pool');
  mock.reset();
  await popup.getByLabel('Message').fill('hello from the popup');
  await popup.getByRole('button', { name: 'Send' }).click();
  const answer = popup.getByTestId('turn-assistant').last();
  await expect(answer).toContainText('Echo: hello from the popup');
  await expect(answer).toContainText(/custom-.* · mock-chat/);
  expect(mock.calls).toHaveLength(1);
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup.png' });
  await popup.close();
});

test('the playground detects the extension and chats through it once its origin is allowed', async () => {
  const { context, extensionId, pagePort } = suite;
  const origin = `http://127.0.0.1:${pagePort}`;
  const page = await context.newPage();
  await page.goto(`${origin}/web/`);
  await expect(page.getByTestId('mode')).toHaveText(/^Extension \d+\.\d+\.\d+$/);
  await page.getByLabel('Message').fill('are you there?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText(`${origin} is not allowed to use FreeLLM`);

  const options = await OptionsPage.open(context, extensionId);
  await options.allowSite(origin);
  await options.page.close();
  await page.getByLabel('Message').fill('are you there now?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('turn-assistant').last()).toContainText('Echo: are you there now?');
  await page.screenshot({ path: 'test/.artifacts/screenshots/playground.png', fullPage: true });
  await page.close();
});
