import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatCompletionChunk, ChatCompletionRequest } from '../../shared/openai/chat';
import { createAnthropicAdapter } from '../../shared/providers/anthropic/anthropic-adapter';
import type { AdapterCall } from '../../shared/providers/types';
import { collect } from '../../shared/testing/fake-fetch';
import { startAnthropicMock, type AnthropicMock } from './anthropic-mock';

let mock: AnthropicMock;
beforeAll(async () => {
  mock = await startAnthropicMock();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const adapter = createAnthropicAdapter();
const request = (text: string, extra: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'auto',
  messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: text }],
  ...extra,
});
// The real global fetch, against 127.0.0.1 only.
const call = (apiKey = 'mock-key-1'): AdapterCall => ({
  fetch: (input, init) => fetch(input, init),
  baseURL: mock.baseURL,
  apiKey,
  model: 'claude-mock',
  providerId: 'anthropic',
  now: () => 1_764_000_000_000,
});
const text = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

describe('Anthropic mock through the Anthropic adapter', () => {
  it('echoes the last user message as a completion, and records the call', async () => {
    const completion = await adapter.complete(request('hello there'), call());
    expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Echo: hello there' }, finish_reason: 'stop' });
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    expect(mock.calls).toHaveLength(1);
    expect(mock.calls[0]).toMatchObject({
      path: '/v1/messages', apiKey: 'mock-key-1', anthropicVersion: '2023-06-01', browserAccess: 'true', completed: true,
      body: { model: 'claude-mock', max_tokens: 4096, system: 'Be brief.' },
    });
  });

  it('streams the echo with a usage chunk when asked', async () => {
    const chunks = await collect(await adapter.stream(request('stream me', { stream: true, stream_options: { include_usage: true } }), call()));
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(text(chunks)).toBe('Echo: stream me');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('answers a forced tool call, streamed and not', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } }];
    const completion = await adapter.complete(request('find cats', { tools, tool_choice: 'required' }), call());
    expect(completion.choices[0]?.message.tool_calls?.[0]?.function).toEqual({ name: 'lookup', arguments: '{"text":"find cats"}' });
    const chunks = await collect(await adapter.stream(request('find dogs', { tools, tool_choice: { type: 'function', function: { name: 'lookup' } }, stream: true }), call()));
    const fragments = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(fragments[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'lookup', arguments: '' } });
    expect(JSON.parse(fragments.map((fragment) => fragment.function?.arguments ?? '').join(''))).toEqual({ text: 'find dogs' });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it.each([
    ['mock-invalid-1', { status: 401, kind: 'auth' }],
    ['mock-limited-1', { status: 429, kind: 'rate_limit', retryAfterMs: 20_000 }],
    ['mock-overloaded-1', { status: 529, kind: 'overloaded' }],
  ])('classifies what key %s gets', async (key, expected) => {
    await expect(adapter.complete(request('hi'), call(key))).rejects.toMatchObject({ provider: 'anthropic', ...expected });
    await expect(adapter.stream(request('hi', { stream: true }), call(key))).rejects.toMatchObject(expected);
  });

  it('turns an error event in a 200 stream into an overloaded error', async () => {
    const chunks = await adapter.stream(request('hello world', { stream: true }), call('mock-midstream-1'));
    await expect(collect(chunks)).rejects.toMatchObject({ kind: 'overloaded', status: 529 });
  });
});
