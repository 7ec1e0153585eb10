/**
 * @module Anthropic message → OpenAI chat completion: text blocks joined into `content`,
 * `tool_use` blocks into `tool_calls` (arguments as a JSON string), usage renamed. Other block
 * types (thinking, server tools) have no OpenAI place and are left out.
 * @see https://docs.anthropic.com/en/api/messages
 */
import type { ChatCompletion, ToolCall, Usage } from '../../openai/chat';
import { buildCompletion } from '../openai-completion';
import type { ResponseContext } from '../types';
import type { AnthropicMessageResponse, AnthropicUsage } from './anthropic-api';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason';

/** Anthropic counts cached prompt tokens apart from `input_tokens`; OpenAI's prompt_tokens include them. */
export function convertAnthropicUsage(usage: AnthropicUsage | null | undefined): Usage {
  const prompt =
    (usage?.input_tokens ?? 0) +
    (usage?.cache_creation_input_tokens ?? 0) +
    (usage?.cache_read_input_tokens ?? 0);
  const completion = usage?.output_tokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function mapAnthropicResponse(
  message: AnthropicMessageResponse,
  context: ResponseContext,
): ChatCompletion {
  const text = message.content
    .flatMap((block) => (block.type === 'text' && block.text ? [block.text] : []))
    .join('');
  const toolCalls = message.content.flatMap((block): ToolCall[] =>
    block.type === 'tool_use' && block.id && block.name
      ? [
          {
            id: block.id,
            type: 'function',
            function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
          },
        ]
      : [],
  );
  return buildCompletion({
    id: message.id,
    model: message.model ?? context.model,
    now: context.now,
    text,
    toolCalls,
    finishReason: mapAnthropicFinishReason(message.stop_reason),
    usage: convertAnthropicUsage(message.usage),
  });
}
