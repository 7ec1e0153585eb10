import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatCompletionChunkSchema, type ChatCompletion } from '../openai/chat';
import { assembleCompletion, replayAsChunks } from './completion-chunks';

const fixture = (name: string) =>
  readFileSync(new URL(`../providers/openai-compatible/__fixtures__/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => chatCompletionChunkSchema.parse(JSON.parse(line)));

const base = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'llama-3.3-70b-versatile',
} as const;
const text: ChatCompletion = {
  id: base.id,
  object: 'chat.completion',
  created: base.created,
  model: base.model,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
};
const toolCall: ChatCompletion = {
  ...text,
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_a',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
          },
          { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
  ],
};

describe('replayAsChunks', () => {
  it('replays text as role, content and finish chunks, without usage unless asked', () => {
    expect(replayAsChunks(text, { includeUsage: false })).toEqual([
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { content: 'Hello there' }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    ]);
  });

  it('ends with a usage chunk with empty choices when include_usage was asked', () => {
    const chunks = replayAsChunks(text, { includeUsage: true });
    expect(chunks).toHaveLength(4);
    expect(chunks.at(-1)).toEqual({
      ...base,
      choices: [],
      usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
    });
  });

  it('replays tool calls as a start (id, name, empty arguments) and their arguments', () => {
    expect(replayAsChunks(toolCall, { includeUsage: false })).toEqual([
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'call_a',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '' },
                },
              ],
            },
            finish_reason: null,
          },
        ],
      },
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: '{"location":"Paris"}' } }] },
            finish_reason: null,
          },
        ],
      },
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } },
              ],
            },
            finish_reason: null,
          },
        ],
      },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    ]);
  });

  it('gives every chunk the index of its choice when there are several', () => {
    const two = { ...text, choices: [text.choices[0]!, { ...text.choices[0]!, index: 1 }] };
    expect(replayAsChunks(two, { includeUsage: false }).map((chunk) => chunk.choices[0]?.index)).toEqual([
      0, 0, 0, 1, 1, 1,
    ]);
  });
});

describe('assembleCompletion', () => {
  it('assembles a streamed text answer with its usage', () => {
    expect(assembleCompletion(fixture('text.chunks.txt'))).toEqual({
      id: 'chatcmpl-abc124',
      object: 'chat.completion',
      created: 1764000000,
      model: 'llama-3.3-70b-versatile',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
    });
  });

  it('assembles streamed tool-call fragments, content null as openai-node does', () => {
    expect(assembleCompletion(fixture('tool-call.chunks.txt')).choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_abc',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
            },
          ],
        },
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('gives back the same completion it was replayed from', () => {
    for (const completion of [text, toolCall])
      expect(assembleCompletion(replayAsChunks(completion, { includeUsage: true }))).toEqual(completion);
  });

  it('leaves finish_reason null when the stream never finished', () => {
    expect(assembleCompletion(fixture('text.chunks.txt').slice(0, 2)).choices[0]?.finish_reason).toBeNull();
  });
});
