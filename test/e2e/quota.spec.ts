/**
 * `GET /quota` and `freellm.quota()` in Chromium: an allowed page reads the pool's headroom (and
 * sees it move after a request), a page never allowed gets the same 403 as everywhere, and the
 * options page's dashboard shows the same prediction, at 1280 and 360 px, light and dark.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const SCREENSHOTS = 'test/.artifacts/screenshots';
const allowedOrigin = () => `http://127.0.0.1:${suite.pagePort}`;
let providerId = '';

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: suite.mock.baseURL,
    model: 'mock-model-1',
    secret: 'mock-good-quota-key',
    label: 'quota key',
  });
  await options.allowSite(allowedOrigin());
  await options.page.close();
});

async function ask(content: string): Promise<string> {
  const page = await openTestPage(suite.context, allowedOrigin());
  const provider = await page.evaluate(async (text) => {
    const { response } = await window
      .freellmClient()
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: text }] })
      .withResponse();
    return response.headers.get('x-freellm-provider') ?? '';
  }, content);
  await page.close();
  return provider;
}

test('an allowed page reads the pool’s headroom, and the figures move after a request', async () => {
  const page = await openTestPage(suite.context, allowedOrigin());
  const before = await page.evaluate(() => window.freellm!.quota());
  expect(before).toMatchObject({ object: 'freellm.quota', site: { origin: allowedOrigin() } });
  expect(before.providers).toHaveLength(1);
  expect(before.providers[0]).toMatchObject({
    name: null,
    keys: 1,
    requests: { day: { used: 0 } },
    forecast: { status: 'no_daily_limit' },
  });
  expect(before.providers[0]?.models.map((model) => model.id)).toEqual(['mock-model-1']);

  providerId = await ask('count me');
  // The same answer through the fetch shim, as any OpenAI-style client would ask for it.
  const after = await page.evaluate(async () => {
    const response = await window.freellm!.fetch(`${window.freellm!.baseURL}/quota`);
    return {
      status: response.status,
      body: (await response.json()) as Awaited<ReturnType<NonNullable<typeof window.freellm>['quota']>>,
    };
  });
  expect(after.status).toBe(200);
  expect(after.body.providers[0]).toMatchObject({
    id: providerId,
    requests: { minute: { used: 1 }, day: { used: 1 } },
    forecast: { requests_per_minute: expect.any(Number) },
  });
  expect(after.body.providers[0]?.forecast.requests_per_minute).toBeGreaterThan(0);
  expect(after.body.site?.requests.day.used).toBe(before.site!.requests.day.used + 1);
  expect(JSON.stringify(after.body)).not.toContain('mock-good-quota-key');
  expect(JSON.stringify(after.body)).not.toContain('quota key');
  await page.close();
});

test('a page never allowed is refused with the 403 other paths give it', async () => {
  const page = await openTestPage(suite.context, `http://localhost:${suite.pagePort}`);
  const refused = await page.evaluate(async () => {
    const response = await window.freellm!.fetch(`${window.freellm!.baseURL}/quota`);
    const thrown = await window.freellm!.quota().then(
      () => null,
      (error: { status: number; code: string }) => ({ status: error.status, code: error.code }),
    );
    return { status: response.status, body: (await response.json()) as { error: { code: string } }, thrown };
  });
  expect(refused).toMatchObject({
    status: 403,
    body: { error: { code: 'origin_not_allowed' } },
    thrown: { status: 403, code: 'origin_not_allowed' },
  });
  await page.close();
});

test('the dashboard shows when the provider and the pool run out at this pace', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.saveUserLimits({ [providerId]: { rpd: 6 } });
  await ask('two');
  await ask('three');
  await options.refreshDashboard();
  const forecast = options.dashboard().getByTestId('quota-forecast');
  // 3 of 6 spent, 3 in the last 15 minutes: the other 3 last 15 more minutes, unless the daily
  // reset (UTC midnight) comes first, as it does when the suite runs in the last minutes of the day.
  const untilReset = 86_400_000 - (Date.now() % 86_400_000);
  const ending =
    untilReset > 17 * 60_000
      ? 'runs out at \\d\\d:\\d\\d'
      : untilReset < 13 * 60_000
        ? 'lasts until its daily reset at \\d\\d:\\d\\d'
        : '(runs out|lasts until its daily reset) at \\d\\d:\\d\\d';
  await expect(forecast.getByTestId('forecast-sentence')).toHaveText(
    new RegExp(`^At this pace \\(the last 15 minutes\\), Mock provider ${ending}; the pool `),
  );
  await expect(forecast.getByRole('listitem', { name: 'Mock provider' })).toContainText(
    '3 of 6 requests left today',
  );
  for (const width of [1280, 360]) {
    await options.page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await options.page.emulateMedia({ colorScheme: scheme });
      await options
        .dashboard()
        .screenshot({ path: `${SCREENSHOTS}/dashboard-forecast-${width}-${scheme}.png` });
    }
  }
  await options.page.close();
});
