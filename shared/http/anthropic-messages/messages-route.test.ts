/**
 * `POST /messages` served by an OpenAI-compatible provider (Groq), driven by the official
 * `@anthropic-ai/sdk` and by raw requests; requests and answers are the examples of Anthropic's
 * Messages and streaming docs.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { jsonResponse, sseResponse } from '../../testing/fake-fetch';
import { engineServing, upstreamCompletion, upstreamStream } from '../../testing/upstream-answers';
import { sseEvents } from '../../testing/sse-events';

const weatherTool = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  input_schema: {
    type: 'object' as const,
    properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' } },
    required: ['location'],
  },
};
const weatherCall = {
  id: 'toolu_01A09q90qw90lq917835lq9',
  name: 'get_weather',
  arguments: '{"location":"San Francisco, CA"}',
};
const question = { role: 'user' as const, content: "What's the weather like in San Francisco?" };

const sdk = (fetch: typeof globalThis.fetch) =>
  new Anthropic({ apiKey: 'unused', baseURL: 'https://freellm.invalid', fetch, maxRetries: 0 });

const post = (fetch: typeof globalThis.fetch, path: string, body: unknown) =>
  fetch(`https://freellm.invalid${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /messages', () => {
  it('answers the docs example as an Anthropic message, from a provider that speaks OpenAI', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('Hi! My name is Claude.'));
    const message = await sdk(fetch).messages.create({
      model: 'auto',
      max_tokens: 1024,
      system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'Hello, world' }],
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hi! My name is Claude.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 21, output_tokens: 7 },
    });
    expect(message.id).toMatch(/^msg_/);
    expect(upstream.calls[0]?.body).toMatchObject({
      max_tokens: 1024,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Hello, world' }] },
      ],
    });
  });

  it('runs a tool round trip: tool_use with its input object, then tool_result as the tool message', async () => {
    const { fetch, upstream } = await engineServing((_call, index) =>
      index === 0
        ? upstreamCompletion(weatherCall)
        : upstreamCompletion('It is 15 degrees in San Francisco.'),
    );
    const client = sdk(fetch);
    const first = await client.messages.create({
      model: 'auto',
      max_tokens: 1024,
      tools: [weatherTool],
      messages: [question],
    });
    expect(first.stop_reason).toBe('tool_use');
    expect(first.content).toEqual([
      { type: 'tool_use', id: weatherCall.id, name: 'get_weather', input: { location: 'San Francisco, CA' } },
    ]);
    const second = await client.messages.create({
      model: 'auto',
      max_tokens: 1024,
      tools: [weatherTool],
      messages: [
        question,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: weatherCall.id, content: '15 degrees' },
            { type: 'text', text: 'In Celsius?' },
          ],
        },
      ],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'It is 15 degrees in San Francisco.' }]);
    expect(upstream.calls[1]?.body).toMatchObject({
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherTool.input_schema } }],
      messages: [
        { role: 'user' },
        {
          role: 'assistant',
          tool_calls: [{ id: weatherCall.id, type: 'function', function: { name: 'get_weather' } }],
        },
        { role: 'tool', tool_call_id: weatherCall.id, content: '15 degrees' },
        { role: 'user', content: [{ type: 'text', text: 'In Celsius?' }] },
      ],
    });
  });

  it('streams text with the docs event sequence, usage in message_delta', async () => {
    const { fetch } = await engineServing(() => upstreamStream(['Hello', '!']));
    const response = await post(fetch, '/v1/messages', {
      model: 'auto',
      max_tokens: 256,
      stream: true,
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const received = await sseEvents(response);
    expect(received.map(([name]) => name)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(received.every(([name, data]) => data.type === name)).toBe(true);
    expect(received[1]![1]).toEqual({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' },
    });
    expect(received[2]![1]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'Hello' },
    });
    expect(received[5]![1]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { input_tokens: 21, output_tokens: 7 },
    });
  });

  it('streams a tool call as a tool_use block with input_json_delta pieces the SDK assembles', async () => {
    const { fetch } = await engineServing(() =>
      upstreamStream({ ...weatherCall, pieces: ['{"location":', '"San Francisco, CA"}'] }),
    );
    const response = await post(fetch, '/messages', {
      model: 'auto',
      max_tokens: 256,
      stream: true,
      tools: [weatherTool],
      messages: [question],
    });
    const received = await sseEvents(response);
    expect(received.map(([name]) => name)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(received[1]![1]).toEqual({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'tool_use', id: weatherCall.id, name: 'get_weather', input: {} },
    });
    expect(received[2]![1]).toMatchObject({
      delta: { type: 'input_json_delta', partial_json: '{"location":' },
    });
    expect(received[5]![1]).toMatchObject({ delta: { stop_reason: 'tool_use' } });

    const { fetch: again } = await engineServing(() =>
      upstreamStream({ ...weatherCall, pieces: ['{"location":', '"San Francisco, CA"}'] }),
    );
    const final = await sdk(again)
      .messages.stream({ model: 'auto', max_tokens: 256, tools: [weatherTool], messages: [question] })
      .finalMessage();
    expect(final.content).toEqual([
      { type: 'tool_use', id: weatherCall.id, name: 'get_weather', input: { location: 'San Francisco, CA' } },
    ]);
    expect(final.stop_reason).toBe('tool_use');
  });

  it('makes one tool_use block of a call whose id a provider repeats in every fragment', async () => {
    const fragment = (args: string) =>
      JSON.stringify({
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { index: 0, id: weatherCall.id, function: { name: 'get_weather', arguments: args } },
              ],
            },
            finish_reason: null,
          },
        ],
      });
    const finish = JSON.stringify({
      id: 'c',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
    });
    const { fetch } = await engineServing(() =>
      sseResponse([fragment('{"location":'), fragment('"San Francisco, CA"}'), finish]),
    );
    const final = await sdk(fetch)
      .messages.stream({ model: 'auto', max_tokens: 256, tools: [weatherTool], messages: [question] })
      .finalMessage();
    expect(final.content).toEqual([
      { type: 'tool_use', id: weatherCall.id, name: 'get_weather', input: { location: 'San Francisco, CA' } },
    ]);
  });

  it('takes what Claude Code sends: system blocks, cache_control, metadata, thinking, a server tool', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('ok'));
    const response = await post(fetch, '/v1/messages?beta=true', {
      model: 'auto',
      max_tokens: 32000,
      system: [
        {
          type: 'text',
          text: "You are Claude Code, Anthropic's official CLI for Claude.",
          cache_control: { type: 'ephemeral' },
        },
        { type: 'text', text: 'Answer in English.' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '<system-reminder>context</system-reminder>' },
            { type: 'text', text: 'list files', cache_control: { type: 'ephemeral' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Let me look.', signature: 'sig' },
            { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'ls' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [{ type: 'text', text: 'README.md' }],
              is_error: false,
            },
          ],
        },
      ],
      tools: [
        {
          name: 'Bash',
          description: 'Run a command',
          input_schema: { type: 'object', properties: { command: { type: 'string' } } },
        },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
      ],
      tool_choice: { type: 'auto' },
      metadata: { user_id: 'user_abc_session_1' },
      thinking: { type: 'enabled', budget_tokens: 1024 },
      temperature: 1,
      stream: false,
    });
    expect(response.status).toBe(200);
    const sent = upstream.calls[0]!.body as { messages: unknown[]; tools: { function: { name: string } }[] };
    expect(sent.tools.map((tool) => tool.function.name)).toEqual(['Bash']);
    expect(sent.messages).toEqual([
      {
        role: 'system',
        content: "You are Claude Code, Anthropic's official CLI for Claude.\n\nAnswer in English.",
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: '<system-reminder>context</system-reminder>' },
          { type: 'text', text: 'list files' },
        ],
      },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'Bash', arguments: '{"command":"ls"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'README.md' },
    ]);
  });

  it('images arrive as image parts: base64 as a data: URL, a URL as it is', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('A cat.'), {
      providerId: 'mistral',
    });
    await sdk(fetch).messages.create({
      model: 'auto',
      max_tokens: 100,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
    });
    expect(upstream.calls[0]?.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          { type: 'text', text: 'What is this?' },
        ],
      },
    ]);
  });

  it("answers errors in Anthropic's shape, which the SDK raises as its own error classes", async () => {
    const { fetch, upstream } = await engineServing(() =>
      jsonResponse(
        { error: { message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' } },
        429,
        {
          'retry-after': '7',
        },
      ),
    );
    const bad = await post(fetch, '/messages', {
      model: 'auto',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        code: 'invalid_request',
        message: expect.stringContaining('max_tokens') as string,
      },
    });
    const notJson = await post(fetch, '/messages', '{');
    expect(await notJson.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(upstream.calls).toHaveLength(0);

    const limited = await sdk(fetch)
      .messages.create({ model: 'auto', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect((limited as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    });
  });

  it("ends a stream that breaks after its start with one error event, in Anthropic's shape", async () => {
    const { fetch } = await engineServing(
      () =>
        new Response(
          'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n',
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const response = await post(fetch, '/messages', {
      model: 'auto',
      max_tokens: 10,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const received = await sseEvents(response);
    expect(received.map(([name]) => name)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'error',
    ]);
    expect(received[3]![1]).toMatchObject({ type: 'error', error: { type: 'api_error' } });
  });
});

describe('POST /messages/count_tokens', () => {
  it('estimates the prompt without calling a provider, more for a longer prompt', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('unused'));
    const count = async (text: string) =>
      (
        (await (
          await post(fetch, '/v1/messages/count_tokens', {
            model: 'auto',
            messages: [{ role: 'user', content: text }],
          })
        ).json()) as {
          input_tokens: number;
        }
      ).input_tokens;
    const short = await count('Hello, world');
    expect(short).toBeGreaterThan(0);
    expect(await count('Hello, world '.repeat(100))).toBeGreaterThan(short * 50);
    expect(upstream.calls).toHaveLength(0);
  });
});
