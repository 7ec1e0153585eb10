/**
 * The playground without the extension: it says so, and runs the engine in the page with keys
 * encrypted in the page's own storage. Presets point at real providers, so the one chat request
 * is routed by the browser to the OpenAI-format mock on 127.0.0.1.
 */
import { chromium, expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startOpenAIMock } from '../mock-provider/openai-mock';
import { questionsIn } from './pages/popup-page';
import { startStaticServer } from './support/static-server';

test('without the extension the playground runs standalone and keeps its keys masked', async () => {
  const server = await startStaticServer(fileURLToPath(new URL('../.artifacts', import.meta.url)));
  const mock = await startOpenAIMock({ cors: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/web/`);
    await expect(page.getByTestId('mode')).toHaveText('Standalone (no extension)');
    const secret = 'gsk_standalone_example_key_4321';
    await page.getByLabel('API key').fill(secret);
    await page.getByRole('button', { name: 'Add key' }).click();
    await expect(page.locator('.key-hint')).toHaveText('gsk_…4321');
    await page.reload();
    await expect(page.locator('.key-hint')).toHaveText('gsk_…4321');
    expect(await page.content()).not.toContain(secret);

    // The conversation is kept across a reload, until New chat.
    await page.route('https://api.groq.com/**', async (route) => {
      // A reload drops a request still in flight (the model list); there is no one left to answer.
      const response = await route.fetch({ url: `${mock.baseURL}/chat/completions` }).catch(() => undefined);
      if (response) await route.fulfill({ response }).catch(() => undefined);
    });
    await page.getByLabel('Message').fill('hello standalone');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('turn-assistant').last()).toContainText(/Echo: hello standalone.*Groq · /s);
    expect(mock.calls.at(-1)?.authorization).toBe(`Bearer ${secret}`);
    await page.reload();
    await expect(questionsIn(page)).toHaveText(['hello standalone']);
    await expect(page.getByTestId('turn-assistant')).toContainText(['Echo: hello standalone']);
    await page.screenshot({ path: 'test/.artifacts/screenshots/playground-standalone.png', fullPage: true });
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.reload();
    await expect(page.getByText('Say hello.')).toBeVisible();
    await expect(page.getByTestId('turn-user')).toHaveCount(0);
  } finally {
    await browser.close();
    await server.close();
    await mock.close();
  }
});
