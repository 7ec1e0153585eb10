import { describe, expect, it } from 'vitest';
import { createChunkNormalizer } from './map-openai-compatible-stream';

const context = {
  providerId: 'gemini-openai',
  providerName: 'Google Gemini',
  model: 'gemini-2.5-flash',
  now: 5_000,
};

describe('createChunkNormalizer', () => {
  it('continues the last tool call with argument pieces that carry neither index nor id', () => {
    const normalize = createChunkNormalizer(context);
    const calls = [
      { id: 'call_a', function: { name: 'get_weather', arguments: '' } },
      { function: { arguments: '{"location":' } },
      { id: 'call_b', function: { name: 'get_time', arguments: '' } },
      { function: { arguments: '{}' } },
    ].map(
      (call) =>
        normalize({ choices: [{ delta: { tool_calls: [call] } }] }).choices[0]?.delta.tool_calls?.[0]?.index,
    );
    expect(calls).toEqual([0, 0, 1, 1]);
  });

  it('continues a tool call whose pieces all repeat its id', () => {
    const normalize = createChunkNormalizer(context);
    const indexes = [
      { id: 'call_a', function: { name: 'get_weather', arguments: '' } },
      { id: 'call_a', function: { arguments: '{}' } },
      { id: 'call_b', function: { name: 'get_time', arguments: '{}' } },
    ].map(
      (call) =>
        normalize({ choices: [{ delta: { tool_calls: [call] } }] }).choices[0]?.delta.tool_calls?.[0]?.index,
    );
    expect(indexes).toEqual([0, 0, 1]);
  });

  it("reads a finish reason of the host's own after tool calls as a tool-call finish", () => {
    const normalize = createChunkNormalizer(context);
    normalize({
      choices: [
        { delta: { tool_calls: [{ id: 'call_a', function: { name: 'get_weather', arguments: '{}' } }] } },
      ],
    });
    expect(normalize({ choices: [{ delta: {}, finish_reason: 'eos' }] }).choices[0]?.finish_reason).toBe(
      'tool_calls',
    );
  });
});
