import { describe, expect, it } from 'vitest';
import type { RecordedCall } from './record-calls';
import { snippetRequestOf } from './snippet-request-of';

const callWith = (body: object): RecordedCall => ({
  method: 'POST',
  url: 'https://freellm.invalid/v1/chat/completions',
  requestHeaders: [],
  requestBody: JSON.stringify(body),
  chunks: [],
  finished: true,
});

describe('snippetRequestOf', () => {
  it('is the last request: model, messages and settings, without how it was delivered', () => {
    const call = callWith({
      model: 'groq/llama',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0.3,
      max_tokens: 50,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(snippetRequestOf(call, 'auto', [])).toEqual({
      model: 'groq/llama',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0.3,
      max_tokens: 50,
    });
  });

  it('before any call, is the kept conversation up to its last question, failed exchanges left out', () => {
    const turns = [
      { role: 'user' as const, content: 'first' },
      { role: 'assistant' as const, content: 'one' },
      { role: 'user' as const, content: 'lost' },
      { role: 'assistant' as const, content: '', error: 'Rate limited' },
      { role: 'user' as const, content: 'second' },
      { role: 'assistant' as const, content: 'two' },
    ];
    expect(snippetRequestOf(undefined, 'mistral/small', turns)).toEqual({
      model: 'mistral/small',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'one' },
        { role: 'user', content: 'second' },
      ],
    });
  });

  it('with nothing said yet, says hello to the model picked', () => {
    expect(snippetRequestOf(undefined, 'auto', [])).toEqual({
      model: 'auto',
      messages: [{ role: 'user', content: 'Hello!' }],
    });
  });
});
