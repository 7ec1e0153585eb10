import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { createFakeFetch, jsonResponse } from '../../testing/fake-fetch';
import { adapterCall, FAMILY_TARGETS } from '../../testing/adapter-call';
import { readFixtures } from '../../testing/read-fixtures';
import type { FetchLike } from '../types';
import { createAnthropicAdapter } from './anthropic-adapter';

const { fixture } = readFixtures(import.meta.url);

const request: ChatCompletionRequest = {
  model: 'auto',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
  ],
  seed: 7,
};

const callWith = (fetch: FetchLike) => adapterCall(fetch, FAMILY_TARGETS.anthropic);

describe('Anthropic adapter: complete', () => {
  it('posts to /messages with Anthropic’s headers and a converted body', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    await createAnthropicAdapter().complete(request, callWith(fetch));
    const [sent] = fetch.calls;
    expect(sent?.url).toBe('https://api.anthropic.com/v1/messages');
    expect(Object.fromEntries(sent?.headers ?? [])).toEqual({
      'content-type': 'application/json',
      'x-api-key': 'sk-ant-api03-test',
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
    expect(sent?.body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
  });

  it('answers with an OpenAI chat completion: text joined, usage including cached tokens', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const completion = await createAnthropicAdapter().complete(request, callWith(fetch));
    expect(completion).toEqual({
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: 'claude-sonnet-4-5-20250929',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello! How can I help you today?' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 16, completion_tokens: 9, total_tokens: 25 },
    });
  });

  it('turns tool_use blocks into tool_calls with JSON-string arguments', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('tool-use.json')));
    const completion = await createAnthropicAdapter().complete(request, callWith(fetch));
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBe("I'll check the weather in San Francisco.");
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'toolu_01A09q90qw90lq917835lq9',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA","unit":"celsius"}' },
      },
    ]);
  });

  it('gives null content when the answer is only a tool call', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        stop_reason: 'tool_use',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_time', input: {} }],
        usage: { input_tokens: 5, output_tokens: 3 },
      }),
    );
    const completion = await createAnthropicAdapter().complete(request, callWith(fetch));
    expect(completion.choices[0]?.message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_time', arguments: '{}' } }],
    });
  });

  it('classifies an error answer, with the retry-after it was given', async () => {
    const fetch = createFakeFetch(
      () => new Response(fixture('rate-limit.error.json'), { status: 429, headers: { 'retry-after': '30' } }),
    );
    await expect(createAnthropicAdapter().complete(request, callWith(fetch))).rejects.toMatchObject({
      status: 429,
      kind: 'rate_limit',
      provider: 'anthropic',
      retryAfterMs: 30_000,
    });
  });

  it('never puts the key in an error message', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('invalid-key.error.json'), { status: 401 }));
    const error: unknown = await createAnthropicAdapter()
      .complete(request, callWith(fetch))
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(JSON.stringify(error)).not.toContain('sk-ant');
    expect(String((error as Error).message)).not.toContain('sk-ant');
  });

  it.each([
    ['garbage', 'not JSON'],
    ['{"hello":"world"}', 'not a message'],
  ])('turns a 200 body %s into a classified server error', async (body, message) => {
    const fetch = createFakeFetch(() => new Response(body));
    const failure = createAnthropicAdapter().complete(request, callWith(fetch));
    await expect(failure).rejects.toMatchObject({ status: 502, kind: 'server', code: 'upstream_malformed' });
    await expect(failure).rejects.toThrow(message);
  });

  it('refuses an image it cannot send before calling Anthropic', async () => {
    const fetch = createFakeFetch(() => new Response(fixture('text.json')));
    const withImage: ChatCompletionRequest = {
      ...request,
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/cat.png' } }] }],
    };
    await expect(createAnthropicAdapter().complete(withImage, callWith(fetch))).rejects.toMatchObject({
      status: 400,
    });
    expect(fetch.calls).toHaveLength(0);
  });
});
