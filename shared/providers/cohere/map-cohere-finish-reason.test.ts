import { describe, expect, it } from 'vitest';
import { mapCohereFinishReason } from './map-cohere-finish-reason';

describe('mapCohereFinishReason', () => {
  it.each([
    ['COMPLETE', false, 'stop'],
    ['STOP_SEQUENCE', false, 'stop'],
    ['MAX_TOKENS', false, 'length'],
    ['TOOL_CALL', true, 'tool_calls'],
    ['ERROR', false, 'error'],
    ['TIMEOUT', false, 'error'],
    ['SOMETHING_NEW', false, 'stop'],
  ] as const)('%s (tool calls: %s) is %s', (reason, hasToolCalls, expected) => {
    expect(mapCohereFinishReason(reason, hasToolCalls)).toBe(expected);
  });
});
