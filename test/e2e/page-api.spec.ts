/**
 * window.freellm for web pages: the approval prompt, real client libraries, revocation, frames,
 * per-origin limits and many concurrent streams.
 */
import { answerPrompt } from './pages/approval-prompt';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const origin = () => `http://127.0.0.1:${suite.pagePort}`;
const otherOrigin = () => `http://localhost:${suite.pagePort}`;

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: suite.mock.baseURL,
    model: 'mock-model',
    secret: 'mock-good-page-api-key-1',
    label: 'page key',
  });
  await options.page.close();
});

test('requestAccess opens a prompt naming the origin; deny refuses, "always allow" grants', async () => {
  const page = await openTestPage(suite.context, origin());
  for (const [button, expected] of [
    ['Deny', { granted: false, scope: null }],
    ['Always allow', { granted: true, scope: 'always' }],
  ] as const) {
    const promptOpened = suite.context.waitForEvent('page');
    const answer = page.evaluate(() => window.freellm!.requestAccess());
    const prompt = await promptOpened;
    await expect(prompt.getByTestId('origin')).toHaveText(origin());
    if (button === 'Always allow')
      await prompt.screenshot({ path: 'test/.artifacts/screenshots/approve.png' });
    await answerPrompt(prompt, button);
    expect(await answer).toEqual(expected);
  }
  // Asking again once allowed answers at once, without a prompt.
  expect(await page.evaluate(() => window.freellm!.requestAccess())).toEqual({
    granted: true,
    scope: 'always',
  });
  const completion = await page.evaluate(() =>
    window.freellm!.chat.completions.create({ messages: [{ role: 'user', content: 'plain api' }] }),
  );
  expect(completion.choices[0]?.message.content).toBe('Echo: plain api');
  await page.close();
});

test('"allow for this tab" serves that tab only', async () => {
  const page = await openTestPage(suite.context, otherOrigin());
  const promptOpened = suite.context.waitForEvent('page');
  const answer = page.evaluate(() => window.freellm!.requestAccess());
  await answerPrompt(await promptOpened, 'Allow for this tab');
  expect(await answer).toEqual({ granted: true, scope: 'once' });
  const ask = () =>
    window.freellm!.chat.completions.create({ messages: [{ role: 'user', content: 'tab' }] }).then(
      (c) => c.choices[0]?.message.content,
      (e: { status: number }) => e.status,
    );
  expect(await page.evaluate(ask)).toBe('Echo: tab');
  const secondTab = await openTestPage(suite.context, otherOrigin());
  expect(await secondTab.evaluate(ask)).toBe(403);
  await secondTab.close();
  await page.close();
});

test('the official openai client: tools, streamed tool calls and models.list', async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const client = window.freellmClient();
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          description: 'Weather in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    const first = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools,
    });
    const call = first.choices[0]!.message.tool_calls![0] as {
      id: string;
      function: { name: string; arguments: string };
    };
    const followUp = await client.chat.completions.create({
      model: 'auto',
      tools,
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: call.id, content: 'sunny, 21°C' },
      ],
    });
    const stream = await client.chat.completions.create({
      model: 'auto',
      stream: true,
      messages: [{ role: 'user', content: 'Weather?' }],
      tools,
    });
    let streamedName = '';
    let streamedArgs = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        streamedName += delta.function?.name ?? '';
        streamedArgs += delta.function?.arguments ?? '';
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    const models = await client.models.list();
    return {
      call: {
        name: call.function.name,
        args: JSON.parse(call.function.arguments) as unknown,
        finish: first.choices[0]!.finish_reason,
      },
      followUp: followUp.choices[0]!.message.content,
      streamed: { name: streamedName, args: JSON.parse(streamedArgs) as unknown, finish },
      models: models.data.map((model) => model.id),
    };
  });
  expect(result.call).toEqual({ name: 'get_weather', args: { city: 'Paris' }, finish: 'tool_calls' });
  expect(result.followUp).toBe('Tool said: sunny, 21°C');
  expect(result.streamed).toEqual({ name: 'get_weather', args: { city: 'Paris' }, finish: 'tool_calls' });
  expect(result.models).toContain('auto');
  await page.close();
});

test('the Vercel AI SDK: generateText and streamText', async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const { generateText, streamText, openai, compatible } = window.aiSdk;
    const generated = await generateText({ model: openai().chat('auto'), prompt: 'from the AI SDK' });
    const streamed = streamText({ model: compatible()('auto'), prompt: 'streamed by the AI SDK' });
    let text = '';
    for await (const part of streamed.textStream) text += part;
    return { generated: generated.text, streamed: text };
  });
  expect(result).toEqual({ generated: 'Echo: from the AI SDK', streamed: 'Echo: streamed by the AI SDK' });
  await page.close();
});

test('LangChain ChatOpenAI: invoke and stream', async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const model = window.langchain();
    const invoked = await model.invoke('from LangChain');
    let streamed = '';
    for await (const chunk of await model.stream('streamed by LangChain')) streamed += String(chunk.content);
    return { invoked: String(invoked.content), streamed };
  });
  expect(result).toEqual({ invoked: 'Echo: from LangChain', streamed: 'Echo: streamed by LangChain' });
  await page.close();
});

test('200 concurrent streamed requests from one page each complete with their own content', async () => {
  const page = await openTestPage(suite.context, origin());
  suite.mock.reset();
  const results = await page.evaluate(async () => {
    const client = window.freellmClient();
    return Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const stream = await client.chat.completions.create({
          model: 'auto',
          stream: true,
          messages: [{ role: 'user', content: `request number ${index}` }],
        });
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        return text;
      }),
    );
  });
  expect(results).toEqual(Array.from({ length: 200 }, (_, index) => `Echo: request number ${index}`));
  expect(suite.mock.calls).toHaveLength(200);
  await page.close();
});

test('a per-origin daily limit refuses with a 429 and no upstream call', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const page = await openTestPage(suite.context, origin());
  const used = await page.evaluate(async () => (await window.freellm!.models.list()) && 0);
  expect(used).toBe(0);
  await options.setDailyLimit(origin(), 1);
  suite.mock.reset();
  // The limit counts today's requests so far, which are already past 1.
  const refused = await page.evaluate(() =>
    window.freellm!.chat.completions.create({ messages: [{ role: 'user', content: 'over the limit' }] }).then(
      () => null,
      (error: { status: number; code: string; headers: Record<string, string> }) => ({
        status: error.status,
        code: error.code,
        retryAfter: error.headers['retry-after'],
      }),
    ),
  );
  expect(refused).toMatchObject({ status: 429, code: 'origin_rate_limited' });
  expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
  expect(suite.mock.calls).toHaveLength(0);
  await options.setDailyLimit(origin(), null);
  expect(
    await page.evaluate(() =>
      window
        .freellm!.chat.completions.create({ messages: [{ role: 'user', content: 'limit lifted' }] })
        .then((c) => c.choices[0]?.message.content),
    ),
  ).toBe('Echo: limit lifted');
  await options.page.close();
  await page.close();
});

test('an embedded frame is refused by default and served once frames are allowed', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.allowSite(otherOrigin());
  const page = await openTestPage(suite.context, origin());
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, `${otherOrigin()}/page/`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('h1')).toBeVisible();
  const child = page.frames().find((candidate) => candidate.url().startsWith(otherOrigin()))!;
  await child.waitForFunction(() => typeof window.freellmClient === 'function');
  const ask = () =>
    window.freellm!.chat.completions.create({ messages: [{ role: 'user', content: 'from a frame' }] }).then(
      (c) => c.choices[0]?.message.content,
      (e: { status: number; code: string }) => `${e.status} ${e.code}`,
    );
  expect(await child.evaluate(ask)).toBe('403 frame_not_allowed');
  await options.setFramesAllowed(otherOrigin(), true);
  expect(await child.evaluate(ask)).toBe('Echo: from a frame');
  await options.page.close();
  await page.close();
});

test('revoking a site cuts its live stream and refuses its next request', async () => {
  const page = await openTestPage(suite.context, origin());
  await page.evaluate(() => {
    const state = { chunks: 0, error: '' as string };
    (window as unknown as { streamState: typeof state }).streamState = state;
    void (async () => {
      try {
        const stream = await window.freellmClient().chat.completions.create({
          model: 'auto',
          stream: true,
          messages: [
            {
              role: 'user',
              content: 'answer slowly please, with a long long long reply that takes a while',
            },
          ],
        });
        for await (const chunk of stream) if (chunk.choices[0]?.delta.content) state.chunks += 1;
        state.error = 'ended without error';
      } catch (error) {
        state.error = (error as Error).message;
      }
    })();
  });
  await page.waitForFunction(
    () => (window as unknown as { streamState: { chunks: number } }).streamState.chunks >= 2,
  );
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.revokeSite(origin());
  await page.waitForFunction(
    () => (window as unknown as { streamState: { error: string } }).streamState.error !== '',
  );
  const state = await page.evaluate(
    () => (window as unknown as { streamState: { chunks: number; error: string } }).streamState,
  );
  expect(state.error).toContain('revoked');
  expect(state.chunks).toBeLessThan(12);
  const next = await page.evaluate(() =>
    window.freellm!.models.list().then(
      () => 200,
      (e: { status: number }) => e.status,
    ),
  );
  expect(next).toBe(403);
  await options.page.close();
  await page.close();
});
