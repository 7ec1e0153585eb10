/**
 * The Anthropic Messages, OpenAI Responses and Embeddings APIs from a page, through
 * window.freellm.fetch: the official `@anthropic-ai/sdk` and `openai` clients and the Vercel AI
 * SDK's default OpenAI provider, answered by mock providers of different families, with a failover.
 */
import { startAnthropicMock, type AnthropicMock } from '../mock-provider/anthropic-mock';
import { startGeminiMock, type GeminiMock } from '../mock-provider/gemini-mock';
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { mockEmbedding } from '../mock-provider/mock-server';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const origin = () => `http://127.0.0.1:${suite.pagePort}`;
let busy: OpenAIMock;
let anthropic: AnthropicMock;
let gemini: GeminiMock;

const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } },
};

test.beforeAll(async () => {
  [busy, anthropic, gemini] = await Promise.all([startOpenAIMock(), startAnthropicMock(), startGeminiMock()]);
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // `auto` meets the busy provider first (added first), which answers 429: every request fails over.
  await options.addKeyForNewEndpoint({
    name: 'Busy provider',
    baseURL: busy.baseURL,
    model: 'busy-model',
    secret: 'mock-limited-apis-key',
    label: 'busy key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Spare provider',
    baseURL: suite.mock.baseURL,
    model: 'spare-model',
    secret: 'mock-good-apis-key',
    label: 'spare key',
  });
  await options.allowSite(origin());
  await options.page.close();
});

test.afterAll(async () => {
  await Promise.all([busy.close(), anthropic.close(), gemini.close()]);
});

test('@anthropic-ai/sdk: a tool call round trip, failed over from a busy provider', async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async (tool) => {
    const client = window.anthropicClient();
    const question = { role: 'user' as const, content: 'Weather in Paris?' };
    const { data: first, response } = await client.messages
      .create({ model: 'auto', max_tokens: 256, tools: [tool], messages: [question] })
      .withResponse();
    const call = first.content.find((block) => block.type === 'tool_use')!;
    const second = await client.messages.create({
      model: 'auto',
      max_tokens: 256,
      tools: [tool],
      messages: [
        question,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'sunny, 21°C' }] },
      ],
    });
    return {
      stop: first.stop_reason,
      call: { name: call.name, input: call.input },
      attempts: response.headers.get('x-freellm-attempts'),
      model: response.headers.get('x-freellm-model'),
      answer: second.content,
      secondStop: second.stop_reason,
    };
  }, weatherTool);
  expect(result).toEqual({
    stop: 'tool_use',
    call: { name: 'get_weather', input: { city: 'Paris' } },
    attempts: '2',
    model: 'spare-model',
    answer: [{ type: 'text', text: 'Tool said: sunny, 21°C' }],
    secondStop: 'end_turn',
  });
  expect(busy.calls).toHaveLength(1);
  await page.close();
});

test('@anthropic-ai/sdk: streamed text and a streamed tool call', async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async (tool) => {
    const client = window.anthropicClient();
    const stream = client.messages.stream({
      model: 'auto',
      max_tokens: 256,
      system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'streamed hello' }],
    });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const message = await stream.finalMessage();
    const withTool = await client.messages
      .stream({
        model: 'auto',
        max_tokens: 256,
        tools: [tool],
        messages: [{ role: 'user', content: 'Weather?' }],
      })
      .finalMessage();
    return {
      text,
      final: message.content,
      stop: message.stop_reason,
      tool: withTool.content.map((block) => (block.type === 'tool_use' ? block.input : block.type)),
      toolStop: withTool.stop_reason,
    };
  }, weatherTool);
  expect(result).toEqual({
    text: 'Echo: streamed hello',
    final: [{ type: 'text', text: 'Echo: streamed hello' }],
    stop: 'end_turn',
    tool: [{ city: 'Paris' }],
    toolStop: 'tool_use',
  });
  await page.close();
});

test('openai client: responses streamed and not, a function tool round trip, previous_response_id', async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const client = window.freellmClient();
    const plain = await client.responses.create({
      model: 'auto',
      instructions: 'Be brief.',
      input: 'plain responses',
    });
    const followUp = await client.responses.create({
      model: 'auto',
      previous_response_id: plain.id,
      input: 'and again',
    });
    const stream = await client.responses.create({
      model: 'auto',
      input: 'streamed responses',
      stream: true,
    });
    let streamed = '';
    let completed = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') streamed += event.delta;
      if (event.type === 'response.completed') completed = event.response.status ?? '';
    }
    const tools = [
      {
        type: 'function' as const,
        name: 'get_weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } } },
        strict: false,
      },
    ];
    const input: Parameters<typeof client.responses.create>[0]['input'] = [
      { role: 'user', content: 'Weather?' },
    ];
    const called = await client.responses.create({ model: 'auto', input, tools, store: false });
    const call = called.output.find((item) => item.type === 'function_call')!;
    const toolAnswer = await client.responses.create({
      model: 'auto',
      tools,
      store: false,
      input: [
        ...(input as object[]),
        call,
        { type: 'function_call_output', call_id: call.call_id, output: 'rain' },
      ] as typeof input,
    });
    return {
      plain: plain.output_text,
      followUp: followUp.output_text,
      streamed,
      completed,
      call: { name: call.name, arguments: JSON.parse(call.arguments) as unknown },
      toolAnswer: toolAnswer.output_text,
    };
  });
  expect(result).toEqual({
    plain: 'Echo: plain responses',
    followUp: 'Echo: and again',
    streamed: 'Echo: streamed responses',
    completed: 'completed',
    call: { name: 'get_weather', arguments: { city: 'Paris' } },
    toolAnswer: 'Tool said: rain',
  });
  // The follow-up carried the kept conversation upstream, without the first one's instructions.
  const kept = suite.mock.calls.find((call) => JSON.stringify(call.body).includes('and again'));
  expect(
    (kept?.body as { messages: { content: unknown }[] }).messages.map((message) => message.content),
  ).toEqual(['plain responses', 'Echo: plain responses', 'and again']);
  await page.close();
});

test("the Vercel AI SDK's default OpenAI model (Responses): generateText and streamText", async () => {
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const { generateText, streamText, openai } = window.aiSdk;
    const generated = await generateText({
      model: openai()('auto'),
      prompt: 'from the AI SDK via responses',
    });
    const streamed = streamText({ model: openai()('auto'), prompt: 'streamed via responses' });
    let text = '';
    for await (const part of streamed.textStream) text += part;
    return { generated: generated.text, streamed: text };
  });
  expect(result).toEqual({
    generated: 'Echo: from the AI SDK via responses',
    streamed: 'Echo: streamed via responses',
  });
  await page.close();
});

test('other families serve both APIs: Gemini answers /messages, Anthropic answers /responses', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForProvider(
    'Anthropic',
    'sk-ant-api03-mock-good-apis-key',
    'anthropic key',
    anthropic.baseURL,
  );
  await options.addKeyForProvider(
    'Google Gemini',
    'AIzaSy-mock-good-gemini-apis-0000',
    'gemini key',
    gemini.baseURL,
  );
  await options.page.close();
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const message = await window
      .anthropicClient()
      .messages.stream({
        model: 'gemini/mock-model',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'to gemini' }],
      })
      .finalMessage();
    const stream = await window
      .freellmClient()
      .responses.create({ model: 'anthropic/mock-model', input: 'to anthropic', stream: true });
    let text = '';
    for await (const event of stream) if (event.type === 'response.output_text.delta') text += event.delta;
    return { gemini: message.content, anthropic: text };
  });
  expect(result).toEqual({
    gemini: [{ type: 'text', text: 'Echo: to gemini' }],
    anthropic: 'Echo: to anthropic',
  });
  expect(gemini.calls).toHaveLength(1);
  expect(anthropic.calls).toHaveLength(1);
  await page.close();
});

test('openai client: embeddings failed over to another host of the same model; malformed bodies get 400s', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  // Both host bge-m3: NVIDIA's key is busy (429), Cloudflare's serves.
  await options.addKeyForProvider('NVIDIA NIM', 'mock-limited-embed-key', 'nvidia key', busy.baseURL);
  await options.addKeyForProvider(
    'Cloudflare Workers AI',
    `${'a'.repeat(32)}:mock-good-embed-key`,
    'cloudflare key',
    suite.mock.baseURL,
  );
  await options.page.close();
  const page = await openTestPage(suite.context, origin());
  const result = await page.evaluate(async () => {
    const { data, response } = await window
      .freellmClient()
      .embeddings.create({ model: 'bge-m3', input: ['hello', 'hi'] })
      .withResponse();
    const post = async (body: string) => {
      const answer = await window.freellm!.fetch(`${window.freellm!.baseURL}/embeddings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return {
        status: answer.status,
        error: ((await answer.json()) as { error: { code: string } }).error.code,
      };
    };
    const hostile = [
      await post('{"model": "bge-m3", "input": '),
      await post(JSON.stringify({ model: 'bge-m3', input: [[1, 2, 3]] })),
      await post(JSON.stringify({ model: 'bge-m3', input: 'x'.repeat(10), dimensions: -1 })),
      await post(JSON.stringify({ model: 'spare-model', input: 'a chat model' })),
    ];
    const after = await window.freellmClient().embeddings.create({ model: 'bge-m3', input: 'still here' });
    return {
      model: data.model,
      vectors: data.data.map((item) => item.embedding),
      provider: response.headers.get('x-freellm-provider'),
      served: response.headers.get('x-freellm-model'),
      attempts: response.headers.get('x-freellm-attempts'),
      hostile,
      after: after.data[0]?.embedding,
    };
  });
  expect(result).toEqual({
    model: 'bge-m3',
    vectors: [mockEmbedding('hello'), mockEmbedding('hi')],
    provider: 'cloudflare',
    served: '@cf/baai/bge-m3',
    attempts: '2',
    hostile: [
      { status: 400, error: 'invalid_request' },
      { status: 400, error: 'invalid_request' },
      { status: 400, error: 'invalid_request' },
      { status: 400, error: 'not_an_embedding_model' },
    ],
    after: mockEmbedding('still here'),
  });
  expect(busy.calls.filter((call) => call.path === '/v1/embeddings')).toHaveLength(1);
  await page.close();
});
