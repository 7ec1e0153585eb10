/**
 * The options page's usage dashboard and routing settings, fed by real requests from a page:
 * counts per provider, cache hits and Clear cache, a saved strategy surviving a reload, and an
 * alias made in the UI answering as a model name.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const SCREENSHOTS = 'test/.artifacts/screenshots';
/** The custom endpoint's id, as the answer's headers name it (its suffix is random). */
let mockProviderId = '';

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const endpoint = { baseURL: suite.mock.baseURL, model: 'mock-model-1' };
  // Tried first in this order: one that is rate-limited, one whose key is refused, one that answers.
  await options.addKeyForNewEndpoint({
    ...endpoint,
    name: 'Busy provider',
    secret: 'mock-limited-dashboard-key',
    label: 'busy key',
  });
  await options.addKeyForNewEndpoint({
    ...endpoint,
    name: 'Revoked provider',
    secret: 'mock-invalid-dashboard-key',
    label: 'revoked key',
  });
  await options.addKeyForNewEndpoint({
    ...endpoint,
    name: 'Mock provider',
    secret: 'mock-good-dashboard-key',
    label: 'good key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});

async function ask(content: string, model = 'auto') {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const answer = await page.evaluate(
    async ([text, name]) => {
      const { data, response } = await window
        .freellmClient()
        .chat.completions.create({ model: name, messages: [{ role: 'user', content: text }] })
        .withResponse();
      return {
        content: data.choices[0]?.message.content,
        cache: response.headers.get('x-freellm-cache'),
        provider: response.headers.get('x-freellm-provider') ?? '',
      };
    },
    [content, model] as const,
  );
  await page.close();
  return answer;
}

test('the dashboard shows each provider with its requests, health and the cache hit', async () => {
  const first = await ask('alpha');
  expect(first).toMatchObject({ content: 'Echo: alpha', cache: 'miss' });
  mockProviderId = first.provider;
  expect(await ask('beta')).toMatchObject({ cache: 'miss' });
  expect(await ask('alpha')).toMatchObject({ content: 'Echo: alpha', cache: 'hit' });

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const served = options.usageGroup('Mock provider');
  await expect(served).toContainText('2 requests today');
  await expect(served.getByTestId('usage-row')).toContainText('good key');
  await expect(served.getByTestId('usage-row')).toContainText('mock-model-1');
  await expect(served.getByTestId('usage-row')).toContainText('100%');
  await expect(options.usageGroup('Busy provider')).toContainText(
    /Cooling down until \d\d:\d\d:\d\d \(rate limit reached\)/,
  );
  await expect(
    options
      .dashboard()
      .getByRole('status')
      .filter({ hasText: 'revoked key (Revoked provider) was turned off' }),
  ).toBeVisible();
  await expect(options.usageGroup('Revoked provider')).toContainText('Key turned off');
  await expect(options.cacheStat('Hits')).toHaveText('1');
  await expect(options.cacheStat('Misses')).toHaveText('2');
  await expect(options.cacheStat('Requests saved')).toHaveText('1');
  await expect(options.dashboard()).not.toContainText('mock-good-dashboard-key');
  await options.dashboard().screenshot({ path: `${SCREENSHOTS}/dashboard.png` });
  await options.page.close();
});

test('Clear cache resets the counters and the next identical request is a miss again', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.clearCache();
  await expect(options.cacheStat('Hits')).toHaveText('0');
  await expect(options.cacheStat('Memory')).toHaveText('0 B');
  expect(await ask('alpha')).toMatchObject({ content: 'Echo: alpha', cache: 'miss' });
  await options.refreshDashboard();
  await expect(options.cacheStat('Misses')).toHaveText('1');
  await options.page.close();
});

test('a strategy chosen and saved survives a reload of the options page', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.chooseStrategy('Balanced');
  await options.saveRouting();
  await options.page.reload();
  await expect(options.routing().getByRole('radio', { name: /^Balanced/ })).toBeChecked();
  await options.page.close();
});

test('an alias made in the options page works as a model name from a page', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addAlias('team', [`${mockProviderId}/mock-model-1`, 'auto:fast']);
  await options.saveRouting();
  await options.routing().screenshot({ path: `${SCREENSHOTS}/routing.png` });
  await options.page.close();

  suite.mock.reset();
  expect(await ask('via the alias', 'team')).toMatchObject({
    content: 'Echo: via the alias',
    provider: mockProviderId,
  });
  expect(suite.mock.calls.at(-1)?.body.model).toBe('mock-model-1');
});

test('an alias to a model no key reaches is refused in the form, and one the engine refuses is shown naming it', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.routing().getByLabel('Alias name').fill('nowhere');
  await options.routing().getByLabel('Targets').fill('groq/not-a-key-of-yours');
  await options.routing().getByRole('button', { name: 'Add alias' }).click();
  await expect(options.routing().getByRole('alert')).toHaveText(
    'Targets: none of your keys reaches “groq/not-a-key-of-yours”. Pick a model from the list, or add a key for its provider first.',
  );
  await expect(options.routing().getByTestId('alias-row')).toHaveCount(1);
  // 51 targets: each reachable, but more than a group may hold.
  await options.addAlias(
    'long',
    Array.from({ length: 51 }, () => 'auto'),
  );
  await expect(options.routing().getByRole('alert')).toHaveCount(0);
  await options.routing().getByRole('button', { name: 'Save routing' }).click();
  await expect(options.routing().getByRole('alert')).toContainText('Alias “long”');
  await options.routing().screenshot({ path: `${SCREENSHOTS}/routing-error.png` });
  // Removing the refused alias brings the draft back to what is stored: nothing left to save.
  await options.routing().getByRole('button', { name: 'Remove alias long' }).click();
  await expect(options.routing().getByRole('alert')).toHaveCount(0);
  await expect(options.routing().getByRole('button', { name: 'Save routing' })).toBeDisabled();
  await options.page.close();
});

test('the cache’s keep-time and size cap are set in the dashboard and kept', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.page.getByLabel('Keep cached answers for (hours)').fill('2');
  await options.page.getByLabel('Keep cached answers for (hours)').blur();
  await options.page.getByLabel('Cache size limit (MB)').fill('16');
  // The other field saved (and the dashboard refreshed) while this one is being typed in: the
  // typed value stays.
  const ttl = options.page.getByLabel('Keep cached answers for (hours)');
  await ttl.evaluate((input: HTMLInputElement) => {
    input.value = '3';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(ttl).toHaveValue('3');
  await expect(options.page.getByLabel('Cache size limit (MB)')).toHaveValue('16');
  await options.page.getByLabel('Cache size limit (MB)').blur();
  await expect(options.page.getByLabel('Cache size limit (MB)')).toHaveValue('16');
  await options.page.reload();
  await expect(options.page.getByLabel('Keep cached answers for (hours)')).toHaveValue('3');
  await expect(options.page.getByLabel('Cache size limit (MB)')).toHaveValue('16');
  await options.page.close();
});
