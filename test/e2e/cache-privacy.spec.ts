/**
 * The response cache keeps each site's answers to itself and stays behind the lock: two allowed
 * origins (127.0.0.1 and localhost, as a browser sees two sites) asking the same thing each get
 * their own upstream answer, at once or one after the other; what is cached is not readable on
 * disk; and once FreeLLM is locked, a prompt it has cached gets the 423 with nothing upstream.
 */
import type { Page } from '@playwright/test';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { dumpDatabase } from './support/database-dump';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const origin = () => `http://127.0.0.1:${suite.pagePort}`;
const otherOrigin = () => `http://localhost:${suite.pagePort}`;
const PASSPHRASE = 'correct horse battery staple';

let options: OptionsPage;

test.beforeAll(async () => {
  options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: suite.mock.baseURL,
    model: 'mock-model',
    secret: 'mock-good-cache-privacy-key',
    label: 'cache key',
  });
  await options.allowSite(origin());
  await options.allowSite(otherOrigin());
});

/** One chat request through window.freellm.fetch: its status, answer, cache header and error code. */
function ask(page: Page, content: string) {
  return page.evaluate(async (text) => {
    const response = await window.freellm!.fetch(`${window.freellm!.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'auto', messages: [{ role: 'user', content: text }] }),
    });
    const body = (await response.json()) as {
      choices?: { message: { content: string } }[];
      error?: { code: string };
    };
    return {
      status: response.status,
      content: body.choices?.[0]?.message.content,
      cache: response.headers.get('x-freellm-cache'),
      error: body.error?.code,
    };
  }, content);
}

test('a site never gets an answer another site’s request put in the cache', async () => {
  const [page, otherPage] = [
    await openTestPage(suite.context, origin()),
    await openTestPage(suite.context, otherOrigin()),
  ];
  suite.mock.reset();
  expect(await ask(page, 'which site asked?')).toMatchObject({
    status: 200,
    content: 'Echo: which site asked?',
    cache: 'miss',
  });
  expect(await ask(otherPage, 'which site asked?')).toMatchObject({
    status: 200,
    content: 'Echo: which site asked?',
    cache: 'miss',
  });
  expect(suite.mock.calls).toHaveLength(2);
  // Each site still has its own answer.
  expect(await ask(page, 'which site asked?')).toMatchObject({ cache: 'hit' });
  expect(await ask(otherPage, 'which site asked?')).toMatchObject({ cache: 'hit' });
  expect(suite.mock.calls).toHaveLength(2);
  await page.close();
  await otherPage.close();
});

test('identical requests in flight from two sites are not shared', async () => {
  const [page, otherPage] = [
    await openTestPage(suite.context, origin()),
    await openTestPage(suite.context, otherOrigin()),
  ];
  const prompt =
    'answer slowly please, word after word after word, so that this answer is still streaming when the other site asks';
  suite.mock.reset();
  // The first site's answer streams one word at a time; the second site asks once it has begun.
  const first = page.evaluate(async (text) => {
    const { data, response } = await window
      .freellmClient()
      .chat.completions.create({ model: 'auto', stream: true, messages: [{ role: 'user', content: text }] })
      .withResponse();
    (window as unknown as { firstChunk: boolean }).firstChunk = false;
    let answer = '';
    for await (const chunk of data) {
      answer += chunk.choices[0]?.delta.content ?? '';
      (window as unknown as { firstChunk: boolean }).firstChunk = true;
    }
    return { cache: response.headers.get('x-freellm-cache'), answer };
  }, prompt);
  await page.waitForFunction(() => (window as unknown as { firstChunk?: boolean }).firstChunk === true);
  const second = await otherPage.evaluate(async (text) => {
    const { data, response } = await window
      .freellmClient()
      .chat.completions.create({ model: 'auto', stream: true, messages: [{ role: 'user', content: text }] })
      .withResponse();
    let answer = '';
    for await (const chunk of data) answer += chunk.choices[0]?.delta.content ?? '';
    return { cache: response.headers.get('x-freellm-cache'), answer };
  }, prompt);
  expect(second).toEqual({ cache: 'miss', answer: `Echo: ${prompt}` });
  expect(await first).toEqual({ cache: 'miss', answer: `Echo: ${prompt}` });
  expect(suite.mock.calls).toHaveLength(2);
  await page.close();
  await otherPage.close();
});

test('the extension database holds no cached prompt or answer in clear', async () => {
  const page = await openTestPage(suite.context, origin());
  expect(await ask(page, 'a private question for the disk')).toMatchObject({ status: 200 });
  await page.close();
  // Answers reach the disk a moment after they leave.
  await expect
    .poll(async () => (await dumpDatabase(suite.serviceWorker)).tables.cache?.length ?? 0)
    .toBeGreaterThan(0);
  const { dump } = await dumpDatabase(suite.serviceWorker);
  expect(dump).not.toContain('a private question');
});

test('once locked, a prompt it has cached gets the 423 and nothing goes upstream', async () => {
  test.setTimeout(60_000);
  const page = await openTestPage(suite.context, origin());
  // Set first: a new passphrase replaces the data key and drops the answers cached under the old one.
  await options.setPassphrase(PASSPHRASE);
  expect(await ask(page, 'cached before the lock')).toMatchObject({ status: 200, cache: 'miss' });
  expect(await ask(page, 'cached before the lock')).toMatchObject({ status: 200, cache: 'hit' });
  await options.lockNow();
  suite.mock.reset();
  expect(await ask(page, 'cached before the lock')).toEqual({
    status: 423,
    content: undefined,
    cache: null,
    error: 'vault_locked',
  });
  expect(suite.mock.calls).toHaveLength(0);
  await page.close();
});
