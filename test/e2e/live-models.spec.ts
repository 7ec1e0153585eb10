/**
 * Live model lists and retired models in the real browser: a mock Groq whose list no longer has
 * the catalog's default (`openai/gpt-oss-120b`, which answers 404 there) still serves `auto` with
 * a model it lists, and the options page says so; the default, asked for by name, answers
 * "not found" twice (once per key) and is retired — the next ask gets a clear error and the mock
 * sees no third request, and the dashboard shows the retirement with its date.
 */
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const CATALOG_DEFAULT = 'openai/gpt-oss-120b';
const LISTED = ['openai/gpt-oss-20b', 'qwen/qwen3.8-27b', 'whisper-large-v3'];
let groq: OpenAIMock;

const sentTo = (model: string) => groq.calls.filter((call) => call.body.model === model).length;

test.beforeAll(async () => {
  groq = await startOpenAIMock({ models: LISTED, gone: [CATALOG_DEFAULT] });
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForProvider('Groq', 'mock-good-groq-key-1', 'groq one', groq.baseURL);
  await options.addKeyForProvider('Groq', 'mock-good-groq-key-2', 'groq two', groq.baseURL);
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});

test.afterAll(async () => {
  await groq?.close();
});

async function ask(content: string, model: string) {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const outcome = await page.evaluate(
    async ([text, name]) => {
      try {
        const { data, response } = await window
          .freellmClient()
          .chat.completions.create({ model: name, messages: [{ role: 'user', content: text }] })
          .withResponse();
        return {
          status: 200,
          model: response.headers.get('x-freellm-model'),
          content: data.choices[0]?.message.content,
        };
      } catch (thrown) {
        const error = thrown as { status: number; code: string; message: string };
        return { status: error.status, code: error.code, message: error.message };
      }
    },
    [content, model] as const,
  );
  await page.close();
  return outcome;
}

test('the options page says Groq no longer lists its default, and auto is served by a model Groq lists', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // Opening the page reads the live list in the background; the note follows.
  await expect(options.page.getByRole('list', { name: 'Default models replaced' })).toContainText(
    `Groq no longer lists ${CATALOG_DEFAULT}; using openai/gpt-oss-20b instead.`,
    { timeout: 15_000 },
  );
  await options.page.close();

  expect(await ask('which model?', 'auto')).toEqual({
    status: 200,
    model: 'openai/gpt-oss-20b',
    content: 'Echo: which model?',
  });
  expect(sentTo(CATALOG_DEFAULT)).toBe(0);
  expect(groq.reads.length).toBeGreaterThan(0);
});

test('a model that answers "not found" a second time gets no more requests, and the dashboard shows it retired', async () => {
  const pinned = `groq/${CATALOG_DEFAULT}`;
  // Two keys: the first 404 moves on to the second key, whose 404 is the second one.
  expect(await ask('first try', pinned)).toMatchObject({ status: 404 });
  expect(sentTo(CATALOG_DEFAULT)).toBe(2);

  const refused = await ask('second try', pinned);
  expect(refused).toMatchObject({ status: 404, code: 'model_not_found' });
  expect(refused.message).toContain('is retired: Groq answered "not found" for it twice');
  expect(await ask('and auto?', 'auto')).toMatchObject({ status: 200, model: 'openai/gpt-oss-20b' });
  expect(sentTo(CATALOG_DEFAULT)).toBe(2);

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const today = await options.page.evaluate(() => new Date().toLocaleDateString([], { dateStyle: 'medium' }));
  await expect(options.page.getByRole('list', { name: 'Retired models' })).toContainText(
    `${CATALOG_DEFAULT} (Groq) retired on ${today}`,
  );
  await options.page.close();
});
