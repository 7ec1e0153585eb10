/**
 * A `provider/model` pin in the real browser: while the pinned provider has no usable key the
 * page's OpenAI client gets a 400 naming the provider and why, and no provider is asked — not
 * even the other one the user has a key for; once its key is on, that provider serves.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const PINNED = 'mistral/mistral-small-latest';

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Other provider',
    baseURL: suite.mock.baseURL,
    model: 'other-model',
    secret: 'mock-good-other-key',
    label: 'other key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});

async function askPinned(question = 'pinned question') {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const outcome = await page.evaluate(
    async ({ model, question }) => {
      try {
        const { data, response } = await window
          .freellmClient()
          .chat.completions.create({ model, messages: [{ role: 'user', content: question }] })
          .withResponse();
        return {
          status: 200,
          provider: response.headers.get('x-freellm-provider'),
          model: response.headers.get('x-freellm-model'),
          content: data.choices[0]?.message.content,
        };
      } catch (thrown) {
        const error = thrown as { status: number; code: string; message: string };
        return { status: error.status, code: error.code, message: error.message };
      }
    },
    { model: PINNED, question },
  );
  await page.close();
  return outcome;
}

test('a model pinned to a provider without a key is refused, naming the provider, and nobody else answers it', async () => {
  const refused = await askPinned();
  expect(refused).toMatchObject({ status: 400, code: 'provider_has_no_key' });
  expect(refused.message).toContain('no Mistral key was added');
  expect(suite.mock.calls).toHaveLength(0);
});

test('a pinned provider whose key is switched off is refused with that reason; switched on, it serves', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForProvider('Mistral', 'mock-good-mistral-key', 'mistral key', suite.mock.baseURL);
  await options.setKeyEnabled('mistral key', false);
  const refused = await askPinned();
  expect(refused).toMatchObject({ status: 400, code: 'provider_key_disabled' });
  expect(refused.message).toContain('Mistral, but its key is turned off');
  expect(suite.mock.calls).toHaveLength(0);

  await options.setKeyEnabled('mistral key', true);
  expect(await askPinned()).toEqual({
    status: 200,
    provider: 'mistral',
    model: 'mistral-small-latest',
    content: 'Echo: pinned question',
  });
  expect(suite.mock.calls.map((call) => call.authorization)).toEqual(['Bearer mock-good-mistral-key']);
  await options.page.close();
});

test('a key the provider rejects is turned off, and both the next answer and the options page say why', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.setKeyEnabled('mistral key', false);
  await options.addKeyForProvider(
    'Mistral',
    'mock-invalid-mistral-key',
    'bad mistral key',
    suite.mock.baseURL,
  );
  // Other questions than before: the answer cache would serve those.
  expect(await askPinned('a question for the bad key')).toMatchObject({ status: 401 });
  const refused = await askPinned('and another');
  expect(refused).toMatchObject({ status: 400, code: 'provider_key_disabled' });
  expect(refused.message).toContain('Mistral rejected this key (HTTP 401, invalid_api_key)');
  await options.page.reload();
  await expect(options.keyRows().filter({ hasText: 'bad mistral key' }).locator('.key-problem')).toHaveText(
    'Mistral rejected this key (HTTP 401, invalid_api_key). Check or replace it, then enable it again.',
  );
  await options.page.close();
});
