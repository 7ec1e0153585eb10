/**
 * The playground without the extension: it says so, and runs the engine in the page with keys
 * encrypted in the page's own storage. Presets point at real providers, so the browser resolves
 * Groq's host to a forwarder that hands each request to the OpenAI-format mock. The site is served from a sub-path, as a
 * static host would serve it.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startOpenAIMock, type OpenAIMock, type OpenAIMockOptions } from '../mock-provider/openai-mock';
import { startProviderHostForwarder, type ProviderHostForwarder } from './support/provider-host-forwarder';
import { questionsIn } from './pages/popup-page';
import { startStaticServer } from './support/static-server';

const SITE_PATH = '/some/dir/';
const GROQ_MODELS = ['openai/gpt-oss-120b', 'openai/gpt-oss-20b'];

let server: Awaited<ReturnType<typeof startStaticServer>>;
let groq: ProviderHostForwarder;
let browser: Browser;
test.beforeAll(async () => {
  server = await startStaticServer(fileURLToPath(new URL('../.artifacts/web', import.meta.url)), SITE_PATH);
  groq = await startProviderHostForwarder('api.groq.com', '/openai/v1');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...groq.browserArgs],
  });
});
test.afterAll(async () => {
  await browser.close();
  await server.close();
  await groq.close();
});

/** A fresh page (its own storage) on the playground, with every request it makes recorded. */
async function openPlayground(options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`http://127.0.0.1:${server.port}${SITE_PATH}`);
  await expect(page.getByTestId('mode')).toHaveText('Standalone (no extension)');
  return { page, requested, close: () => context.close() };
}

/** Groq's API answered by a mock (with CORS headers, as Groq sends them): its model list and its chat completions. */
async function answerGroqWith(options: OpenAIMockOptions = {}): Promise<OpenAIMock> {
  const mock = await startOpenAIMock({ cors: true, models: GROQ_MODELS, ...options });
  groq.forwardTo(mock.baseURL);
  return mock;
}

async function addGroqKey(page: Page, secret: string) {
  await page.getByLabel('API key').fill(secret);
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(page.locator('.key-hint')).toContainText([`gsk_…${secret.slice(-4)}`]);
}

test('without the extension the playground runs standalone and keeps its keys masked', async () => {
  const { page, close } = await openPlayground();
  const mock = await answerGroqWith();
  try {
    const secret = 'gsk_standalone_example_key_4321';
    await addGroqKey(page, secret);
    await page.reload();
    await expect(page.locator('.key-hint')).toHaveText('gsk_…4321');
    expect(await page.content()).not.toContain(secret);

    // The conversation is kept across a reload, until New chat.
    await page.getByLabel('Message').fill('hello standalone');
    await page.getByRole('button', { name: 'Send' }).click();
    // Its figures show once it is kept.
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
    await close();
    await mock.close();
  }
});

test('an answer shows as finished only once it is kept, so a reload right then keeps it', async () => {
  const { page, close } = await openPlayground();
  let answerRest = () => {};
  const mock = await answerGroqWith({ holdStreamsUntil: new Promise<void>((done) => (answerRest = done)) });
  const otherTab = await page.context().newPage();
  try {
    await addGroqKey(page, 'gsk_busy_storage_key_7777');
    await otherTab.goto(`http://127.0.0.1:${server.port}${SITE_PATH}missing`);
    await page.getByLabel('Message').fill('kept before done?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.getByTestId('turn-assistant').last();
    await expect(answer).toContainText('Echo:');
    const release = await holdConversationWrites(otherTab);
    answerRest();
    await expect(answer).toContainText('Echo: kept before done?');
    const events = page.getByRole('list', { name: 'Stream events' }).locator('li');
    await expect(events.last()).toHaveText('data: [DONE]');
    // Whatever the page had left to draw of the answer's end is drawn.
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn))));
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(answer).not.toContainText('Groq · ');
    await release();
    await expect(answer).toContainText(/Echo: kept before done\?.*Groq · /s);
    await page.reload();
    await expect(page.getByTestId('turn-assistant')).toContainText(['Echo: kept before done?']);
  } finally {
    answerRest();
    await close();
    await mock.close();
  }
});

/**
 * Another tab of the same site writing to its conversations: until the returned function is
 * called, the playground's own reads and writes of them wait.
 */
async function holdConversationWrites(tab: Page): Promise<() => Promise<void>> {
  await tab.evaluate(
    () =>
      new Promise<void>((holding, failed) => {
        const opening = indexedDB.open('freellm-playground');
        opening.onerror = () => failed(opening.error);
        opening.onsuccess = () => {
          const chats = opening.result.transaction('chats', 'readwrite').objectStore('chats');
          const flag = globalThis as { released?: boolean };
          // A transaction ends once it has nothing left to do.
          const keepBusy = () => {
            if (!flag.released) chats.count().onsuccess = keepBusy;
          };
          keepBusy();
          holding();
        };
      }),
  );
  return () => tab.evaluate(() => void ((globalThis as { released?: boolean }).released = true));
}

test('standalone mode marks the providers a web page cannot call before any request, and never sends them one', async () => {
  const { page, requested, close } = await openPlayground();
  try {
    const needsExtension = page.getByTestId('reach-extension-only');
    await expect(needsExtension.getByRole('listitem')).toHaveText(['Cloudflare Workers AI', 'NVIDIA NIM']);
    await expect(needsExtension.getByRole('link', { name: 'Get the extension to use these' })).toBeVisible();
    await expect(page.getByTestId('reach-page')).toContainText('Groq');
    await expect(page.getByTestId('reach-unknown')).toContainText('Cerebras');
    // Its key cannot be added here: the form offers it disabled.
    await expect(page.getByRole('option', { name: 'NVIDIA NIM' })).toBeDisabled();
    await expect(page.getByRole('option', { name: 'Groq' })).toBeEnabled();
    const providerHosts = requested
      .map((url) => new URL(url).host)
      .filter((host) => !host.startsWith('127.0.0.1'));
    expect(providerHosts).toEqual([]);
  } finally {
    await close();
  }
});

test('a key added in standalone mode can be removed, and stays removed', async () => {
  const { page, close } = await openPlayground();
  const mock = await answerGroqWith();
  try {
    await addGroqKey(page, 'gsk_first_key_to_keep_1111');
    await addGroqKey(page, 'gsk_second_key_to_drop_2222');
    await page.getByRole('button', { name: 'Remove Groq key gsk_…2222' }).click();
    await expect(page.locator('.key-hint')).toHaveText(['gsk_…1111']);
    await page.reload();
    await expect(page.locator('.key-hint')).toHaveText(['gsk_…1111']);
    await page.getByLabel('Message').fill('which key?');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('turn-assistant').last()).toContainText('Echo: which key?');
    expect(mock.calls.map((call) => call.authorization)).not.toContain('Bearer gsk_second_key_to_drop_2222');
  } finally {
    await close();
    await mock.close();
  }
});

test('compare streams two models side by side, then the chosen answer goes on as a chat', async () => {
  const { page, close } = await openPlayground();
  let release = () => {};
  const mock = await answerGroqWith({ holdStreamsUntil: new Promise<void>((done) => (release = done)) });
  try {
    await addGroqKey(page, 'gsk_compare_key_5678');
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByLabel('Model 1').selectOption('groq/openai/gpt-oss-120b');
    await page.getByLabel('Model 2').selectOption('groq/openai/gpt-oss-20b');
    await page.getByLabel('Prompt').fill('tell me side by side');
    await page.getByRole('button', { name: 'Compare' }).click();

    // Each stream holds after its first word: both columns show text while neither has finished.
    const columns = page.getByTestId('compare-column');
    await expect(columns).toHaveCount(2);
    for (const column of await columns.all()) {
      await expect(column.getByTestId('compare-answer')).toHaveText('Echo:');
      await expect(column).toHaveAttribute('data-state', 'streaming');
      await expect(column.getByTestId('first-token')).toHaveText(/^\d+\.\d\d\ss$/);
    }
    expect(mock.calls.map((call) => call.body.model).sort()).toEqual(GROQ_MODELS.toSorted());
    release();
    for (const column of await columns.all()) {
      await expect(column).toHaveAttribute('data-state', 'done');
      await expect(column.getByTestId('compare-answer')).toHaveText('Echo: tell me side by side');
      await expect(column.getByTestId('provider')).toHaveText('Groq');
      await expect(column.getByTestId('speed')).toHaveText(/^\d+(\.\d)? tok\/s$/);
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({
        path: `test/.artifacts/screenshots/playground-compare-1280-${colorScheme}.png`,
        fullPage: true,
      });
    }

    await columns.nth(1).getByRole('button', { name: 'Continue with this answer' }).click();
    await expect(page.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true');
    await expect(questionsIn(page)).toHaveText(['tell me side by side']);
    await expect(page.getByTestId('turn-assistant')).toContainText(['Echo: tell me side by side']);
    await page.getByLabel('Message').fill('and more');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('turn-assistant').last()).toContainText('Echo: and more');
    const followUp = mock.calls.at(-1)?.body;
    expect(followUp?.model).toBe('openai/gpt-oss-20b');
    expect(followUp?.messages).toEqual([
      { role: 'user', content: 'tell me side by side' },
      { role: 'assistant', content: 'Echo: tell me side by side' },
      { role: 'user', content: 'and more' },
    ]);
  } finally {
    release();
    await close();
    await mock.close();
  }
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`at 360 px (${colorScheme}) nothing is wider than the screen and the compare stacks its columns`, async () => {
    const { page, close } = await openPlayground({ colorScheme, width: 360 });
    const mock = await answerGroqWith();
    try {
      await addGroqKey(page, 'gsk_phone_width_key_9012');
      await page.screenshot({
        path: `test/.artifacts/screenshots/playground-providers-360-${colorScheme}.png`,
        fullPage: true,
      });
      await page.getByRole('tab', { name: 'Compare' }).click();
      await page.getByLabel('Prompt').fill('a narrow screen');
      await page.getByRole('button', { name: 'Compare' }).click();
      const columns = page.getByTestId('compare-column');
      for (const column of await columns.all()) await expect(column).toHaveAttribute('data-state', 'done');
      const [first, second] = await Promise.all([columns.nth(0).boundingBox(), columns.nth(1).boundingBox()]);
      expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({
        path: `test/.artifacts/screenshots/playground-compare-360-${colorScheme}.png`,
        fullPage: true,
      });
      await page.getByRole('tab', { name: 'Chat' }).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await close();
      await mock.close();
    }
  });

test('at 360 px the conversation picker shows its title on a row of its own, its buttons below, all on screen', async () => {
  const { page, close } = await openPlayground({ width: 360 });
  const mock = await answerGroqWith();
  try {
    await addGroqKey(page, 'gsk_picker_width_key_3456');
    await page.getByLabel('Message').fill('A rather long first question about conversation pickers');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('turn-assistant').last()).toContainText('Echo: A rather long');
    const head = page.locator('.chat-card-head');
    const picker = head.getByLabel('Conversation');
    await expect(picker).toContainText('A rather long first question');
    // Beside the three buttons it would be a few letters wide.
    const [pickerBox, headBox] = await Promise.all([picker.boundingBox(), head.boundingBox()]);
    expect(pickerBox!.width).toBeGreaterThanOrEqual(headBox!.width * 0.9);
    for (const control of [
      picker,
      ...['New chat', 'Rename', 'Delete'].map((name) => head.getByRole('button', { name })),
    ])
      await expect(control).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await head.screenshot({ path: `test/.artifacts/screenshots/playground-picker-360-${colorScheme}.png` });
    }
    await head.getByRole('button', { name: 'Delete' }).click();
    for (const name of ['Delete', 'Keep'])
      await expect(head.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  } finally {
    await close();
    await mock.close();
  }
});
