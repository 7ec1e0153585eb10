/**
 * @module The engine's answer (an OpenAI chat completion, whole or gathered from its chunks) →
 * a Responses API `response` object: a `message` item with its `output_text`, one
 * `function_call` item per tool call, status, usage, and the request's settings echoed back.
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */
import type { ChatCompletion, ChatMessage, FinishReason, ToolCall, Usage } from '../../openai/chat';
import type { InputItem, ResponsesRequest } from './responses-request';

/** What an answer said, however it arrived. */
export interface AnswerOutput {
  model: string;
  /** Seconds since the epoch, as the completion says. */
  created: number;
  text: string;
  toolCalls: ToolCall[];
  finish: FinishReason | null | undefined;
  usage: Usage | null | undefined;
}

export interface ResponseContext {
  /** `resp_…`; its item ids are made from it. */
  id: string;
  request: ResponsesRequest;
}

export const responseIdOf = (requestId: string | undefined) =>
  `resp_${(requestId ?? '').replace(/^req_/, '') || 'freellm'}`;

const itemIdOf = (context: ResponseContext, prefix: 'msg' | 'fc', index = 0) =>
  `${prefix}_${context.id.replace(/^resp_/, '')}${prefix === 'fc' ? `_${index}` : ''}`;

export const messageItemId = (context: ResponseContext) => itemIdOf(context, 'msg');
export const functionCallItemId = (context: ResponseContext, index: number) => itemIdOf(context, 'fc', index);

export function outputOfCompletion(completion: ChatCompletion): AnswerOutput {
  const choice = completion.choices[0];
  return {
    model: completion.model,
    created: completion.created,
    text: choice?.message.content ?? '',
    toolCalls: choice?.message.tool_calls ?? [],
    finish: choice?.finish_reason,
    usage: completion.usage,
  };
}

export const messageItem = (id: string, text: string, status: 'in_progress' | 'completed') => ({
  type: 'message' as const,
  id,
  status,
  role: 'assistant' as const,
  content: status === 'completed' ? [outputText(text)] : [],
});

export const outputText = (text: string) => ({ type: 'output_text' as const, text, annotations: [] });

export const functionCallItem = (id: string, call: ToolCall, status: 'in_progress' | 'completed') => ({
  type: 'function_call' as const,
  id,
  call_id: call.id,
  name: call.function.name,
  arguments: call.function.arguments,
  status,
});

/** The output items, by id, and in order. */
export function outputItemsOf(context: ResponseContext, output: AnswerOutput) {
  return [
    ...(output.text === '' ? [] : [messageItem(messageItemId(context), output.text, 'completed')]),
    ...output.toolCalls.map((call, index) =>
      functionCallItem(functionCallItemId(context, index), call, 'completed'),
    ),
  ];
}

/** What the answer adds to the conversation, for a follow-up by `previous_response_id`. */
export const assistantMessageOf = (output: AnswerOutput): ChatMessage => ({
  role: 'assistant',
  content: output.text,
  ...(output.toolCalls.length > 0 ? { tool_calls: output.toolCalls } : {}),
});

export const keptItemsOf = (context: ResponseContext, output: AnswerOutput) =>
  new Map(outputItemsOf(context, output).map((item): [string, InputItem] => [item.id, item]));

function usageOf(usage: Usage | null | undefined) {
  if (!usage) return null;
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.total_tokens,
  };
}

const INCOMPLETE_REASON: Partial<Record<FinishReason, string>> = {
  length: 'max_output_tokens',
  content_filter: 'content_filter',
};

/** The response object, or the `in_progress` snapshot a stream starts with. */
export function responseOf(context: ResponseContext, output: AnswerOutput, inProgress = false) {
  const { request } = context;
  const incomplete = output.finish ? INCOMPLETE_REASON[output.finish] : undefined;
  return {
    id: context.id,
    object: 'response',
    created_at: output.created,
    status: inProgress ? 'in_progress' : incomplete ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: incomplete ? { reason: incomplete } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: output.model,
    output: inProgress ? [] : outputItemsOf(context, output),
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? 1,
    truncation: 'disabled',
    usage: inProgress ? null : usageOf(output.usage),
    user: request.user ?? null,
    metadata: request.metadata ?? {},
  };
}
