import { describe, expect, it } from 'vitest';
import { createAnthropicAdapter } from '../../shared/providers/anthropic/anthropic-adapter';
import { collect, withChoices } from '../../shared/testing/fake-fetch';
import { startAnthropicMock } from './anthropic-mock';
import { chatRequest, streamedText, useMockProvider } from './mock-test-kit';

const kit = useMockProvider(startAnthropicMock, {
  model: 'claude-mock',
  providerId: 'anthropic',
  providerName: 'Anthropic',
});
const { call } = kit;
const adapter = createAnthropicAdapter();

describe('Anthropic mock through the Anthropic adapter', () => {
  it('echoes the last user message as a completion, and records the call', async () => {
    const completion = await adapter.complete(chatRequest('hello there'), call());
    expect(completion.choices[0]).toMatchObject({
      message: { role: 'assistant', content: 'Echo: hello there' },
      finish_reason: 'stop',
    });
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    expect(kit.mock.calls).toHaveLength(1);
    expect(kit.mock.calls[0]).toMatchObject({
      path: '/v1/messages',
      apiKey: 'mock-key-1',
      anthropicVersion: '2023-06-01',
      browserAccess: 'true',
      completed: true,
      body: { model: 'claude-mock', max_tokens: 4096, system: 'Be brief.' },
    });
  });

  it('streams the echo with a usage chunk when asked', async () => {
    const chunks = await collect(
      await adapter.stream(
        chatRequest('stream me', { stream: true, stream_options: { include_usage: true } }),
        call(),
      ),
    );
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(streamedText(chunks)).toBe('Echo: stream me');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('answers a forced tool call, streamed and not', async () => {
    const tools = [
      { type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } },
    ];
    const completion = await adapter.complete(
      chatRequest('find cats', { tools, tool_choice: 'required' }),
      call(),
    );
    expect(completion.choices[0]?.message.tool_calls?.[0]?.function).toEqual({
      name: 'lookup',
      arguments: '{"text":"find cats"}',
    });
    const chunks = withChoices(
      await collect(
        await adapter.stream(
          chatRequest('find dogs', {
            tools,
            tool_choice: { type: 'function', function: { name: 'lookup' } },
            stream: true,
          }),
          call(),
        ),
      ),
    );
    const fragments = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(fragments[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'lookup', arguments: '' },
    });
    expect(JSON.parse(fragments.map((fragment) => fragment.function?.arguments ?? '').join(''))).toEqual({
      text: 'find dogs',
    });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it.each([
    ['mock-invalid-1', { status: 401, kind: 'auth' }],
    ['mock-limited-1', { status: 429, kind: 'rate_limit', retryAfterMs: 20_000 }],
    ['mock-overloaded-1', { status: 529, kind: 'overloaded' }],
  ])('classifies what key %s gets', async (key, expected) => {
    await expect(adapter.complete(chatRequest('hi'), call(key))).rejects.toMatchObject({
      provider: 'anthropic',
      ...expected,
    });
    await expect(adapter.stream(chatRequest('hi', { stream: true }), call(key))).rejects.toMatchObject(
      expected,
    );
  });

  it('turns an error event in a 200 stream into an overloaded error', async () => {
    const chunks = await adapter.stream(
      chatRequest('hello world', { stream: true }),
      call('mock-midstream-1'),
    );
    await expect(collect(chunks)).rejects.toMatchObject({ kind: 'overloaded', status: 529 });
  });
});
