/**
 * `POST /responses` served by an OpenAI-compatible provider (Groq), driven by the official
 * `openai` client and the Vercel AI SDK's default OpenAI provider (which speaks Responses);
 * requests are the examples of OpenAI's Responses docs.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText, type ModelMessage } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { engineServing, upstreamCompletion, upstreamStream } from '../../testing/upstream-answers';
import { createEngineFetch } from '../engine-fetch';
import { sseEvents } from '../../testing/sse-events';

const client = (fetch: typeof globalThis.fetch) =>
  new OpenAI({ apiKey: 'unused', baseURL: 'https://freellm.invalid/v1', fetch, maxRetries: 0 });

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Get current temperature for a given location.',
  parameters: {
    type: 'object',
    properties: { location: { type: 'string', description: 'City and country e.g. Bogotá, Colombia' } },
    required: ['location'],
    additionalProperties: false,
  },
  strict: true,
};
const weatherCall = { id: 'call_12345xyz', name: 'get_weather', arguments: '{"location":"Paris, France"}' };

const post = (fetch: typeof globalThis.fetch, body: unknown) =>
  fetch('https://freellm.invalid/v1/responses', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /responses', () => {
  it('answers the docs example with a response object; instructions lead as the system message', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('Once upon a time…'));
    const response = await client(fetch).responses.create({
      model: 'auto',
      instructions: 'You are a storyteller.',
      input: 'Tell me a three sentence bedtime story about a unicorn.',
      max_output_tokens: 300,
    });
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      output: [
        {
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'Once upon a time…', annotations: [] }],
        },
      ],
      usage: { input_tokens: 21, output_tokens: 7, total_tokens: 28 },
      instructions: 'You are a storyteller.',
    });
    expect(response.id).toMatch(/^resp_/);
    expect(response.output_text).toBe('Once upon a time…');
    expect(upstream.calls[0]?.body).toMatchObject({
      max_tokens: 300,
      messages: [
        { role: 'system', content: 'You are a storyteller.' },
        { role: 'user', content: 'Tell me a three sentence bedtime story about a unicorn.' },
      ],
    });
  });

  it('runs a function tool round trip: function_call items back in the input with their output', async () => {
    const { fetch, upstream } = await engineServing((_call, index) =>
      index === 0 ? upstreamCompletion(weatherCall) : upstreamCompletion('It is 14°C in Paris.'),
    );
    const input: OpenAI.Responses.ResponseInput = [
      { role: 'user', content: 'What is the weather like in Paris today?' },
    ];
    const first = await client(fetch).responses.create({
      model: 'auto',
      input,
      tools: [weatherTool],
      store: false,
    });
    expect(first.output).toEqual([
      expect.objectContaining({
        type: 'function_call',
        call_id: 'call_12345xyz',
        name: 'get_weather',
        arguments: weatherCall.arguments,
      }),
    ]);
    input.push(...(first.output as OpenAI.Responses.ResponseFunctionToolCall[]));
    input.push({ type: 'function_call_output', call_id: 'call_12345xyz', output: '14' });
    const second = await client(fetch).responses.create({
      model: 'auto',
      input,
      tools: [weatherTool],
      store: false,
    });
    expect(second.output_text).toBe('It is 14°C in Paris.');
    expect(upstream.calls[1]?.body).toMatchObject({
      tools: [
        {
          type: 'function',
          function: { name: 'get_weather', parameters: weatherTool.parameters, strict: true },
        },
      ],
      messages: [
        { role: 'user', content: 'What is the weather like in Paris today?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_12345xyz',
              type: 'function',
              function: { name: 'get_weather', arguments: weatherCall.arguments },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_12345xyz', content: '14' },
      ],
    });
  });

  it('continues from previous_response_id within the caller partition; store:false keeps nothing', async () => {
    const { fetch, upstream, engine } = await engineServing((_call, index) =>
      upstreamCompletion(index === 0 ? 'Why did the chicken…' : 'Because…'),
    );
    const joke = await client(fetch).responses.create({ model: 'auto', input: 'tell me a joke' });
    const why = await client(fetch).responses.create({
      model: 'auto',
      previous_response_id: joke.id,
      input: [{ role: 'user', content: 'explain why this is funny.' }],
    });
    expect(why.previous_response_id).toBe(joke.id);
    expect(upstream.calls[1]?.body.messages).toEqual([
      { role: 'user', content: 'tell me a joke' },
      { role: 'assistant', content: 'Why did the chicken…' },
      { role: 'user', content: 'explain why this is funny.' },
    ]);

    const origin = 'https://app.example';
    await engine.origins.allow(origin);
    const site = createEngineFetch(engine, { kind: 'page', origin });
    const elsewhere = await post(site, { previous_response_id: joke.id, input: 'and?' });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toMatchObject({
      error: { code: 'previous_response_not_found', param: 'previous_response_id' },
    });

    const unkept = await client(fetch).responses.create({ model: 'auto', input: 'secret', store: false });
    expect((await post(fetch, { previous_response_id: unkept.id, input: 'and?' })).status).toBe(400);
    expect(upstream.calls).toHaveLength(3);
  });

  it('takes what Codex CLI sends: reasoning items, include, verbosity, tools OpenAI runs itself', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('Done.'));
    const response = await post(fetch, {
      model: 'auto',
      instructions: 'You are Codex, a coding agent.',
      input: [
        {
          type: 'message',
          role: 'developer',
          content: [{ type: 'input_text', text: '<permissions>…</permissions>' }],
        },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'list the files' }] },
        { type: 'reasoning', id: 'rs_1', summary: [], content: null, encrypted_content: 'gAAAA…' },
        { type: 'function_call', name: 'shell', arguments: '{"command":["ls"]}', call_id: 'call_1' },
        { type: 'function_call_output', call_id: 'call_1', output: 'README.md' },
      ],
      tools: [
        {
          type: 'function',
          name: 'shell',
          description: 'Runs a shell command',
          strict: false,
          parameters: {
            type: 'object',
            properties: { command: { type: 'array', items: { type: 'string' } } },
          },
        },
        { type: 'web_search' },
        { type: 'local_shell' },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      reasoning: { effort: 'medium', summary: 'auto' },
      store: false,
      stream: false,
      include: ['reasoning.encrypted_content'],
      prompt_cache_key: '0199-session',
      text: { verbosity: 'medium' },
    });
    expect(response.status).toBe(200);
    expect(upstream.calls[0]?.body).toMatchObject({
      parallel_tool_calls: false,
      tools: [{ type: 'function', function: { name: 'shell' } }],
      messages: [
        { role: 'system', content: 'You are Codex, a coding agent.' },
        { role: 'developer', content: '<permissions>…</permissions>' },
        { role: 'user', content: [{ type: 'text', text: 'list the files' }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', function: { name: 'shell', arguments: '{"command":["ls"]}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'README.md' },
      ],
    });
    expect((upstream.calls[0]?.body.tools as unknown[]).length).toBe(1);
  });

  it('passes images on as image parts, by URL or data: URL', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('A cat.'), {
      providerId: 'mistral',
    });
    await client(fetch).responses.create({
      model: 'auto',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: "what's in this image?" },
            { type: 'input_image', image_url: 'https://example.com/cat.jpg', detail: 'high' },
            {
              type: 'input_image',
              image_url: 'data:image/png;base64,iVBORw0KGgo=',
              detail: 'original' as 'auto',
            },
          ],
        },
      ],
    });
    expect(upstream.calls[0]?.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: "what's in this image?" },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ]);
  });

  it('passes text.format json_schema on as the chat response_format', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('{"name":"science fair"}'));
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        date: { type: 'string' },
        participants: { type: 'array', items: { type: 'string' } },
      },
      required: ['name', 'date', 'participants'],
      additionalProperties: false,
    };
    await client(fetch).responses.create({
      model: 'auto',
      instructions: 'Extract the event information.',
      input: 'Alice and Bob are going to a science fair on Friday.',
      text: { format: { type: 'json_schema', name: 'calendar_event', schema, strict: true } },
    });
    expect(upstream.calls[0]?.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'calendar_event', schema, strict: true },
    });
  });

  it('streams text with the typed events in order, numbered, ending with response.completed', async () => {
    const { fetch } = await engineServing(() => upstreamStream(['Once', ' upon']));
    const received = await sseEvents(await post(fetch, { model: 'auto', input: 'story', stream: true }));
    expect(received.map(([name]) => name)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(received.map(([, data]) => data.sequence_number)).toEqual(received.map((_, index) => index));
    expect(received.every(([name, data]) => data.type === name)).toBe(true);
    expect(received[6]![1]).toMatchObject({ text: 'Once upon', output_index: 0, content_index: 0 });
    expect(received[9]![1]).toMatchObject({
      response: {
        status: 'completed',
        output: [{ type: 'message', content: [{ type: 'output_text', text: 'Once upon' }] }],
        usage: { input_tokens: 21, output_tokens: 7 },
      },
    });
  });

  it('streams a function call; the openai client reads it and the final response', async () => {
    const { fetch } = await engineServing(() =>
      upstreamStream({ ...weatherCall, pieces: ['{"location":', '"Paris, France"}'] }),
    );
    const stream = await client(fetch).responses.create({
      model: 'auto',
      input: 'What is the weather like in Paris today?',
      tools: [weatherTool],
      stream: true,
    });
    const names: string[] = [];
    let arguments_ = '';
    let final: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      names.push(event.type);
      if (event.type === 'response.function_call_arguments.delta') arguments_ += event.delta;
      if (event.type === 'response.completed') final = event.response;
    }
    expect(names).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(arguments_).toBe('{"location":"Paris, France"}');
    expect(final?.output).toEqual([
      expect.objectContaining({ type: 'function_call', call_id: 'call_12345xyz', arguments: arguments_ }),
    ]);
  });

  it('ends a stream that breaks after its start with an error event the openai client throws', async () => {
    const { fetch } = await engineServing(
      () =>
        new Response(
          'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Once"}}]}\n\n',
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const stream = await client(fetch).responses.create({ model: 'auto', input: 'story', stream: true });
    let text = '';
    const failure = await (async () => {
      for await (const event of stream) if (event.type === 'response.output_text.delta') text += event.delta;
    })().catch((error: unknown) => error);
    expect(text).toBe('Once');
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('broke off');
  });

  it('refuses a bad body with a 400 naming the field, before any provider is called', async () => {
    const { fetch, upstream } = await engineServing(() => upstreamCompletion('unused'));
    const bad = await post(fetch, {
      model: 'auto',
      input: [{ type: 'message', role: 'robot', content: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { type: 'invalid_request_error', param: expect.stringContaining('input') as string },
    });
    const reference = await post(fetch, {
      model: 'auto',
      input: [{ type: 'item_reference', id: 'msg_unknown' }],
    });
    expect(reference.status).toBe(400);
    expect(upstream.calls).toHaveLength(0);
  });
});

describe("the Vercel AI SDK's default OpenAI provider (Responses)", () => {
  it('generates, streams, and follows up with item references to kept output', async () => {
    const { fetch, upstream } = await engineServing((call) =>
      (call.body.stream as boolean | undefined)
        ? upstreamStream(['Hello', ' there'])
        : upstreamCompletion(`Answer ${upstream.calls.length}`),
    );
    const openai = createOpenAI({ baseURL: 'https://freellm.invalid/v1', apiKey: 'unused', fetch });
    const first = await generateText({ model: openai('auto'), prompt: 'Hi' });
    expect(first.text).toBe('Answer 1');
    const messages: ModelMessage[] = [
      { role: 'user', content: 'Hi' },
      ...first.response.messages,
      { role: 'user', content: 'More' },
    ];
    const second = await generateText({ model: openai('auto'), messages });
    expect(second.text).toBe('Answer 2');
    expect(upstream.calls[1]?.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: 'Answer 1' },
      { role: 'user', content: [{ type: 'text', text: 'More' }] },
    ]);
    const streamed = streamText({ model: openai('auto'), prompt: 'Stream' });
    let text = '';
    for await (const part of streamed.textStream) text += part;
    expect(text).toBe('Hello there');
  });
});
