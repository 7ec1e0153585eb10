/**
 * @module The engine's answer (an OpenAI chat completion) → an Anthropic message: text and
 * `tool_use` blocks, `stop_reason`, usage, and errors in Anthropic's shape
 * (`{type:"error", error:{type, message}}`, the type following the HTTP status as Anthropic's own).
 * @see https://docs.anthropic.com/en/api/messages
 * @see https://docs.anthropic.com/en/api/errors
 */
import type { ChatCompletion, FinishReason, Usage } from '../../openai/chat';
import type { OpenAIErrorBody } from '../../openai/error';
import { parseArguments } from '../../providers/anthropic/convert-to-anthropic-request';

export type StopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';

export function stopReasonOf(finish: FinishReason | null | undefined): StopReason {
  switch (finish) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

export const messagesUsageOf = (usage: Usage | null | undefined, estimatedInput: number) => ({
  input_tokens: usage?.prompt_tokens ?? estimatedInput,
  output_tokens: usage?.completion_tokens ?? 0,
});

/** Anthropic ids start with `msg_`; FreeLLM's request id is unique enough to stand in. */
export const messageIdOf = (requestId: string | undefined) =>
  `msg_${(requestId ?? '').replace(/^req_/, '') || 'freellm'}`;

export function messageOf(completion: ChatCompletion, id: string, estimatedInput: number) {
  const choice = completion.choices[0];
  const text = choice?.message.content ?? '';
  const content = [
    ...(text === '' ? [] : [{ type: 'text', text }]),
    ...(choice?.message.tool_calls ?? []).map((call) => ({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseArguments(call.function.arguments),
    })),
  ];
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: completion.model,
    content,
    stop_reason: stopReasonOf(choice?.finish_reason),
    stop_sequence: null,
    usage: messagesUsageOf(completion.usage, estimatedInput),
  };
}

const ERROR_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  503: 'overloaded_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** FreeLLM's error in Anthropic's shape; FreeLLM's own code stays beside it for those who read it. */
export function messagesErrorOf(status: number, body: OpenAIErrorBody) {
  return {
    type: 'error',
    error: {
      type: ERROR_TYPE_BY_STATUS[status] ?? (status < 500 ? 'invalid_request_error' : 'api_error'),
      message: body.error.message,
      ...(body.error.code ? { code: body.error.code } : {}),
    },
  };
}
