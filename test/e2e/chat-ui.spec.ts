/** The two chats a person uses: the extension's popup and the playground page (extension mode). */
import { answerPrompt } from './pages/approval-prompt';
import { OptionsPage } from './pages/options-page';
import { editQuestion, openPopup, questionsIn, saveChatSettings } from './pages/popup-page';
import type { Page } from '@playwright/test';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

/** Whether the highlighter was imported: its stylesheet is linked into the page when it is. */
const highlighterLoaded = (page: Page) =>
  page.evaluate(() => document.querySelector('link[href*="code-highlight"]') !== null);
const suite = useExtensionSuite();

test.beforeAll(async () => {
  const { context, extensionId, mock } = suite;
  const options = await OptionsPage.open(context, extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: mock.baseURL,
    model: 'mock-chat',
    secret: 'mock-good-chat-ui-key-123',
    label: 'chat key',
  });
  await options.page.close();
});

test('the popup chat streams an answer and names who served it', async () => {
  const { context, extensionId, mock } = suite;
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('pool-status')).toHaveText('1 key in the pool');
  // The popup opens ready to type.
  await expect(popup.getByLabel('Message')).toBeFocused();
  mock.reset();
  // What a screen reader is told: each new text the live region takes on.
  await popup.evaluate(() => {
    const region = document.querySelector('[role="status"][data-testid="announcement"]')!;
    const told: string[] = ((window as unknown as { told: string[] }).told = []);
    let last = '';
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text && text !== last) told.push(text);
      last = text;
    }).observe(region, { subtree: true, childList: true, characterData: true });
  });
  await popup.getByLabel('Message').fill('hello from the popup');
  await popup.getByRole('button', { name: 'Send' }).click();
  const answer = popup.getByTestId('turn-assistant').last();
  await expect(answer).toContainText('Echo: hello from the popup');
  // Named as the user named the endpoint, not by its id (`custom-mock-provider-…`).
  await expect(answer.locator('.chat-meta')).toHaveText('Mock provider · mock-chat');
  // The finished answer is told once; the list it streamed into is not a live region.
  await expect
    .poll(() => popup.evaluate(() => (window as unknown as { told: string[] }).told))
    .toEqual(['Echo: hello from the popup']);
  await expect(popup.locator('[aria-live]')).toHaveCount(0);
  await expect(popup.getByRole('list', { name: 'Chat history' })).toHaveAttribute('tabindex', '0');
  expect(mock.calls).toHaveLength(1);
  // Highlighting is loaded only for an answer with code.
  expect(await highlighterLoaded(popup)).toBe(false);
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup.png' });
  await popup.close();
});

test('the popup keeps its conversations: new, switch, rename, delete, and the open one comes back', async () => {
  const { context, extensionId } = suite;
  const reopen = async (popup: Page) => {
    await popup.close();
    return openPopup(context, extensionId);
  };
  const questions = questionsIn;
  const conversations = (popup: Page) => popup.getByLabel('Conversation', { exact: true });
  let popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: hello from the popup');
  // The popup has finished opening once its picker names the conversation it restored.
  await expect(conversations(popup).locator('option:checked')).toHaveText('hello from the popup');
  await popup.getByLabel('Message').fill('and a follow-up');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(questions(popup)).toHaveText(['hello from the popup', 'and a follow-up']);
  await expect(popup.getByTestId('turn-assistant').last()).toContainText(/Echo: and a follow-up.*mock-chat/s);

  popup = await reopen(popup);
  await expect(questions(popup)).toHaveText(['hello from the popup', 'and a follow-up']);
  await expect(popup.getByTestId('turn-assistant').last()).toContainText(/Echo: and a follow-up.*mock-chat/s);
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup-kept-chat.png' });
  await popup.getByRole('button', { name: 'New chat' }).click();
  await expect(questions(popup)).toHaveCount(0);
  // Nothing to start over from in an empty chat.
  await expect(popup.getByRole('button', { name: 'New chat' })).toBeDisabled();
  await popup.getByLabel('Message').fill('a second conversation');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: a second conversation');

  popup = await reopen(popup);
  await expect(questions(popup)).toHaveText(['a second conversation']);
  await expect(conversations(popup).locator('option')).toHaveText([
    'a second conversation',
    'hello from the popup',
  ]);
  await conversations(popup).selectOption({ label: 'hello from the popup' });
  await expect(questions(popup)).toHaveText(['hello from the popup', 'and a follow-up']);

  // The one switched to is the one the popup opens with.
  popup = await reopen(popup);
  await expect(questions(popup)).toHaveText(['hello from the popup', 'and a follow-up']);
  await popup.getByRole('button', { name: 'Rename' }).click();
  await popup.getByLabel('Conversation name').fill('Greetings');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(conversations(popup).locator('option')).toHaveText(['Greetings', 'a second conversation']);
  await expect(conversations(popup).locator('option:checked')).toHaveText('Greetings');

  await popup.getByRole('button', { name: 'Delete' }).click();
  await expect(popup.getByText('Delete “Greetings”?')).toBeVisible();
  await popup.getByRole('button', { name: 'Delete' }).click();
  await expect(questions(popup)).toHaveText(['a second conversation']);
  await expect(conversations(popup).locator('option')).toHaveText(['a second conversation']);

  popup = await reopen(popup);
  await expect(questions(popup)).toHaveText(['a second conversation']);
  await popup.getByRole('button', { name: 'New chat' }).click();
  await expect(questions(popup)).toHaveCount(0);

  // A new chat with nothing said in it yet is still the one open next time.
  popup = await reopen(popup);
  await expect(popup.getByText('Ask anything; the first provider with room answers.')).toBeVisible();
  await expect(questions(popup)).toHaveCount(0);
  await popup.close();
});

test('the manifest gives the popup a keyboard shortcut', async () => {
  const { context, extensionId } = suite;
  const popup = await openPopup(context, extensionId);
  const manifest = await popup.evaluate(
    async () => (await fetch('/manifest.json')).json() as Promise<{ commands?: Record<string, unknown> }>,
  );
  expect(manifest.commands).toHaveProperty('_execute_action');
  await popup.close();
});

interface LocalizedManifest {
  name: string;
  description: string;
  action?: { default_title?: string };
  commands?: Record<string, { description?: string }>;
}

test('the extension names itself, its shortcut and its pages in the words of its English messages file', async () => {
  const { context, extensionId } = suite;
  const popup = await openPopup(context, extensionId);
  // What the browser shows: the manifest as read with its __MSG_…__ words filled in.
  const manifest = await popup.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { getManifest(): LocalizedManifest } };
      }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.name).toBe('FreeLLM');
  expect(manifest.description).toBe(
    'Pool your free-tier LLM API keys behind one OpenAI-compatible API, in your browser.',
  );
  expect(manifest.action?.default_title).toBe('FreeLLM');
  expect(manifest.commands?._execute_action?.description).toBe('Open the FreeLLM chat');
  expect(await popup.title()).toBe('FreeLLM');
  await popup.close();
});

test('answers show their markdown, and nothing a model writes runs or loads in the popup', async () => {
  const { context, extensionId } = suite;
  const popup = await openPopup(context, extensionId);
  const title = await popup.title();
  await popup
    .getByLabel('Message')
    .fill(
      '**bold** and `code` <img src=x onerror="document.title=\'pwned\'"> <script>document.title="pwned"</script> [docs](https://example.com/docs)',
    );
  await popup.getByRole('button', { name: 'Send' }).click();
  const answer = popup.getByTestId('turn-assistant').last();
  await expect(answer.locator('strong')).toHaveText('bold');
  await expect(answer.locator('code')).toHaveText('code');
  await expect(answer.getByRole('link', { name: 'docs' })).toHaveAttribute('target', '_blank');
  // No images (a model could make the chat fetch any address), no scripts.
  await expect(answer.locator('img, script')).toHaveCount(0);
  // The user's own message is shown as typed, not rendered.
  await expect(popup.getByTestId('turn-user').last()).toContainText('**bold**');
  expect(await popup.title()).toBe(title);

  await popup.getByLabel('Message').fill('Needs:\n\n- node\n- npm');
  await popup.getByRole('button', { name: 'Send' }).click();
  const bullets = popup.getByTestId('turn-assistant').last().locator('ul > li');
  await expect(bullets).toHaveText(['node', 'npm']);
  await expect(bullets.first()).toHaveCSS('list-style-type', 'disc');

  await popup.getByLabel('Message').fill('Steps:\n\n1. install\n2. run\n\n```sh\nnpm test\n```');
  await popup.getByRole('button', { name: 'Send' }).click();
  const blocks = popup.getByTestId('turn-assistant').last();
  await expect(blocks.locator('ol > li')).toHaveText(['install', 'run']);
  await expect(blocks.locator('ol > li').first()).toHaveCSS('list-style-type', 'decimal');
  await expect(blocks.locator('pre > code')).toHaveText('npm test');
  // The conversation follows the newest answer.
  await expect(blocks.locator('pre')).toBeInViewport();
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup-markdown.png' });
  await popup.close();
});

test('a code block in an answer is highlighted and copies its code', async () => {
  const { context, extensionId } = suite;
  const popup = await openPopup(context, extensionId);
  // An extension page's origin cannot be named here; granted to every page of this test browser.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.getByLabel('Message').fill('Here:\n\n```ts\nconst answer: number = 42; // the answer\n```');
  await popup.getByRole('button', { name: 'Send' }).click();
  const block = popup.getByTestId('turn-assistant').last().locator('pre');
  await expect(block.locator('.hljs-keyword').first()).toHaveText('const');
  await expect(block.locator('.hljs-comment')).toHaveText('// the answer');
  expect(await highlighterLoaded(popup)).toBe(true);
  const copy = block.getByRole('button', { name: 'Copy code' });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(
    'const answer: number = 42; // the answer',
  );
  for (const width of [1280, 360]) {
    await popup.setViewportSize({ width, height: 720 });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `test/.artifacts/screenshots/popup-code-${width}-${scheme}.png` });
    }
  }
  await popup.close();
});

test('a conversation’s system prompt, temperature and max tokens are checked, kept with it and sent with each question', async () => {
  const { context, extensionId, mock } = suite;
  let popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'New chat' }).click();
  const summary = popup.getByTestId('settings-summary');
  await expect(summary).toHaveText(' · provider defaults');
  await saveChatSettings(popup, { system: 'Answer like a pirate.', temperature: '2.5', maxTokens: 'lots' });
  const panel = popup.locator('details.chat-settings');
  await expect(panel.getByRole('alert')).toHaveText([
    'Temperature is a number from 0 to 2.',
    'Max tokens is a whole number from 1 to 1,000,000.',
  ]);
  await expect(panel.getByLabel('Temperature')).toHaveAttribute('aria-invalid', 'true');
  await saveChatSettings(popup, { temperature: '0.2', maxTokens: '64' });
  await expect(summary).toHaveText(' · system prompt · temperature 0.2 · max 64 tokens');
  mock.reset();
  await popup.getByLabel('Message').fill('where is the treasure?');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: where is the treasure?');
  expect(mock.calls).toHaveLength(1);
  expect(mock.calls[0]?.body).toMatchObject({
    messages: [
      { role: 'system', content: 'Answer like a pirate.' },
      { role: 'user', content: 'where is the treasure?' },
    ],
    temperature: 0.2,
    max_tokens: 64,
  });

  // Kept with the conversation: there when it opens again, and sent again.
  await popup.close();
  popup = await openPopup(context, extensionId);
  await expect(questionsIn(popup)).toHaveText(['where is the treasure?']);
  await expect(popup.getByTestId('settings-summary')).toHaveText(
    ' · system prompt · temperature 0.2 · max 64 tokens',
  );
  mock.reset();
  await popup.getByLabel('Message').fill('and the map?');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: and the map?');
  expect(mock.calls[0]?.body).toMatchObject({
    messages: [
      { role: 'system', content: 'Answer like a pirate.' },
      { role: 'user', content: 'where is the treasure?' },
      { role: 'assistant', content: 'Echo: where is the treasure?' },
      { role: 'user', content: 'and the map?' },
    ],
    temperature: 0.2,
    max_tokens: 64,
  });
  await popup.locator('details.chat-settings summary').click();
  await expect(popup.getByLabel('System prompt')).toHaveValue('Answer like a pirate.');
  // The panel takes room from the conversation, whose latest answer stays in view.
  await expect(popup.getByTestId('turn-assistant').last().locator('.chat-bubble')).toBeInViewport();
  for (const width of [1280, 360]) {
    await popup.setViewportSize({ width, height: 720 });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `test/.artifacts/screenshots/popup-settings-${width}-${scheme}.png` });
    }
  }

  // Another conversation starts with the provider's defaults, and sends none of these.
  await popup.getByRole('button', { name: 'New chat' }).click();
  await expect(popup.getByTestId('settings-summary')).toHaveText(' · provider defaults');
  mock.reset();
  await popup.getByLabel('Message').fill('plain question');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: plain question');
  expect(mock.calls[0]?.body.messages).toEqual([{ role: 'user', content: 'plain question' }]);
  expect(mock.calls[0]?.body).not.toHaveProperty('temperature');
  expect(mock.calls[0]?.body).not.toHaveProperty('max_tokens');
  await popup.close();
});

test('the playground detects the extension, asks for access when refused, and chats through it once allowed', async () => {
  const { context, pagePort } = suite;
  const origin = `http://127.0.0.1:${pagePort}`;
  const page = await context.newPage();
  await page.goto(`${origin}/web/`);
  await expect(page.getByTestId('mode')).toHaveText(/^Extension \d+\.\d+\.\d+$/);
  // Refused the list too, the picker has only what any page may ask for.
  const picker = page.getByLabel('Model', { exact: true });
  const compared = page.getByLabel('Model 1');
  const providerModels = 'optgroup[label="Mock provider"] > option';
  await expect(picker.locator('option')).toHaveText(['auto']);
  await page.getByLabel('Message').fill('are you there?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText(`${origin} is not allowed to use FreeLLM`);

  // The playground offers to ask; the extension's approval window answers.
  const access = page.getByTestId('access');
  await expect(access).toContainText(`${origin} may not use FreeLLM yet.`);
  await page.screenshot({ path: 'test/.artifacts/screenshots/playground-access.png' });
  const promptOpened = context.waitForEvent('page');
  await access.getByRole('button', { name: 'Ask FreeLLM for access' }).click();
  const prompt = await promptOpened;
  await expect(prompt.getByTestId('origin')).toHaveText(origin);
  await answerPrompt(prompt, 'Always allow');
  await expect(access).toHaveText('Allowed. Send your message again.');
  // Allowed, the pickers (the chat's, the compare's) offer the pool's models at once, by provider name.
  await expect(picker.locator(providerModels)).toHaveText(['Mock provider · mock-chat']);
  await expect(compared.locator(providerModels)).toHaveText(['Mock provider · mock-chat']);
  await page.getByLabel('Message').fill('are you there now?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('turn-assistant').last()).toContainText('Echo: are you there now?');
  await page.screenshot({ path: 'test/.artifacts/screenshots/playground.png', fullPage: true });
  await page.close();
});

test('a reasoning model’s thinking shows folded above its answer, and is not sent back', async () => {
  const { context, extensionId, mock } = suite;
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'New chat' }).click();
  await popup.getByLabel('Message').fill('think it over');
  await popup.getByRole('button', { name: 'Send' }).click();
  const answer = popup.getByTestId('turn-assistant').last();
  await expect(answer.locator('.chat-bubble')).toHaveText('Echo: think it over');
  const reasoning = answer.locator('details');
  await expect(reasoning.locator('summary')).toHaveText('Reasoning');
  await reasoning.locator('summary').click();
  await expect(reasoning).toContainText('Let me think. The user wants an echo.');
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup-reasoning.png' });
  mock.reset();
  await popup.getByLabel('Message').fill('and then?');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: and then?');
  expect(JSON.stringify(mock.calls[0]?.body.messages)).not.toContain('Let me think');
  await popup.close();
});

test('the chat offers the models GET /models lists, follows a key added meanwhile, and sends the one picked', async () => {
  const { context, extensionId, mock } = suite;
  const popup = await openPopup(context, extensionId);
  const picker = popup.getByLabel('Model');
  await expect(picker).toHaveValue('auto');
  const options = picker.locator('option');
  await expect(options).toContainText(['auto', 'auto:fast', 'auto:smart']);
  await expect(picker.locator('optgroup[label="Mock provider"] > option')).toHaveText([
    'Mock provider · mock-chat',
  ]);
  // A second endpoint behind the first, added while the popup is open: `auto` keeps using the
  // first, so only a pick reaches this one.
  const settings = await OptionsPage.open(context, extensionId);
  await settings.addKeyForNewEndpoint({
    name: 'Second mock',
    baseURL: mock.baseURL,
    model: 'mock-second',
    secret: 'mock-good-chat-ui-second-456',
    label: 'second key',
  });
  await settings.page.close();
  // Each provider's models are grouped under its name, and name it when the picker is closed.
  const secondOption = picker.locator('optgroup[label="Second mock"] > option');
  await expect(secondOption).toHaveText(['Second mock · mock-second']);
  await expect(popup.getByTestId('pool-status')).toHaveText('2 keys in the pool');
  const second = await secondOption.evaluate((option: HTMLOptionElement) => option.value);
  expect(second).toMatch(/^custom-second-mock-[^/]+\/mock-second$/);
  mock.reset();
  await popup.getByLabel('Message').fill('who answers auto?');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText(
    /Echo: who answers auto\?.*mock-chat/s,
  );
  await picker.selectOption(second!);
  // The pick carries over to a new chat.
  await popup.getByRole('button', { name: 'New chat' }).click();
  await expect(picker).toHaveValue(second!);
  await popup.getByLabel('Message').fill('which model?');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText(/Echo: which model\?.*mock-second/s);
  expect(mock.calls.map((call) => call.body.model)).toEqual(['mock-chat', 'mock-second']);
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup-model.png' });
  await popup.close();
});

test('an edited question gets a new answer in place of the old ones, and the last answer can be asked for again', async () => {
  const { context, extensionId, mock } = suite;
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'New chat' }).click();
  const picker = popup.getByLabel('Model');
  await expect(picker.locator('option', { hasText: 'Second mock · mock-second' })).toHaveCount(1);
  await picker.selectOption('auto');
  const questions = questionsIn(popup);
  const answers = popup.getByTestId('turn-assistant');
  for (const question of ['capital of France?', 'and of Spain?']) {
    await popup.getByLabel('Message').fill(question);
    await popup.getByRole('button', { name: 'Send' }).click();
    await expect(answers.last()).toContainText(`Echo: ${question}`);
  }

  // Editing the first question replaces everything after it.
  const editor = await editQuestion(popup, 0, 'capital of Italy?');
  await expect(editor).toContainText('Sending replaces everything after this question.');
  for (const width of [1280, 360]) {
    await popup.setViewportSize({ width, height: 720 });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `test/.artifacts/screenshots/popup-edit-${width}-${scheme}.png` });
    }
  }
  mock.reset();
  await editor.getByRole('button', { name: 'Send' }).click();
  await expect(answers).toHaveCount(1);
  await expect(answers.last()).toContainText('Echo: capital of Italy?');
  await expect(questions).toHaveText(['capital of Italy?']);
  expect(mock.calls.map((call) => call.body.messages)).toEqual([
    [{ role: 'user', content: 'capital of Italy?' }],
  ]);

  // Regenerate asks the same question again for a new answer (not the one kept), here from
  // another model picked meanwhile; the new answer takes the old one's place.
  await expect(answers.last().locator('.chat-meta')).toHaveText('Mock provider · mock-chat');
  await picker.selectOption({ label: 'Second mock · mock-second' });
  await answers.last().getByRole('button', { name: 'Regenerate' }).click();
  await expect(answers.last().locator('.chat-meta')).toHaveText('Second mock · mock-second');
  await expect(answers).toHaveCount(1);
  await picker.selectOption('auto');
  await answers.last().getByRole('button', { name: 'Regenerate' }).click();
  await expect(answers.last().locator('.chat-meta')).toHaveText('Mock provider · mock-chat');
  // The same request as the first answer's, sent again rather than answered from the cache.
  expect(mock.calls.map((call) => call.body.model)).toEqual(['mock-chat', 'mock-second', 'mock-chat']);
  await expect(answers).toHaveCount(1);
  await expect(questions).toHaveText(['capital of Italy?']);

  // What was replaced is gone from the kept conversation too.
  await popup.close();
  const reopened = await openPopup(context, extensionId);
  await expect(questionsIn(reopened)).toHaveText(['capital of Italy?']);
  await expect(reopened.getByTestId('turn-assistant')).toHaveCount(1);
  await reopened.close();
});

test('a failed answer offers Try again, which asks the same question in its place', async () => {
  const { context, extensionId, mock } = suite;
  // An endpoint whose key is always rate-limited: picking its model alone fails.
  const settings = await OptionsPage.open(context, extensionId);
  await settings.addKeyForNewEndpoint({
    name: 'Limited mock',
    baseURL: mock.baseURL,
    model: 'mock-limited',
    secret: 'mock-limited-chat-ui-789',
    label: 'limited key',
  });
  await settings.page.close();
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'New chat' }).click();
  const picker = popup.getByLabel('Model');
  // The list arrives from GET /models after the popup opens.
  const limitedOption = picker.locator('option', { hasText: 'Limited mock · mock-limited' });
  await expect(limitedOption).toHaveCount(1);
  await picker.selectOption(await limitedOption.evaluate((option: HTMLOptionElement) => option.value));
  await popup.getByLabel('Message').fill('are you busy?');
  await popup.getByRole('button', { name: 'Send' }).click();
  const answer = popup.getByTestId('turn-assistant').last();
  await expect(answer.getByRole('alert')).toBeVisible();
  await popup.screenshot({ path: 'test/.artifacts/screenshots/popup-try-again.png' });
  await picker.selectOption('auto');
  await popup.getByRole('button', { name: 'Try again' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: are you busy?');
  await expect(questionsIn(popup)).toHaveText(['are you busy?']);
  await expect(popup.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await popup.close();
});
