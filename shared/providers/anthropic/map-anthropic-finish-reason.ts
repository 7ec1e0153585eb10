/**
 * @module Anthropic `stop_reason` → OpenAI `finish_reason`.
 * @see https://docs.anthropic.com/en/api/messages#response-stop-reason
 */
import type { FinishReason } from '../../openai/chat';

export function mapAnthropicFinishReason(stopReason: string | null | undefined): FinishReason {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    // end_turn, stop_sequence, pause_turn, and reasons added later: the turn ended normally.
    default:
      return 'stop';
  }
}
