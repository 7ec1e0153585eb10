/**
 * @module Gemini's `finishReason` → OpenAI's `finish_reason`. `STOP` becomes `tool_calls` when the
 * answer called a function (Gemini says STOP either way); a failed function call is `error`,
 * which the adapter turns into a classified upstream error rather than a silent stop.
 * @see https://ai.google.dev/api/generate-content#FinishReason
 */
import type { FinishReason } from '../../openai/chat';

export function mapGeminiFinishReason(finishReason: string, hasToolCalls: boolean): FinishReason | 'error' {
  switch (finishReason) {
    case 'STOP':
      return hasToolCalls ? 'tool_calls' : 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
      return 'content_filter';
    case 'MALFORMED_FUNCTION_CALL':
    case 'UNEXPECTED_TOOL_CALL':
      return 'error';
    default:
      // OTHER, LANGUAGE, FINISH_REASON_UNSPECIFIED and reasons Google adds later.
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}
