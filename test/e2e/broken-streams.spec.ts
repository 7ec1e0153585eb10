/**
 * A stream never ends silently: when the provider's connection breaks after the first words, or
 * the extension's service worker stops mid-answer, the official `openai` client on the page
 * throws with the partial text in hand, instead of ending as if the answer were complete.
 */
import type { Page } from '@playwright/test';
import { CUT_AFTER_WORDS, startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';
import { stopExtensionWorker } from './support/stop-worker';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
let flaky: OpenAIMock;

test.beforeAll(async () => {
  flaky = await startOpenAIMock();
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Flaky provider',
    baseURL: flaky.baseURL,
    model: 'flaky-model',
    secret: 'mock-cut-broken-streams-key',
    label: 'flaky key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Steady provider',
    baseURL: suite.mock.baseURL,
    model: 'steady-model',
    secret: 'mock-good-broken-streams-key',
    label: 'steady key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});

test.afterAll(() => flaky.close());

/** Streams `content` from `model` through the openai client; what arrived, and what the client threw. */
async function streamThroughClient(page: Page, model: string, content: string) {
  return page.evaluate(
    async ({ model, content }) => {
      let text = '';
      let finish: string | null = null;
      try {
        const stream = await window
          .freellmClient()
          .chat.completions.create({ model, stream: true, messages: [{ role: 'user', content }] });
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta.content ?? '';
          finish = chunk.choices[0]?.finish_reason ?? finish;
          document.body.dataset.streamed = text;
        }
        return { text, finish, error: null };
      } catch (error) {
        return { text, finish, error: { name: (error as Error).name, message: (error as Error).message } };
      }
    },
    { model, content },
  );
}

test('a provider that breaks off after its first words ends the stream with an error naming it, logged as failed', async () => {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const content = 'a long answer that the provider will never finish';
  const result = await streamThroughClient(page, 'flaky-model', content);
  expect(result.text).toBe(
    `Echo: ${content}`
      .split(/(?<= )/)
      .slice(0, CUT_AFTER_WORDS)
      .join(''),
  );
  expect(result.finish).toBeNull();
  expect(result.error?.message).toBe(
    `Flaky provider's stream broke off after ${result.text.length} characters: network error`,
  );

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const row = options.page.locator('.log-table tbody tr').first();
  await expect(row).toContainText('flaky-model');
  await expect(row.locator('.status')).toHaveText('502');
  await expect(row.locator('.attempts')).toContainText(': provider error (');
  await expect(row.locator('.attempts')).not.toContainText('answered');
  await options.page.close();
  await page.close();
});

test('the service worker stopping mid-stream makes the openai client throw, with the partial text received', async () => {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const content =
    'please answer slowly with many many words so the stream is still going when the worker stops';
  const streaming = streamThroughClient(page, 'steady-model', content);
  await page.waitForFunction(() => (document.body.dataset.streamed ?? '').length > 0);
  await stopExtensionWorker(suite.context, page, suite.extensionId);
  const result = await streaming;
  expect(result.error).toEqual({
    name: 'TypeError',
    message: expect.stringContaining('The connection to FreeLLM broke before the answer was complete'),
  });
  expect(result.text.length).toBeGreaterThan(0);
  expect(`Echo: ${content}`.startsWith(result.text)).toBe(true);
  expect(result.text.length).toBeLessThan(`Echo: ${content}`.length);
  expect(result.finish).toBeNull();
  await page.close();
});
