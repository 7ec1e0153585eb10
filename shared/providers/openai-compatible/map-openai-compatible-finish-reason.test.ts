import { describe, expect, it } from 'vitest';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason';

describe('mapOpenAICompatibleFinishReason', () => {
  it.each(['stop', 'length', 'tool_calls', 'content_filter', 'function_call'] as const)(
    "keeps OpenAI's own %s",
    (reason) => {
      expect(mapOpenAICompatibleFinishReason(reason, false)).toBe(reason);
    },
  );

  it("reads a reason of the host's own as the end of the turn", () => {
    expect(mapOpenAICompatibleFinishReason('eos', false)).toBe('stop');
  });

  it("reads a reason of the host's own after tool calls as a tool-call finish", () => {
    expect(mapOpenAICompatibleFinishReason('eos', true)).toBe('tool_calls');
  });
});
