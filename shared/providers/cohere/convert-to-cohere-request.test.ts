import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { convertToCohereRequest } from './convert-to-cohere-request';

const base: ChatCompletionRequest = { model: 'auto', messages: [{ role: 'user', content: 'Hi' }] };
const tool = (name: string) => ({
  type: 'function' as const,
  function: {
    name,
    description: `Does ${name}`,
    parameters: {
      $schema: 'x',
      type: 'object',
      additionalProperties: false,
      properties: { city: { type: 'string' } },
    },
  },
});

describe('convertToCohereRequest', () => {
  it('keeps roles, turns assistant text beside tool calls into tool_plan, and sends tool results by id', () => {
    const body = convertToCohereRequest(
      {
        ...base,
        messages: [
          { role: 'developer', content: 'Be brief.' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather' },
              { type: 'text', text: ' in Paris?' },
            ],
          },
          {
            role: 'assistant',
            content: 'Let me check.',
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '21°C' },
          { role: 'assistant', content: 'It is 21°C.' },
        ],
      },
      { model: 'command-a-03-2025', stream: false },
    );
    expect(body).toEqual({
      model: 'command-a-03-2025',
      stream: false,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          tool_plan: 'Let me check.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '21°C' },
        { role: 'assistant', content: 'It is 21°C.' },
      ],
    });
  });

  it('passes images as image_url parts', () => {
    const body = convertToCohereRequest(
      {
        ...base,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBO', detail: 'low' } },
            ],
          },
        ],
      },
      { model: 'command-a-vision-07-2025', stream: false },
    );
    expect(body.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBO', detail: 'low' } },
      ],
    });
  });

  it('maps sampling settings to Cohere names', () => {
    const body = convertToCohereRequest(
      {
        ...base,
        max_tokens: 100,
        temperature: 0.3,
        top_p: 0.8,
        stop: ['END'],
        seed: 3,
        frequency_penalty: 0.1,
        presence_penalty: 0.2,
      },
      { model: 'm', stream: true },
    );
    expect(body).toMatchObject({
      stream: true,
      max_tokens: 100,
      temperature: 0.3,
      p: 0.8,
      stop_sequences: ['END'],
      seed: 3,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
    });
    expect(body).not.toHaveProperty('top_p');
  });

  it('strips $schema and additionalProperties from tools and maps tool_choice', () => {
    const body = convertToCohereRequest(
      { ...base, tools: [tool('a'), tool('b')], tool_choice: 'required' },
      { model: 'm', stream: false },
    );
    expect(body.tools?.[0]).toEqual({
      type: 'function',
      function: {
        name: 'a',
        description: 'Does a',
        parameters: { type: 'object', properties: { city: { type: 'string' } } },
      },
    });
    expect(body.tool_choice).toBe('REQUIRED');
    expect(
      convertToCohereRequest(
        { ...base, tools: [tool('a')], tool_choice: 'none' },
        { model: 'm', stream: false },
      ).tool_choice,
    ).toBe('NONE');
    expect(
      convertToCohereRequest(
        { ...base, tools: [tool('a')], tool_choice: 'auto' },
        { model: 'm', stream: false },
      ),
    ).not.toHaveProperty('tool_choice');
    const named = convertToCohereRequest(
      { ...base, tools: [tool('a'), tool('b')], tool_choice: { type: 'function', function: { name: 'b' } } },
      { model: 'm', stream: false },
    );
    expect(named.tools?.map((t) => t.function.name)).toEqual(['b']);
    expect(named.tool_choice).toBe('REQUIRED');
  });

  it('maps response_format to Cohere json_object, with the schema for json_schema', () => {
    expect(
      convertToCohereRequest(
        { ...base, response_format: { type: 'json_object' } },
        { model: 'm', stream: false },
      ).response_format,
    ).toEqual({ type: 'json_object' });
    const schema = { type: 'object', additionalProperties: false, properties: { n: { type: 'integer' } } };
    expect(
      convertToCohereRequest(
        { ...base, response_format: { type: 'json_schema', json_schema: { name: 'n', schema } } },
        { model: 'm', stream: false },
      ).response_format,
    ).toEqual({
      type: 'json_object',
      json_schema: { type: 'object', properties: { n: { type: 'integer' } } },
    });
    expect(
      convertToCohereRequest({ ...base, response_format: { type: 'text' } }, { model: 'm', stream: false }),
    ).not.toHaveProperty('response_format');
  });
});
