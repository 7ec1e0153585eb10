/**
 * The local endpoint: the host installed into the test profile, turned on in the options page,
 * and called from outside the browser by the official `openai` and `@anthropic-ai/sdk` clients
 * and by curl, answered by mock providers of different families with a failover. Without the
 * token, or from a web page's origin, it refuses; the worker stopping mid-stream breaks the
 * client's stream, and the next request is told FreeLLM is not running, never left hanging.
 * A new API served by the engine's HTTP routes needs one more test here, nothing else.
 */
import Anthropic from '@anthropic-ai/sdk';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { install } from '../../local-api/install.mjs';
import { startAnthropicMock, type AnthropicMock } from '../mock-provider/anthropic-mock';
import { mockEmbedding } from '../mock-provider/mock-server';
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { localEndpointRecipes } from '../../shared/snippets/local-endpoint-recipes';
import { OptionsPage } from './pages/options-page';
import { callBackgroundFrom } from './support/call-background';
import { expect, test, useExtensionSuite } from './support/fixtures';
import { freePort } from './support/free-port';
import { stopExtensionWorker } from './support/stop-worker';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite({
  beforeLaunch: (userDataDir) =>
    install({
      manifestDir: join(userDataDir, 'NativeMessagingHosts'),
      dataDir: join(userDataDir, 'local-api-host'),
    }).then(() => undefined),
  env: (userDataDir) => ({
    FREELLM_LOCAL_API_SOCKET: join(userDataDir, 'local-api.sock'),
    // The daemon outlives the browser by design; in tests, only briefly.
    FREELLM_LOCAL_API_IDLE_MS: '3000',
  }),
});
let busy: OpenAIMock;
let anthropic: AnthropicMock;
let baseURL: string;
let token: string;

const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } },
};

const openai = () => new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: token, maxRetries: 0 });
const claude = () => new Anthropic({ baseURL, apiKey: token, maxRetries: 0 });

test.beforeAll(async () => {
  [busy, anthropic] = await Promise.all([startOpenAIMock(), startAnthropicMock()]);
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // `auto` meets the busy provider first (added first), which answers 429: every request fails over.
  await options.addKeyForNewEndpoint({
    name: 'Busy provider',
    baseURL: busy.baseURL,
    model: 'busy-model',
    secret: 'mock-limited-local-key',
    label: 'busy key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Spare provider',
    baseURL: suite.mock.baseURL,
    model: 'spare-model',
    secret: 'mock-good-local-key',
    label: 'spare key',
  });
  await options.addKeyForProvider(
    'Anthropic',
    'sk-ant-api03-mock-good-local-key',
    'anthropic key',
    anthropic.baseURL,
  );
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  await options.turnOnLocalEndpoint(port);
  token = await options.localEndpointToken();
  await options.page.close();
});

test.afterAll(async () => {
  await Promise.all([busy.close(), anthropic.close()]);
});

test('openai client: chat completions streamed and not, failed over from a busy provider', async () => {
  const { data, response } = await openai()
    .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hello local' }] })
    .withResponse();
  expect(data.choices[0]?.message.content).toBe('Echo: hello local');
  expect(response.headers.get('x-freellm-attempts')).toBe('2');
  expect(response.headers.get('x-freellm-model')).toBe('spare-model');

  const stream = await openai().chat.completions.create({
    model: 'auto',
    stream: true,
    messages: [{ role: 'user', content: 'streamed local' }],
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe('Echo: streamed local');
});

test('openai client: responses streamed and not', async () => {
  const plain = await openai().responses.create({ model: 'auto', input: 'plain responses' });
  expect(plain.output_text).toBe('Echo: plain responses');
  const stream = await openai().responses.create({
    model: 'auto',
    input: 'streamed responses',
    stream: true,
  });
  let text = '';
  let status = '';
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') text += event.delta;
    if (event.type === 'response.completed') status = event.response.status ?? '';
  }
  expect({ text, status }).toEqual({ text: 'Echo: streamed responses', status: 'completed' });
});

test('openai client: embeddings, failed over to another host of the same model', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // Both host bge-m3: NVIDIA's key is busy (429), Cloudflare's serves.
  await options.addKeyForProvider('NVIDIA NIM', 'mock-limited-local-embed', 'nvidia key', busy.baseURL);
  await options.addKeyForProvider(
    'Cloudflare Workers AI',
    `${'b'.repeat(32)}:mock-good-local-embed`,
    'cloudflare key',
    suite.mock.baseURL,
  );
  await options.page.close();
  const { data, response } = await openai()
    .embeddings.create({ model: 'bge-m3', input: ['local one', 'local two'] })
    .withResponse();
  expect({
    vectors: data.data.map((item) => item.embedding),
    provider: response.headers.get('x-freellm-provider'),
    attempts: response.headers.get('x-freellm-attempts'),
  }).toEqual({
    vectors: [mockEmbedding('local one'), mockEmbedding('local two')],
    provider: 'cloudflare',
    attempts: '2',
  });
});

test('@anthropic-ai/sdk: messages with a tool call round trip, and streamed, served by Anthropic and by OpenAI-compatible providers', async () => {
  const question = { role: 'user' as const, content: 'Weather in Paris?' };
  const first = await claude().messages.create({
    model: 'auto',
    max_tokens: 256,
    tools: [weatherTool],
    messages: [question],
  });
  const call = first.content.find((block) => block.type === 'tool_use')!;
  expect({ stop: first.stop_reason, name: call.name, input: call.input }).toEqual({
    stop: 'tool_use',
    name: 'get_weather',
    input: { city: 'Paris' },
  });
  const second = await claude().messages.create({
    model: 'auto',
    max_tokens: 256,
    tools: [weatherTool],
    messages: [
      question,
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'sunny, 21°C' }] },
    ],
  });
  expect(second.content).toEqual([{ type: 'text', text: 'Tool said: sunny, 21°C' }]);

  const stream = claude().messages.stream({
    model: 'anthropic/mock-model',
    max_tokens: 256,
    messages: [{ role: 'user', content: 'to anthropic' }],
  });
  let text = '';
  stream.on('text', (delta) => (text += delta));
  const message = await stream.finalMessage();
  expect({ text, stop: message.stop_reason }).toEqual({ text: 'Echo: to anthropic', stop: 'end_turn' });
  expect(anthropic.calls).toHaveLength(1);
});

test('curl: a chat completion with the token, a 401 without it, a 403 with a web page origin', async () => {
  const curl = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)('curl', ['-sS', '-w', '\n%{http_code}', ...args]);
    const [body, status] = [
      stdout.slice(0, stdout.lastIndexOf('\n')),
      stdout.slice(stdout.lastIndexOf('\n') + 1),
    ];
    return { status: Number(status), body: JSON.parse(body) as Record<string, never> };
  };
  const chat = [
    '-H',
    'content-type: application/json',
    '-d',
    '{"model":"auto","messages":[{"role":"user","content":"from curl"}]}',
  ];
  const answered = await curl(
    `${baseURL}/v1/chat/completions`,
    '-H',
    `Authorization: Bearer ${token}`,
    ...chat,
  );
  expect(answered).toMatchObject({
    status: 200,
    body: { choices: [{ message: { content: 'Echo: from curl' } }] },
  });
  const noToken = await curl(`${baseURL}/v1/chat/completions`, ...chat);
  expect(noToken).toMatchObject({ status: 401, body: { error: { code: 'local_token_missing' } } });
  const wrongToken = await curl(`${baseURL}/v1/models`, '-H', 'x-api-key: freellm-not-the-token');
  expect(wrongToken).toMatchObject({ status: 401, body: { error: { code: 'local_token_invalid' } } });
  const fromPage = await curl(
    `${baseURL}/v1/chat/completions`,
    '-H',
    `Authorization: Bearer ${token}`,
    '-H',
    'Origin: https://evil.example',
    ...chat,
  );
  expect(fromPage).toMatchObject({ status: 403, body: { error: { code: 'local_origin_not_allowed' } } });
});

test('the curl recipe (the playground offers it for its last request) runs as is, whatever quotes the prompt has', async () => {
  const hostile = 'it\'s $(touch /tmp/freellm-pwned) `id` "quoted" \\ end';
  const curl = localEndpointRecipes({
    address: '127.0.0.1',
    port: Number(new URL(baseURL).port),
    token,
    model: 'auto',
    request: { model: 'auto', messages: [{ role: 'user', content: hostile }], temperature: 0.5 },
  }).find((recipe) => recipe.id === 'curl')!.text;
  const { stdout } = await promisify(execFile)('bash', ['-c', `${curl} -sS`]);
  const answer = JSON.parse(stdout) as { choices: { message: { content: string } }[] };
  expect(answer.choices[0]?.message.content).toBe(`Echo: ${hostile}`);
  expect(existsSync('/tmp/freellm-pwned')).toBe(false);
  expect(suite.mock.calls.at(-1)?.body).toMatchObject({ temperature: 0.5 });
});

test('the request log names the local endpoint as the caller', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const reply = await callBackgroundFrom<{ entries: { origin: string }[]; sites: string[] }>(options.page, {
    type: 'log.query',
    limit: 5,
  });
  expect(reply.data.entries[0]?.origin).toBe('local endpoint');
  // The log's site filter offers it as a caller of its own.
  expect(reply.data.sites).toContain('local endpoint');
  await options.page.close();
});

test('the options section shows the connected host and the recipes with the token hidden, at 1280 and 360 px', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const section = options.localEndpointSection();
  await expect(section.getByTestId('local-endpoint-status')).toHaveText(
    /^Connected: listening on 127\.0\.0\.1:/,
  );
  await expect(section.getByText(`ANTHROPIC_BASE_URL=${baseURL}`)).toBeVisible();
  await expect(section).not.toContainText(token);
  for (const width of [1280, 360]) {
    await options.page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await options.page.emulateMedia({ colorScheme: scheme });
      await section.screenshot({ path: `test/.artifacts/screenshots/local-endpoint-${width}-${scheme}.png` });
      // The section itself fits; long commands scroll inside their own boxes.
      const box = await section.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(await section.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    }
  }
  await options.page.close();
});

test('the worker stopping mid-stream breaks the client’s stream; the next request hears FreeLLM is not running', async () => {
  const stream = await openai().chat.completions.create({
    model: 'auto',
    stream: true,
    messages: [
      { role: 'user', content: 'please answer slowly with many words so the worker stops meanwhile' },
    ],
  });
  let text = '';
  const reading = (async () => {
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  })().then(
    () => 'ended cleanly',
    (error: Error) => error.message,
  );
  await expect.poll(() => text.length).toBeGreaterThan(0);
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await stopExtensionWorker(suite.context, options.page, suite.extensionId);
  // undici's words for a chunked body cut off before its last chunk.
  expect(await reading).toBe('terminated');
  expect(text.length).toBeLessThan(
    'Echo: please answer slowly with many words so the worker stops meanwhile'.length,
  );

  await options.page.close();

  // Until something wakes the worker (an alarm does within 30 s), the daemon answers for it.
  const modelsStatus = async () => {
    const answer = await fetch(`${baseURL}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await answer.json()) as { error?: { code: string; message: string } };
    return body.error ? `${answer.status} ${body.error.code}: ${body.error.message}` : String(answer.status);
  };
  await expect.poll(modelsStatus).toMatch(/^503 freellm_not_running: FreeLLM is not running/);

  // An extension page wakes the worker, which connects again.
  const reopened = await OptionsPage.open(suite.context, suite.extensionId);
  await expect.poll(modelsStatus).toBe('200');
  await reopened.page.close();
});
