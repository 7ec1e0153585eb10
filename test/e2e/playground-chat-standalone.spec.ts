/**
 * The playground's chat without the extension: the picker follows the keys added in the page, the
 * engine in the page fails over from a provider that answers 429 to the next, and the answer shows
 * its figures (naming the provider as people know it); the API explorer shows the
 * request and each event of the stream. Presets point at real providers, so the browser routes
 * their chat requests to the OpenAI-format mock on 127.0.0.1.
 */
import { chromium, expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startOpenAIMock } from '../mock-provider/openai-mock';
import { PlaygroundPage } from './pages/playground-page';
import { startStaticServer } from './support/static-server';

test('standalone, an answer shows its figures after a failover, and the explorer its stream', async () => {
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
    // The real providers are never reached: their live model lists fail at once (the catalog's are offered).
    await page.route(/^https:\/\/(api\.groq\.com|openrouter\.ai)\//, (route) =>
      route.abort('namenotresolved'),
    );
    const keys: [string, string][] = [
      ['Groq', 'gsk_standalone_figures_1111'],
      ['OpenRouter', 'sk-or-v1-standalone-figures-2222'],
    ];
    for (const [provider, secret] of keys) {
      await page.getByLabel('Provider').selectOption({ label: provider });
      await page.getByLabel('API key').fill(secret);
      await page.getByRole('button', { name: 'Add key' }).click();
      await expect(page.getByLabel('API key')).toHaveValue('');
    }
    // The picker follows the keys just added, each provider's models under its name.
    const picker = page.getByLabel('Model', { exact: true });
    for (const [provider] of keys)
      await expect(picker.locator(`optgroup[label="${provider}"] > option`).first()).toHaveText(
        new RegExp(`^${provider} · .+`),
      );
    // Whichever provider `auto` asks first is busy; the other one answers.
    const asked: string[] = [];
    await page.route(/^https:\/\/(api\.groq\.com|openrouter\.ai)\/.*\/chat\/completions$/, async (route) => {
      asked.push(new URL(route.request().url()).host);
      if (asked.length === 1)
        return route.fulfill({
          status: 429,
          headers: { 'access-control-allow-origin': '*', 'retry-after': '30' },
          json: {
            error: { message: 'Rate limit reached', type: 'rate_limit_error', code: 'rate_limit_exceeded' },
          },
        });
      const response = await route.fetch({ url: `${mock.baseURL}/chat/completions` });
      await route.fulfill({ response });
    });
    const playground = new PlaygroundPage(page);
    const answer = await playground.ask('hello standalone figures');
    await expect(answer.locator('.chat-bubble')).toHaveText('Echo: hello standalone figures');
    const figures = await playground.figures(answer);
    expect(asked).toHaveLength(2);
    const served = asked[1] === 'api.groq.com' ? 'Groq' : 'OpenRouter';
    expect(figures).toMatchObject({
      'Served by': expect.stringMatching(new RegExp(`^${served} · `)),
      Attempts: '2',
      Cache: 'not cached',
    });
    expect(figures.Tokens).toMatch(/^[1-9]\d* in · [1-9]\d* out$/);

    await expect(playground.request()).toContainText('"content": "hello standalone figures"');
    await expect(playground.response()).toContainText('HTTP 200');
    const events = playground.response().getByRole('list', { name: 'Stream events' }).locator('li');
    await expect(events.last()).toHaveText('data: [DONE]');
    await expect(events.filter({ hasText: '"content":"Echo: "' })).toHaveCount(1);
    // Snippets need the extension, and say so.
    await expect(playground.explorer).toContainText('the FreeLLM extension allowed (install it');
    // The figures are kept with the conversation.
    await page.reload();
    await expect(page.getByTestId('answer-figures')).toBeVisible();
    expect(await playground.figures(page.getByTestId('turn-assistant').last())).toEqual(figures);
    // With no call made since, the snippets send the kept conversation's question.
    await expect(playground.explorer.locator('pre code')).toContainText(
      "content: 'hello standalone figures'",
    );
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: `test/.artifacts/screenshots/playground-standalone-chat-${width}-${scheme}.png`,
          fullPage: true,
        });
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await mock.close();
  }
});
