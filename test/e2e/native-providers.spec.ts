/**
 * Providers with their own wire formats: the official `openai` client streams through
 * window.freellm.fetch from mocks speaking Anthropic Messages, Gemini and Cohere v2, each added
 * as a preset with its base URL pointed at the mock.
 */
import { startAnthropicMock, type AnthropicMock } from '../mock-provider/anthropic-mock';
import { startCohereMock } from '../mock-provider/cohere-mock';
import { startGeminiMock } from '../mock-provider/gemini-mock';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const mocks: {
  anthropic?: AnthropicMock;
  gemini?: Awaited<ReturnType<typeof startGeminiMock>>;
  cohere?: Awaited<ReturnType<typeof startCohereMock>>;
} = {};

test.beforeAll(async () => {
  mocks.anthropic = await startAnthropicMock();
  mocks.gemini = await startGeminiMock();
  mocks.cohere = await startCohereMock();
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await expect(options.page.getByTestId('free-tier-note')).toBeVisible();
  await options.addKeyForProvider(
    'Anthropic',
    'sk-ant-api03-mock-good-anthropic-key',
    'anthropic key',
    mocks.anthropic.baseURL,
  );
  await options.addKeyForProvider(
    'Google Gemini',
    'AIzaSy-mock-good-gemini-key-000000',
    'gemini key',
    mocks.gemini.baseURL,
  );
  await options.addKeyForProvider(
    'Cohere',
    'mock-good-cohere-key-0000000000000000',
    'cohere key',
    mocks.cohere.baseURL,
  );
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.screenshot({ path: 'test/.artifacts/screenshots/options-native.png', fullPage: true });
  await options.page.close();
});

test.afterAll(async () => {
  await Promise.all([mocks.anthropic?.close(), mocks.gemini?.close(), mocks.cohere?.close()]);
});

for (const provider of ['anthropic', 'gemini', 'cohere'] as const) {
  test(`the openai client streams a completion from a mock speaking ${provider}'s own format`, async () => {
    const mock = mocks[provider]!;
    mock.reset();
    const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
    const result = await page.evaluate(async (model) => {
      const { data: stream, response } = await window
        .freellmClient()
        .chat.completions.create({
          model,
          stream: true,
          stream_options: { include_usage: true },
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: `hello ${model}` },
          ],
        })
        .withResponse();
      let text = '';
      let role: string | undefined;
      let finish: string | null = null;
      let usage = false;
      for await (const chunk of stream) {
        role ??= chunk.choices[0]?.delta.role ?? undefined;
        text += chunk.choices[0]?.delta.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        usage ||= Boolean(chunk.usage);
      }
      return { text, role, finish, usage, provider: response.headers.get('x-freellm-provider') };
    }, `${provider}/mock-model`);
    expect(result).toEqual({
      text: `Echo: hello ${provider}/mock-model`,
      role: 'assistant',
      finish: 'stop',
      usage: true,
      provider,
    });
    expect(mock.calls).toHaveLength(1);
    await page.close();
  });
}

test('models.list asks Cohere for its models at the base URL the user set, with the key', async () => {
  const mock = mocks.cohere!;
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const ids = await page.evaluate(async () =>
    (await window.freellm!.models.list()).data.map((model) => model.id),
  );
  expect(ids).toContain('cohere/command-mock');
  // Read now, or a moment ago in the background while routing a chat (and kept since).
  expect(mock.reads.at(-1)).toMatchObject({
    path: '/v1/models?endpoint=chat',
    authorization: 'Bearer mock-good-cohere-key-0000000000000000',
  });
  await page.close();
});

test('the key form says in plain words which providers are not free', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const form = options.page.getByRole('form', { name: 'Add a key' });
  const note = form.getByTestId('free-tier-note');
  await form.getByLabel('Provider').selectOption({ label: 'Groq' });
  await expect(note).toContainText('Free tier:');
  await form.getByLabel('Provider').selectOption({ label: 'Cerebras' });
  await expect(note).toContainText('Not free, trial credit only:');
  await expect(note).toContainText('one-time $5 credit');
  await form.getByLabel('Provider').selectOption({ label: 'Anthropic' });
  await expect(note).toContainText('Not free, paid only:');
  await expect(
    form.locator('optgroup[label="Trial credit or paid"] option', { hasText: 'SambaNova' }),
  ).toHaveCount(1);
  await expect(form.locator('optgroup[label="Free tier"] option', { hasText: 'Cerebras' })).toHaveCount(0);
  await options.page.close();
});

test('a local server (the Ollama preset) is added without a key, and FreeLLM sends it none', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const form = options.page.getByRole('form', { name: 'Add a key' });
  await form.getByLabel('Provider').selectOption({ label: 'Ollama (local)' });
  await expect(form.getByTestId('keyless-note')).toBeVisible();
  await expect(form.getByLabel('API key')).toHaveCount(0);
  await options.fillBaseURLOverride(suite.mock.baseURL);
  await form.getByRole('button', { name: 'Add key' }).click();
  await expect(options.keyRows().filter({ hasText: 'Ollama (local)' })).toBeVisible();
  await options.page.close();
  suite.mock.reset();
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const answer = await page.evaluate(() =>
    window.freellm!.chat.completions.create({
      model: 'ollama/llama3.2',
      messages: [{ role: 'user', content: 'local please' }],
    }),
  );
  expect(answer.choices[0]?.message.content).toBe('Echo: local please');
  expect(suite.mock.calls[0]?.authorization).toBeUndefined();
  await page.close();
});
