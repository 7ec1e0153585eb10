/**
 * One request end to end: a key added through the options page, a page on 127.0.0.1 using the
 * official `openai` client through window.freellm, a mock provider counting upstream calls.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { dumpDatabase } from './support/database-dump';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();

const GOOD_KEY = `mock-good-${Math.random().toString(36).slice(2)}-secret-value`;
const INVALID_KEY = `mock-invalid-${Math.random().toString(36).slice(2)}-secret-value`;

test('a key added through the options page is stored and shown masked', async () => {
  const { context, extensionId, mock, pagePort } = suite;
  const options = await OptionsPage.open(context, extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: mock.baseURL,
    model: 'mock-model-1',
    secret: GOOD_KEY,
    label: 'good key',
  });
  const row = options.keyRows().filter({ hasText: 'good key' });
  await expect(row).toContainText('Mock provider');
  await expect(row).toContainText(`…${GOOD_KEY.slice(-4)}`);
  await expect(options.page.locator('body')).not.toContainText(GOOD_KEY);
  await options.allowSite(`http://127.0.0.1:${pagePort}`);
  // From the top: a full-page shot draws the sticky section bar where the page is scrolled to.
  await options.page.evaluate(() => scrollTo(0, 0));
  await options.page.screenshot({ path: 'test/.artifacts/screenshots/options.png', fullPage: true });
  // The section links stay at the top and bring their section into view.
  const nav = options.page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Sites' }).click();
  await expect(
    options.page.getByRole('heading', { name: 'Sites allowed to use your keys' }),
  ).toBeInViewport();
  await expect(nav).toBeInViewport();
  await options.page.screenshot({ path: 'test/.artifacts/screenshots/options-nav-sites.png' });
  await options.page.close();
});

test('a non-streamed completion comes back through window.freellm.fetch', async () => {
  const { context, mock, pagePort } = suite;
  const page = await openTestPage(context, `http://127.0.0.1:${pagePort}`);
  mock.reset();
  const result = await page.evaluate(async () => {
    const { data, response } = await window
      .freellmClient()
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hello there' }] })
      .withResponse();
    return {
      content: data.choices[0]?.message.content,
      model: data.model,
      provider: response.headers.get('x-freellm-provider'),
      requestId: response.headers.get('x-request-id'),
    };
  });
  expect(result.content).toBe('Echo: hello there');
  expect(result.model).toBe('mock-model-1');
  expect(result.provider).toMatch(/^custom-/);
  expect(result.requestId).toMatch(/^req_/);
  expect(mock.calls).toHaveLength(1);
  expect(mock.calls[0]?.authorization).toBe(`Bearer ${GOOD_KEY}`);
  await page.close();
});

test('a streamed completion arrives chunk by chunk with the right content', async () => {
  const { context, mock, pagePort } = suite;
  const page = await openTestPage(context, `http://127.0.0.1:${pagePort}`);
  mock.reset();
  const result = await page.evaluate(async () => {
    const stream = await window.freellmClient().chat.completions.create({
      model: 'auto',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'stream me four words' }],
    });
    const deltas: string[] = [];
    let finish: string | null | undefined;
    let usage: unknown;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    return { deltas, finish, usage };
  });
  expect(result.deltas.join('')).toBe('Echo: stream me four words');
  expect(result.deltas.length).toBeGreaterThan(3);
  expect(result.finish).toBe('stop');
  expect(result.usage).toMatchObject({ total_tokens: expect.any(Number) });
  expect(mock.calls).toHaveLength(1);
  expect(mock.calls[0]?.body.stream).toBe(true);
  await page.close();
});

test('aborting a stream from the page cancels the upstream request', async () => {
  const { context, mock, pagePort } = suite;
  const page = await openTestPage(context, `http://127.0.0.1:${pagePort}`);
  mock.reset();
  const result = await page.evaluate(async () => {
    const controller = new AbortController();
    const stream = await window.freellmClient().chat.completions.create(
      {
        model: 'auto',
        stream: true,
        messages: [{ role: 'user', content: 'please answer slowly with many many words in this reply' }],
      },
      { signal: controller.signal },
    );
    const received: string[] = [];
    // openai-node ends the iteration quietly when its own signal aborted it.
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta.content;
      if (text) received.push(text);
      if (received.length === 2) controller.abort();
    }
    return { received };
  });
  expect(result.received).toHaveLength(2);
  await expect.poll(() => mock.calls[0]?.aborted, { timeout: 5_000 }).toBe(true);
  expect(mock.calls[0]?.completed).toBe(false);
  await page.close();
});

test('an origin that was not allowed is refused with a 403 for any path, and no upstream call', async () => {
  const { context, mock, pagePort } = suite;
  const page = await openTestPage(context, `http://localhost:${pagePort}`);
  mock.reset();
  const result = await page.evaluate(async () => {
    try {
      await window
        .freellmClient()
        .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] });
      return null;
    } catch (error) {
      const apiError = error as { status?: number; code?: string; type?: string; message: string };
      return { status: apiError.status, code: apiError.code, type: apiError.type, message: apiError.message };
    }
  });
  expect(result).toMatchObject({ status: 403, code: 'origin_not_allowed', type: 'permission_error' });
  expect(result?.message).toContain(`http://localhost:${pagePort}`);
  // Every path gets the same 403, so the site learns nothing, not even which paths exist.
  const unknownPath = await page.evaluate(
    async () => (await window.freellm!.fetch(`${window.freellm!.baseURL}/nope`)).status,
  );
  expect(unknownPath).toBe(403);
  expect(mock.calls).toHaveLength(0);
  await page.close();
});

test('an upstream 401 reaches the page as an OpenAI-shaped authentication error', async () => {
  const { context, extensionId, mock, pagePort } = suite;
  const options = await OptionsPage.open(context, extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider (bad key)',
    baseURL: mock.baseURL,
    model: 'mock-model-1',
    secret: INVALID_KEY,
    label: 'revoked key',
  });
  await options.setKeyEnabled('good key', false);
  const page = await openTestPage(context, `http://127.0.0.1:${pagePort}`);
  mock.reset();
  const result = await page.evaluate(async () => {
    try {
      await window
        .freellmClient()
        .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] });
      return null;
    } catch (error) {
      const apiError = error as { status?: number; code?: string; type?: string; message: string };
      const authenticationError = error instanceof window.OpenAI.AuthenticationError;
      return {
        status: apiError.status,
        code: apiError.code,
        type: apiError.type,
        message: apiError.message,
        authenticationError,
      };
    }
  });
  expect(result).toMatchObject({
    status: 401,
    code: 'invalid_api_key',
    type: 'authentication_error',
    authenticationError: true,
  });
  expect(result?.message).toContain('Incorrect API key');
  expect(mock.calls).toHaveLength(1);
  await options.setKeyEnabled('good key', true);
  await options.page.close();
  await page.close();
});

test('a second identical request is answered from the cache, with one upstream call', async () => {
  const { context, mock, pagePort } = suite;
  const page = await openTestPage(context, `http://127.0.0.1:${pagePort}`);
  mock.reset();
  const answers = await page.evaluate(async () => {
    const ask = () =>
      window
        .freellmClient()
        .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'what is cached?' }] })
        .withResponse();
    const results = [];
    for (let index = 0; index < 2; index++) {
      const { data, response } = await ask();
      results.push({
        content: data.choices[0]?.message.content,
        cache: response.headers.get('x-freellm-cache'),
      });
    }
    return results;
  });
  expect(answers).toEqual([
    { content: 'Echo: what is cached?', cache: 'miss' },
    { content: 'Echo: what is cached?', cache: 'hit' },
  ]);
  expect(mock.calls).toHaveLength(1);
  await page.close();
});

test('the extension database holds no key in clear', async () => {
  const { serviceWorker } = suite;
  const { dump, tables } = await dumpDatabase(serviceWorker);
  expect(tables.keys).toHaveLength(2);
  expect(dump).not.toContain(GOOD_KEY);
  expect(dump).not.toContain(INVALID_KEY);
  expect(dump).not.toContain(GOOD_KEY.slice(10, 30));
});
