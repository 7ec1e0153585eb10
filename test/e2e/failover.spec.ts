/**
 * Failover in the real browser: a provider answering 429 hands the request to the next one at
 * once, the headers name who served it, and the refused one is left alone while it cools down.
 */
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
let limited: OpenAIMock;

test.beforeAll(async () => {
  limited = await startOpenAIMock();
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Busy provider',
    baseURL: limited.baseURL,
    model: 'busy-model',
    secret: 'mock-limited-failover-key',
    label: 'busy key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Spare provider',
    baseURL: suite.mock.baseURL,
    model: 'spare-model',
    secret: 'mock-good-failover-key',
    label: 'spare key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});

test.afterAll(() => limited.close());

test('a 429 from the first provider fails over at once to the next, and the headers say who served', async () => {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const ask = (content: string) =>
    page.evaluate(async (text) => {
      const { data, response } = await window
        .freellmClient()
        .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: text }] })
        .withResponse();
      return {
        content: data.choices[0]?.message.content,
        model: response.headers.get('x-freellm-model'),
        attempts: response.headers.get('x-freellm-attempts'),
      };
    }, content);
  expect(await ask('first question')).toEqual({
    content: 'Echo: first question',
    model: 'spare-model',
    attempts: '2',
  });
  expect(limited.calls).toHaveLength(1);
  // The busy provider said "try again in 20 s": until then it is not asked at all.
  expect(await ask('second question')).toEqual({
    content: 'Echo: second question',
    model: 'spare-model',
    attempts: '1',
  });
  expect(limited.calls).toHaveLength(1);
  expect(suite.mock.calls).toHaveLength(2);

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const log = options.page.locator('.log-table tbody tr');
  await expect(log.first()).toContainText('Spare provider / spare-model');
  // The log says how each attempt went in the dashboard's plain words, not the router's codes,
  // and names each endpoint as the user named it, not by its id.
  await expect(log.nth(1).locator('.attempts')).toContainText(
    /^Busy provider: rate limit reached \(\d+ ms\), moved to Spare provider: answered \(\d+ ms\)$/,
  );
  await expect(log.first()).not.toContainText('custom-');
  await expect(log.nth(1).locator('.attempts')).not.toContainText('rate_limit');
  await options.page.close();
  await page.close();
});
