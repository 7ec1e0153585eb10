import { describe, expect, it } from 'vitest';
import { listProviderModels } from '../../shared/providers/list-provider-models';
import { findPreset } from '../../shared/catalog/provider-presets';
import { createCohereAdapter } from '../../shared/providers/cohere/cohere-adapter';
import { collect, withChoices } from '../../shared/testing/fake-fetch';
import { startCohereMock } from './cohere-mock';
import { mockEmbedding } from './mock-server';
import { chatRequest, streamedText, useMockProvider } from './mock-test-kit';

const kit = useMockProvider(startCohereMock, {
  model: 'command-mock',
  providerId: 'cohere',
  providerName: 'Cohere',
});
const { call } = kit;
const adapter = createCohereAdapter();

describe('Cohere mock through the Cohere adapter', () => {
  it('echoes the last user message as a completion, and records the call', async () => {
    const completion = await adapter.complete(chatRequest('hello there'), call());
    expect(completion.choices[0]).toMatchObject({
      message: { role: 'assistant', content: 'Echo: hello there' },
      finish_reason: 'stop',
    });
    expect(completion.usage).toEqual({ prompt_tokens: 102, completion_tokens: 3, total_tokens: 105 });
    expect(kit.mock.calls).toHaveLength(1);
    expect(kit.mock.calls[0]).toMatchObject({
      path: '/v2/chat',
      authorization: 'Bearer mock-key-1',
      completed: true,
      body: {
        model: 'command-mock',
        stream: false,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'hello there' },
        ],
      },
    });
  });

  it('lists its chat models beside its base URL, to which the list request and its key go', async () => {
    const { fetch, baseURL, apiKey, now } = call();
    const listing = await listProviderModels(findPreset('cohere')!, { fetch, baseURL, apiKey, now });
    expect(listing).toMatchObject({ live: true, models: [{ id: 'command-mock', context_window: 128000 }] });
    expect(kit.mock.reads).toMatchObject([
      { path: '/v1/models?endpoint=chat', authorization: `Bearer ${apiKey}` },
    ]);
  });

  it('streams the echo, with usage when asked', async () => {
    const chunks = await collect(
      await adapter.stream(
        chatRequest('hello world', { stream: true, stream_options: { include_usage: true } }),
        call(),
      ),
    );
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(streamedText(chunks)).toBe('Echo: hello world');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 102, completion_tokens: 3, total_tokens: 105 },
    });
  });

  it('answers a forced tool choice with a tool call, streamed or not', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'shout', parameters: { type: 'object', properties: { text: { type: 'string' } } } },
      },
    ];
    const completion = await adapter.complete(chatRequest('hi', { tools, tool_choice: 'required' }), call());
    expect(completion.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [
          {
            id: expect.stringMatching(/^shout_mock\d+$/),
            function: { name: 'shout', arguments: '{"text":"hi"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    });
    const chunks = withChoices(
      await collect(
        await adapter.stream(chatRequest('hi', { stream: true, tools, tool_choice: 'required' }), call()),
      ),
    );
    const id = chunks[1]?.choices[0]?.delta.tool_calls?.[0]?.id;
    expect(id).toMatch(/^shout_mock\d+$/);
    expect(chunks.slice(1, 3).map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { tool_calls: [{ index: 0, id, type: 'function', function: { name: 'shout', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"text":"hi"}' } }] },
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it.each([
    ['mock-invalid-1', { status: 401, kind: 'auth' }],
    ['mock-limited-1', { status: 429, kind: 'rate_limit' }],
  ])('classifies what key %s gets', async (key, expected) => {
    await expect(adapter.complete(chatRequest('hi'), call(key))).rejects.toMatchObject({
      provider: 'cohere',
      ...expected,
    });
    await expect(adapter.stream(chatRequest('hi', { stream: true }), call(key))).rejects.toMatchObject(
      expected,
    );
  });

  it('stops sending when the caller aborts mid-stream', async () => {
    await kit.abortAtFirstWord(adapter);
    await expect.poll(() => kit.mock.calls[0]?.aborted).toBe(true);
  });

  it('embeds a batch with /v2/embed as documents, float vectors in order, billed tokens as usage', async () => {
    const embedded = await adapter.embed!({ texts: ['ab', 'c'] }, { ...call(), model: 'embed-v4.0' });
    expect(embedded).toEqual({ vectors: [mockEmbedding('ab'), mockEmbedding('c')], promptTokens: 2 });
    expect(kit.mock.calls[0]).toMatchObject({
      path: '/v2/embed',
      body: {
        model: 'embed-v4.0',
        texts: ['ab', 'c'],
        input_type: 'search_document',
        embedding_types: ['float'],
      },
    });
    await expect(adapter.embed!({ texts: ['a'] }, call('mock-limited-1'))).rejects.toMatchObject({
      kind: 'rate_limit',
    });
  });
});
