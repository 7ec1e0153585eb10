import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { convertToGeminiRequest } from './convert-to-gemini-request';

const base: ChatCompletionRequest = { model: 'auto', messages: [{ role: 'user', content: 'Hi' }] };
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: { location: { type: ['string', 'null'] }, unit: { const: 'c' } },
      required: ['location'],
    },
  },
};

describe('convertToGeminiRequest', () => {
  it('maps sampling settings into generationConfig', () => {
    const body = convertToGeminiRequest(
      {
        ...base,
        max_tokens: 50,
        max_completion_tokens: 80,
        temperature: 0.2,
        top_p: 0.9,
        stop: 'END',
        seed: 7,
      },
      { model: 'gemini-2.5-flash', stream: false },
    );
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 80,
      temperature: 0.2,
      topP: 0.9,
      stopSequences: ['END'],
      seed: 7,
    });
  });

  it('declares tools in the OpenAPI subset Gemini accepts', () => {
    const body = convertToGeminiRequest(
      {
        ...base,
        tools: [
          weatherTool,
          { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } },
        ],
      },
      { model: 'gemini-2.5-flash', stream: false },
    );
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: {
              type: 'object',
              properties: { location: { type: 'string', nullable: true }, unit: { enum: ['c'] } },
              required: ['location'],
            },
          },
          { name: 'now' },
        ],
      },
    ]);
    expect(body).not.toHaveProperty('toolConfig');
  });

  it.each([
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
    [
      { type: 'function', function: { name: 'get_weather' } },
      { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    ],
  ] as const)('maps tool_choice %j to functionCallingConfig', (choice, config) => {
    expect(
      convertToGeminiRequest(
        { ...base, tools: [weatherTool], tool_choice: choice },
        { model: 'gemini-2.5-flash', stream: false },
      ).toolConfig,
    ).toEqual({ functionCallingConfig: config });
  });

  it('asks for JSON, with a schema for json_schema', () => {
    expect(
      convertToGeminiRequest(
        { ...base, response_format: { type: 'json_object' } },
        { model: 'm', stream: false },
      ).generationConfig,
    ).toEqual({ responseMimeType: 'application/json' });
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: { answer: { type: 'integer' } },
      required: ['answer'],
    };
    expect(
      convertToGeminiRequest(
        {
          ...base,
          response_format: { type: 'json_schema', json_schema: { name: 'a', strict: true, schema } },
        },
        { model: 'm', stream: false },
      ).generationConfig,
    ).toEqual({
      responseMimeType: 'application/json',
      responseSchema: { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'] },
    });
  });
});
