import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../openai/chat';
import { convertToGeminiContents } from './convert-to-gemini-contents';

const toolTurn: ChatCompletionRequest['messages'] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Weather and time in Paris?' },
  {
    role: 'assistant',
    content: null,
    tool_calls: [
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
      },
      { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":21}' },
  { role: 'tool', tool_call_id: 'call_2', content: '14:05' },
];

describe('convertToGeminiContents', () => {
  it('moves system text to systemInstruction and tool results into one user turn, matched by name', () => {
    expect(convertToGeminiContents(toolTurn, 'gemini-2.5-flash')).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Weather and time in Paris?' }] },
        {
          role: 'model',
          parts: [
            { functionCall: { name: 'get_weather', args: { location: 'Paris' } } },
            { functionCall: { name: 'get_time', args: {} } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_weather', response: { content: { celsius: 21 } } } },
            { functionResponse: { name: 'get_time', response: { content: '14:05' } } },
          ],
        },
      ],
    });
  });

  it('replays Gemini 3 function calls with the documented skip-signature sentinel on the first call', () => {
    const { contents } = convertToGeminiContents(toolTurn, 'gemini-3-pro-preview');
    expect(contents[1]?.parts[0]).toMatchObject({ thoughtSignature: 'skip_thought_signature_validator' });
    expect(contents[1]?.parts[1]).not.toHaveProperty('thoughtSignature');
  });

  it('gives Gemma models the system text as the first user text, since they reject systemInstruction', () => {
    const result = convertToGeminiContents(
      [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      'gemma-3-27b-it',
    );
    expect(result).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Be brief.\n\n' }, { text: 'Hi' }] }],
    });
  });

  it('sends data: URLs inline and lets Gemini fetch http(s) URLs itself', () => {
    const { contents } = convertToGeminiContents(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.webp?size=2' } },
          ],
        },
      ],
      'gemini-2.5-flash',
    );
    expect(contents[0]?.parts).toEqual([
      { text: 'Compare' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { fileData: { mimeType: 'image/webp', fileUri: 'https://example.com/cat.webp?size=2' } },
    ]);
  });

  it('refuses, with a 400, tool results for unknown calls, bad arguments and unusable image URLs', () => {
    expect(() =>
      convertToGeminiContents([{ role: 'tool', tool_call_id: 'call_x', content: 'hi' }], 'gemini-2.5-flash'),
    ).toThrow(expect.objectContaining({ status: 400, param: 'messages[0].tool_call_id' }));
    expect(() =>
      convertToGeminiContents(
        [
          {
            role: 'assistant',
            tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: '[1]' } }],
          },
        ],
        'gemini-2.5-flash',
      ),
    ).toThrow(expect.objectContaining({ status: 400 }));
    expect(() =>
      convertToGeminiContents(
        [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }] }],
        'gemini-2.5-flash',
      ),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });
});
