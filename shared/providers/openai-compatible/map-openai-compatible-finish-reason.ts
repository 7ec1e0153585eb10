/**
 * @module A compatible provider's `finish_reason` → one of OpenAI's five. Hosts invent their own
 * (`eos`, `eos_token`, `end_turn`, …): an unknown reason means the turn ended, with tool calls
 * if the answer made some, as vercel/ai's openai-compatible provider reads them too.
 */
import type { FinishReason } from '../../openai/chat';

const OPENAI_REASONS: ReadonlySet<string> = new Set<FinishReason>([
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'function_call',
]);

export function mapOpenAICompatibleFinishReason(reason: string, madeToolCalls: boolean): FinishReason {
  if (OPENAI_REASONS.has(reason)) return reason as FinishReason;
  return madeToolCalls ? 'tool_calls' : 'stop';
}
