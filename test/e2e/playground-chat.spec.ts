/**
 * The playground's chat with the extension: each answer's figures (who served it after a
 * failover, tokens, attempts), the API explorer's request and stream events, and snippets that,
 * copied from the page, run in another page of an allowed site and get the answer; its pickers
 * follow a key added in the options page meanwhile.
 */
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { PlaygroundPage } from './pages/playground-page';
import { questionsIn } from './pages/popup-page';
import { expect, test, useExtensionSuite } from './support/fixtures';
import { useRealFocus } from './support/real-focus';
import { serveSnippetLibraries } from './support/snippet-libraries';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const origin = () => `http://127.0.0.1:${suite.pagePort}`;
let busy: OpenAIMock;
let playground: PlaygroundPage;

test.beforeAll(async () => {
  busy = await startOpenAIMock();
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // `auto` meets the busy provider first, which answers 429: the first question fails over.
  await options.addKeyForNewEndpoint({
    name: 'Busy provider',
    baseURL: busy.baseURL,
    model: 'busy-model',
    secret: 'mock-limited-playground-key',
    label: 'busy key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Spare provider',
    baseURL: suite.mock.baseURL,
    model: 'spare-model',
    secret: 'mock-good-playground-key',
    label: 'spare key',
  });
  await options.allowSite(origin());
  await options.page.close();
  await suite.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
  playground = new PlaygroundPage(await suite.context.newPage());
  await playground.page.goto(`${origin()}/web/`);
});

test.afterAll(() => busy.close());

test('an answer streams with who served it after a failover, its tokens, times and cache state', async () => {
  const answer = await playground.ask('hello figures');
  await expect(answer.locator('.chat-bubble')).toHaveText('Echo: hello figures');
  const figures = await playground.figures(answer);
  expect(figures).toMatchObject({
    'Served by': expect.stringMatching(/ · spare-model$/),
    Attempts: '2',
    Cache: 'not cached',
  });
  expect(figures.Tokens).toMatch(/^[1-9]\d* in · [1-9]\d* out$/);
  expect(figures['First token']).toMatch(/^\d+ ms$|^\d+\.\d\ss$/);
  expect(figures.Total).toMatch(/^\d+ ms$|^\d+\.\d\ss$/);
  expect(busy.calls).toHaveLength(1);
  // Served by the provider's name as the user gave it, not its internal id.
  expect(figures['Served by']).toBe('Spare provider · spare-model');
});

test('the explorer shows the request sent and each event of the stream', async () => {
  const request = playground.request();
  await expect(request).toContainText('POST https://freellm.invalid/v1/chat/completions');
  await expect(request).toContainText('"content": "hello figures"');
  await expect(request).toContainText('"include_usage": true');
  const response = playground.response();
  await expect(response).toContainText('HTTP 200');
  await expect(response).toContainText('x-freellm-attempts: 2');
  const events = response.getByRole('list', { name: 'Stream events' }).locator('li');
  await expect(events.last()).toHaveText('data: [DONE]');
  const texts = await events.allTextContents();
  expect(texts.join('')).toContain('"usage"');
  expect(
    texts
      .map(
        (text) =>
          (JSON.parse(text.replace(/^data: /, '').replace('[DONE]', '{}')) as Chunk).choices?.[0]?.delta
            ?.content ?? '',
      )
      .join(''),
  ).toBe('Echo: hello figures');
  for (const width of [1280, 360]) {
    await playground.page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await playground.page.emulateMedia({ colorScheme: scheme });
      for (const [name, part] of [
        ['chat', playground.page.locator('.chat-card')],
        ['explorer', playground.explorer],
      ] as const)
        await part.screenshot({
          path: `test/.artifacts/screenshots/playground-${name}-${width}-${scheme}.png`,
        });
    }
  }
});

interface Chunk {
  choices?: { delta?: { content?: string } }[];
}

for (const library of ['openai (JS)', 'fetch', 'Vercel AI SDK', 'LangChain JS'])
  test(`the ${library} snippet, copied from the page, runs in a page of an allowed site and gets the answer`, async () => {
    const snippet = await playground.copySnippet(library);
    expect(snippet).toContain("content: 'hello figures'");
    const page = await suite.context.newPage();
    await serveSnippetLibraries(page);
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${origin()}/page/`);
    await page.addScriptTag({ type: 'module', content: snippet });
    await expect(page.locator('pre')).toHaveText('Echo: hello figures');
    expect(failures).toEqual([]);
    await page.close();
  });

test('with the extension too, the conversation is kept in the page and is still there after a reload', async () => {
  await playground.page.reload();
  await expect(questionsIn(playground.page).first()).toHaveText('hello figures');
  await expect(playground.page.getByTestId('turn-assistant').first()).toContainText('Echo: hello figures');
  await expect(playground.page.getByRole('button', { name: 'New chat' })).toBeVisible();
});

test('a key added in the options page while the playground is open shows in its pickers on coming back', async () => {
  const { page } = playground;
  await useRealFocus(page);
  const chatPicker = page.getByLabel('Model', { exact: true });
  const added = 'optgroup[label="Added meanwhile"] > option';
  await expect(chatPicker.locator('optgroup[label="Spare provider"] > option')).toHaveText([
    'Spare provider · spare-model',
  ]);
  await expect(chatPicker.locator(added)).toHaveCount(0);

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.page.bringToFront();
  await options.addKeyForNewEndpoint({
    name: 'Added meanwhile',
    baseURL: suite.mock.baseURL,
    model: 'added-model',
    secret: 'mock-good-playground-added-key',
    label: 'added key',
  });
  await page.bringToFront();
  await expect(chatPicker.locator(added)).toHaveText(['Added meanwhile · added-model']);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByLabel('Model 1').locator(added)).toHaveText(['Added meanwhile · added-model']);
  await page.getByRole('tab', { name: 'Chat' }).click();
  await options.page.close();
});
