import { describe, expect, it } from 'vitest';
import { createGeminiAdapter } from '../../shared/providers/gemini/gemini-adapter';
import { collect, withChoices } from '../../shared/testing/fake-fetch';
import { startGeminiMock } from './gemini-mock';
import { mockEmbedding } from './mock-server';
import { chatRequest, streamedText, useMockProvider } from './mock-test-kit';

const kit = useMockProvider(startGeminiMock, {
  model: 'gemini-mock',
  providerId: 'gemini',
  providerName: 'Google Gemini',
});
const { call } = kit;
const adapter = createGeminiAdapter();

describe('Gemini mock through the Gemini adapter', () => {
  it('echoes the last user message as a completion, and records the call with the key in a header', async () => {
    const completion = await adapter.complete(chatRequest('hello there'), call());
    expect(completion.choices[0]).toMatchObject({
      message: { role: 'assistant', content: 'Echo: hello there' },
      finish_reason: 'stop',
    });
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    expect(kit.mock.calls).toHaveLength(1);
    expect(kit.mock.calls[0]).toMatchObject({
      path: '/v1beta/models/gemini-mock:generateContent',
      apiKey: 'mock-key-1',
      completed: true,
      body: {
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        contents: [{ role: 'user', parts: [{ text: 'hello there' }] }],
      },
    });
  });

  it('streams the echo over SSE that ends at EOF, with usage when asked', async () => {
    const chunks = await collect(
      await adapter.stream(
        chatRequest('hello world', { stream: true, stream_options: { include_usage: true } }),
        call(),
      ),
    );
    expect(kit.mock.calls[0]?.path).toBe('/v1beta/models/gemini-mock:streamGenerateContent?alt=sse');
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(streamedText(chunks)).toBe('Echo: hello world');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
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
        tool_calls: [{ type: 'function', function: { name: 'shout', arguments: '{"text":"hi"}' } }],
      },
      finish_reason: 'tool_calls',
    });
    const chunks = withChoices(
      await collect(
        await adapter.stream(chatRequest('hi', { stream: true, tools, tool_choice: 'required' }), call()),
      ),
    );
    expect(chunks[1]?.choices[0]?.delta.tool_calls?.[0]).toMatchObject({
      index: 0,
      id: expect.stringMatching(/^call_/),
      function: { name: 'shout', arguments: '' },
    });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it.each([
    // Gemini answers a bad key with 400 API_KEY_INVALID; callers get OpenAI's 401.
    [
      'mock-invalid-1',
      { status: 401, kind: 'auth', code: 'API_KEY_INVALID', message: expect.stringContaining('HTTP 400') },
    ],
    ['mock-limited-1', { status: 429, kind: 'rate_limit', retryAfterMs: 20_000 }],
  ])('classifies what key %s gets', async (key, expected) => {
    await expect(adapter.complete(chatRequest('hi'), call(key))).rejects.toMatchObject({
      provider: 'gemini',
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

  it('embeds a batch with batchEmbedContents, one vector per text in order, shortened when asked', async () => {
    const embedded = await adapter.embed!({ texts: ['ab', 'c'], dimensions: 768 }, call());
    expect(embedded).toEqual({ vectors: [mockEmbedding('ab'), mockEmbedding('c')] });
    expect(kit.mock.calls[0]).toMatchObject({
      path: '/v1beta/models/gemini-mock:batchEmbedContents',
      body: {
        requests: [
          { model: 'models/gemini-mock', content: { parts: [{ text: 'ab' }] }, outputDimensionality: 768 },
          { model: 'models/gemini-mock', content: { parts: [{ text: 'c' }] }, outputDimensionality: 768 },
        ],
      },
    });
    await expect(adapter.embed!({ texts: ['a'] }, call('mock-limited-1'))).rejects.toMatchObject({
      kind: 'rate_limit',
    });
  });
});
