/**
 * @module Cohere's `finish_reason` → OpenAI's. `ERROR` and `TIMEOUT` mean the generation failed,
 * so they map to `error`, which the adapter raises as a classified upstream error.
 * @see https://docs.cohere.com/reference/chat#response.body.finish_reason
 */
import type { FinishReason } from '../../openai/chat';

export function mapCohereFinishReason(finishReason: string, hasToolCalls: boolean): FinishReason | 'error' {
  switch (finishReason) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return hasToolCalls ? 'tool_calls' : 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'ERROR':
    case 'TIMEOUT':
      return 'error';
    default:
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}
