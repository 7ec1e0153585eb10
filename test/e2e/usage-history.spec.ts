/**
 * The usage history and the request log, fed by real requests from pages: the history's charts
 * and tables per provider and per key, the log's filters, pages and export, and a misbehaving
 * site whose requests are logged under its own origin and which cannot read the log.
 */
import { readFile } from 'node:fs/promises';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const SCREENSHOTS = 'test/.artifacts/screenshots';
const site = () => `http://127.0.0.1:${suite.pagePort}`;
const otherSite = () => `http://localhost:${suite.pagePort}`;

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const endpoint = { baseURL: suite.mock.baseURL, model: 'mock-model-1' };
  // Tried first: one that is rate-limited, then one that answers.
  await options.addKeyForNewEndpoint({
    ...endpoint,
    name: 'Busy provider',
    secret: 'mock-limited-history-key',
    label: 'busy key',
  });
  await options.addKeyForNewEndpoint({
    ...endpoint,
    name: 'Mock provider',
    secret: 'mock-good-history-key',
    label: 'good key',
  });
  await options.allowSite(site());
  await options.allowSite(otherSite());
  await options.page.close();
});

/** Asks each question in turn from a page of `origin`; returns each answer's status and provider. */
async function askFrom(origin: string, questions: string[], headers: Record<string, string> = {}) {
  const page = await openTestPage(suite.context, origin);
  const statuses = await page.evaluate(
    async ([asked, sent]) => {
      const results: { status: number; provider: string | null }[] = [];
      for (const content of asked) {
        const response = await window.freellm!.fetch(`${window.freellm!.baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...sent },
          body: JSON.stringify({ model: 'auto', messages: [{ role: 'user', content }] }),
        });
        await response.text();
        results.push({ status: response.status, provider: response.headers.get('x-freellm-provider') });
      }
      return results;
    },
    [questions, headers] as const,
  );
  await page.close();
  return statuses;
}

async function openHistory() {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const history = options.page.getByTestId('usage-history');
  await history.scrollIntoViewIfNeeded();
  return { options, history };
}

test('the usage history has the requests just made, per provider and per key, as charts and as tables', async () => {
  // The first is refused by the busy provider and moves on; the busy one then cools down.
  const answers = await askFrom(site(), ['one', 'two', 'three']);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);

  const { options, history } = await openHistory();
  await options.saveUserLimits({ [answers[0]?.provider ?? '']: { rpd: 10 } });
  await options.refreshDashboard();
  const spending = history.locator('[data-chart="spending"]');
  await expect(spending.locator('figcaption')).toHaveText(
    'Requests by provider, the last 7 days: Mock provider 3, Busy provider 1.',
  );
  // The library came once the panel was in view, and drew both charts.
  await expect(history.locator('.history-chart canvas')).toHaveCount(2);
  await expect(history.locator('[data-chart="health"] figcaption')).toHaveText(
    /^Over the last 7 days, 75% of attempts were answered, in \d+ ms on average\.$/,
  );

  await history.getByRole('radio', { name: 'Key' }).check();
  await expect(spending.locator('figcaption')).toHaveText(
    'Requests by key, the last 7 days: good key (Mock provider) 3, busy key (Busy provider) 1.',
  );
  await history.getByRole('button', { name: 'Show as tables' }).click();
  const table = spending.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Hour',
    'good key (Mock provider)',
    'busy key (Busy provider)',
  ]);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['3', '1']);
  // By keyboard: the arrow keys move within a choice, Tab to the next choice.
  await history.getByRole('radio', { name: 'Last 7 days, by hour' }).focus();
  await options.page.keyboard.press('ArrowRight');
  await expect(history.getByRole('radio', { name: 'Last 30 days, by day' })).toBeChecked();
  await options.page.keyboard.press('Tab');
  await expect(history.getByRole('radio', { name: 'Key' })).toBeFocused();
  await expect(table.getByRole('columnheader').first()).toHaveText('Day');
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['3', '1']);
  await history.getByRole('radio', { name: 'Tokens' }).check();
  await expect(spending.locator('figcaption')).toHaveText(
    /^Tokens by key, the last 30 days: good key \(Mock provider\) \d+/,
  );

  // 3 of 10 spent in the last 15 minutes: the other 7 last 35 more, unless the day (UTC) ends first.
  await expect(history.getByTestId('key-forecast-row').filter({ hasText: 'good key' })).toHaveText(
    /^good key \(Mock provider\) 7 of 10 requests left today · (runs out|lasts until its daily reset) at \d\d:\d\d$/,
  );
  await expect(history.getByTestId('key-forecast-row').filter({ hasText: 'busy key' })).toHaveText(
    'busy key (Busy provider) 1 request today, no known daily limit',
  );
  await expect(history).not.toContainText('mock-good-history-key');
  await history.getByRole('button', { name: 'Show charts' }).click();
  await history.getByRole('radio', { name: 'Last 7 days, by hour' }).check();
  await history.getByRole('radio', { name: 'Requests' }).check();
  for (const width of [1280, 360]) {
    await options.page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await options.page.emulateMedia({ colorScheme: scheme });
      await expect(history.locator('.history-chart canvas')).toHaveCount(2);
      await history.screenshot({ path: `${SCREENSHOTS}/usage-history-${width}-${scheme}.png` });
    }
  }
  await options.page.close();
});

test('a misbehaving site’s requests are logged under its own origin, and it cannot read the log', async () => {
  const [answer] = await askFrom(otherSite(), ['from elsewhere'], { origin: 'https://trusted.example' });
  expect(answer?.status).toBe(200);
  const page = await openTestPage(suite.context, otherSite());
  const attempts = await page.evaluate(async () => {
    const paths = ['/log', '/request-log', '/usage/history'];
    const statuses = await Promise.all(
      paths.map(async (path) => (await window.freellm!.fetch(`${window.freellm!.baseURL}${path}`)).status),
    );
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    return { statuses, canMessage: typeof runtime?.sendMessage === 'function' };
  });
  expect(attempts).toEqual({ statuses: [404, 404, 404], canMessage: false });
  await page.close();

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const log = options.page.locator('section.request-log');
  await log.getByLabel('Site').selectOption(otherSite());
  await expect(log.getByTestId('log-row')).toHaveCount(1);
  await expect(log.getByTestId('log-row')).toContainText(otherSite());
  await expect(log.getByLabel('Site').locator('option')).not.toContainText(['https://trusted.example']);
  await options.page.close();
});

test('the log filters by outcome and provider, pages back to the oldest request, and exports what it shows', async () => {
  // Twenty answers from the cache make more than one page.
  const repeats = await askFrom(
    site(),
    Array.from({ length: 20 }, () => 'one'),
  );
  expect(repeats.every((repeat) => repeat.status === 200)).toBe(true);

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const log = options.page.locator('section.request-log');
  const rows = log.getByTestId('log-row');
  await expect(log.getByTestId('log-range')).toHaveText('1–20 of 24');
  await log.getByRole('button', { name: 'Older' }).click();
  await expect(log.getByTestId('log-range')).toHaveText('21–24 of 24');
  // The oldest: refused by the busy provider, answered by the next, in the dashboard's words.
  await expect(rows.last().locator('.attempts')).toHaveText(
    /^Busy provider: rate limit reached \(\d+ ms\), moved to Mock provider: answered \(\d+ ms\)$/,
  );
  await expect(rows.last().locator('.outcome')).toHaveText(
    'answered after moving on by Mock provider / mock-model-1',
  );
  // The oldest page: a request that moved on, and answers from the cache.
  for (const width of [1280, 360]) {
    await options.page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await options.page.emulateMedia({ colorScheme: scheme });
      await log.screenshot({ path: `${SCREENSHOTS}/request-log-${width}-${scheme}.png` });
    }
  }
  await options.page.setViewportSize({ width: 1280, height: 900 });
  await log.getByRole('button', { name: 'Newer' }).click();
  await expect(log.getByTestId('log-range')).toHaveText('1–20 of 24');

  await log.getByLabel('Outcome').selectOption({ label: 'answered after moving on' });
  await expect(rows).toHaveCount(1);
  await log.getByLabel('Outcome').selectOption({ label: 'answered from the cache' });
  await expect(log.getByTestId('log-range')).toHaveText('1–20 of 20');
  await log.getByLabel('Outcome').selectOption({ label: 'not answered' });
  await expect(log.getByText('No request matches these filters.')).toBeVisible();
  await log.getByLabel('Outcome').selectOption({ label: 'Any outcome' });
  await log.getByLabel('Provider').selectOption({ label: 'Busy provider' });
  await expect(rows).toHaveCount(1);
  // Answered by the mock provider at once: the second and third questions and the other site's.
  await log.getByLabel('Provider').selectOption({ label: 'Mock provider' });
  await log.getByLabel('Outcome').selectOption({ label: 'answered' });
  await expect(log.getByTestId('log-range')).toHaveText('1–3 of 3');

  const exported = async (format: 'CSV' | 'JSON') => {
    const download = options.page.waitForEvent('download');
    await log.getByRole('button', { name: `Export ${format}` }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const csv = await exported('CSV');
  expect(csv.name).toMatch(/^freellm-requests-\d{4}-\d\d-\d\d\.csv$/);
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('time,site,model asked,stream,status,outcome,served by,latency ms,attempts');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(
    new RegExp(
      `^\\d{4}-[^,]+Z,${otherSite()},auto,false,200,answered,Mock provider / mock-model-1,\\d+,Mock provider: answered \\(\\d+ ms\\)$`,
    ),
  );
  const json = await exported('JSON');
  const entries = (JSON.parse(json.text) as { entries: { origin: string; outcome: string }[] }).entries;
  expect(entries.map((entry) => [entry.origin, entry.outcome])).toEqual([
    [otherSite(), 'answered'],
    [site(), 'answered'],
    [site(), 'answered'],
  ]);
  for (const text of [csv.text, json.text]) {
    expect(text).not.toContain('mock-good-history-key');
    expect(text).not.toContain('mock-limited-history-key');
    expect(text).not.toContain('from elsewhere');
  }
  await options.page.close();
});
