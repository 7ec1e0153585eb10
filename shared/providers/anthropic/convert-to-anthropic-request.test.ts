import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { convertToAnthropicRequest, DEFAULT_MAX_TOKENS } from './convert-to-anthropic-request';

const MODEL = 'claude-sonnet-4-5';
const convert = (request: Partial<ChatCompletionRequest>) =>
  convertToAnthropicRequest(
    { model: 'auto', messages: [{ role: 'user', content: 'Hi' }], ...request },
    { model: MODEL, stream: false },
  );

describe('convertToAnthropicRequest', () => {
  it('moves system and developer messages to the top-level system and defaults max_tokens', () => {
    const body = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(body).toEqual({
      model: MODEL,
      max_tokens: DEFAULT_MAX_TOKENS,
      system: 'Be brief.\n\nAnswer in French.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
  });

  it('takes max_tokens, then max_completion_tokens', () => {
    expect(convert({ max_tokens: 100, max_completion_tokens: 200 }).max_tokens).toBe(100);
    expect(convert({ max_completion_tokens: 200 }).max_tokens).toBe(200);
  });

  it('maps sampling options: temperature clamped to 1, top_p, stop, user', () => {
    const body = convert({
      temperature: 1.6,
      top_p: 0.9,
      stop: 'END',
      user: 'user-7',
      seed: 3,
      n: 1,
      presence_penalty: 0.5,
    });
    expect(body).toMatchObject({
      temperature: 1,
      top_p: 0.9,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-7' },
    });
    expect(body).not.toHaveProperty('seed');
    expect(body).not.toHaveProperty('presence_penalty');
    expect(convert({ temperature: 0.3, stop: ['a', 'b'] })).toMatchObject({
      temperature: 0.3,
      stop_sequences: ['a', 'b'],
    });
  });

  it('turns a tool round trip into tool_use and one user turn of tool_result blocks', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'Weather and time in Paris?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            {
              id: 'toolu_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            { id: 'toolu_2', type: 'function', function: { name: 'get_time', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '18°C' },
        { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: '14:00' }] },
        { role: 'user', content: 'Thanks!' },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather and time in Paris?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_time', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: '14:00' },
          { type: 'text', text: 'Thanks!' },
        ],
      },
    ]);
  });

  it('sends {} for tool arguments that are not a JSON object', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{oops' } }],
        },
      ],
    });
    expect(body.messages[1]?.content).toEqual([{ type: 'tool_use', id: 't', name: 'f', input: {} }]);
  });

  it('maps tools and every tool_choice', () => {
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          description: 'Weather by city',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
      { type: 'function' as const, function: { name: 'get_time' } },
    ];
    expect(convert({ tools }).tools).toEqual([
      {
        name: 'get_weather',
        description: 'Weather by city',
        input_schema: { type: 'object', properties: { city: { type: 'string' } } },
      },
      { name: 'get_time', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(convert({ tools }).tool_choice).toBeUndefined();
    expect(convert({ tools, tool_choice: 'auto' }).tool_choice).toEqual({ type: 'auto' });
    expect(convert({ tools, tool_choice: 'none' }).tool_choice).toEqual({ type: 'none' });
    expect(convert({ tools, tool_choice: 'required' }).tool_choice).toEqual({ type: 'any' });
    expect(
      convert({ tools, tool_choice: { type: 'function', function: { name: 'get_time' } } }).tool_choice,
    ).toEqual({ type: 'tool', name: 'get_time' });
    expect(convert({ tools, parallel_tool_calls: false }).tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(convert({ tool_choice: 'required' })).not.toHaveProperty('tool_choice');
  });

  it('sends data: image URLs as base64 and http(s) URLs as url sources', () => {
    const body = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'high' } },
          ],
        },
      ],
    });
    expect(body.messages[0]?.content).toEqual([
      { type: 'text', text: 'Compare' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it('refuses an image URL Anthropic cannot fetch, with a 400', () => {
    const request = {
      messages: [
        {
          role: 'user' as const,
          content: [{ type: 'image_url' as const, image_url: { url: 'file:///etc/passwd' } }],
        },
      ],
    };
    expect(() => convert(request)).toThrow(
      expect.objectContaining({ status: 400, type: 'invalid_request_error', param: 'messages' }),
    );
  });

  it('merges consecutive same-role messages and drops empty ones, so roles alternate', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'One' },
        { role: 'user', content: 'Two' },
        { role: 'assistant', content: '' },
        { role: 'user', content: 'Three' },
        { role: 'assistant', content: 'Sure, ' },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'One' },
          { type: 'text', text: 'Two' },
          { type: 'text', text: 'Three' },
        ],
      },
      // A final assistant turn is a prefill; Anthropic rejects trailing whitespace there.
      { role: 'assistant', content: [{ type: 'text', text: 'Sure,' }] },
    ]);
  });

  it('refuses a request with only system messages', () => {
    expect(() => convert({ messages: [{ role: 'system', content: 'Be brief.' }] })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('asks for JSON in the system prompt, since Anthropic has no JSON mode', () => {
    expect(convert({ response_format: { type: 'json_object' } }).system).toMatch(/single valid JSON object/);
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    const body = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'reply', schema } },
    });
    expect(body.system).toMatch(
      /^Be brief\.\n\nRespond with a single valid JSON value that matches this JSON Schema/,
    );
    expect(body.system).toContain(JSON.stringify(schema));
    expect(convert({ response_format: { type: 'text' } })).not.toHaveProperty('system');
  });
});
