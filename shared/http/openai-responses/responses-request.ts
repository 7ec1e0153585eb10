/**
 * @module `POST /responses` (OpenAI Responses API) → the engine's one internal form, an OpenAI
 * chat request. Input items become chat messages: `instructions` the first system message,
 * `function_call` items the assistant's tool calls, `function_call_output` items tool messages,
 * `item_reference` and `previous_response_id` what FreeLLM kept of earlier answers
 * (`kept-responses.ts`). Reasoning items are dropped (only OpenAI can read their encrypted
 * content); tools that OpenAI runs itself (web search, file search, …) are left out.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
import { z } from 'zod';
import { parseOrInvalidRequest } from '../../openai/parse-or-invalid-request';
import type { ChatMessage, ContentPart, ToolCall } from '../../openai/chat';
import { errorWithCode, invalidRequest } from '../../openai/error';

const textPart = z.looseObject({ type: z.enum(['input_text', 'output_text']), text: z.string() });
const refusalPart = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });
const imagePart = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.string().nullish(),
});
/** Chat completions know these; another (`original`, …) falls back to the provider's default. */
const CHAT_DETAILS = new Set(['auto', 'low', 'high']);
const inputPart = z.discriminatedUnion('type', [textPart, refusalPart, imagePart]);
type InputPart = z.infer<typeof inputPart>;

const messageItem = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(inputPart)]),
});
const functionCallItem = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
});
const functionCallOutputItem = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: z.union([z.string(), z.array(inputPart)]),
});
const inputItem = z.union([
  messageItem,
  functionCallItem,
  functionCallOutputItem,
  z.looseObject({ type: z.literal('reasoning') }),
  z.looseObject({ type: z.literal('item_reference'), id: z.string() }),
]);
export type InputItem = z.infer<typeof inputItem>;

const textFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string(),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);

export const responsesRequestSchema = z.looseObject({
  model: z.string().min(1).default('auto'),
  input: z.union([z.string(), z.array(inputItem)]),
  instructions: z.string().nullish(),
  previous_response_id: z.string().nullish(),
  store: z.boolean().nullish(),
  stream: z.boolean().nullish(),
  tools: z
    .array(
      z.looseObject({
        type: z.string(),
        name: z.string().optional(),
        description: z.string().nullish(),
        parameters: z.record(z.string(), z.unknown()).nullish(),
        strict: z.boolean().nullish(),
      }),
    )
    .nullish(),
  tool_choice: z
    .union([
      z.enum(['auto', 'none', 'required']),
      z.looseObject({ type: z.string(), name: z.string().optional() }),
    ])
    .nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z.looseObject({ format: textFormat.nullish() }).nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  user: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;

export function parseResponsesRequest(body: unknown): ResponsesRequest {
  return parseOrInvalidRequest(responsesRequestSchema, body, { what: 'Invalid responses request' });
}

const textOf = (content: string | InputPart[]) =>
  typeof content === 'string'
    ? content
    : content
        .map((part) =>
          part.type === 'refusal' ? part.refusal : part.type === 'input_image' ? '' : part.text,
        )
        .join('');

function contentParts(content: string | InputPart[]): string | ContentPart[] {
  if (typeof content === 'string') return content;
  return content.map((part): ContentPart => {
    if (part.type !== 'input_image')
      return { type: 'text', text: part.type === 'refusal' ? part.refusal : part.text };
    if (!part.image_url)
      throw invalidRequest('input_image needs an image_url (FreeLLM keeps no files).', 'input');
    const detail = part.detail && CHAT_DETAILS.has(part.detail) ? { detail: part.detail as 'auto' } : {};
    return { type: 'image_url', image_url: { url: part.image_url, ...detail } };
  });
}

/** Where an item reference is looked up: the output items FreeLLM kept of its earlier answers. */
export type ItemLookup = (id: string) => InputItem | undefined;

/** Tool calls join the assistant turn before them, as chat messages carry them. */
function addToolCall(messages: ChatMessage[], call: ToolCall): void {
  const last = messages.at(-1);
  if (last?.role === 'assistant') last.tool_calls = [...(last.tool_calls ?? []), call];
  else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
}

function addItem(messages: ChatMessage[], item: InputItem, lookup: ItemLookup): void {
  switch (item.type) {
    case 'function_call':
      return addToolCall(messages, {
        id: item.call_id,
        type: 'function',
        function: { name: item.name, arguments: item.arguments },
      });
    case 'function_call_output':
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: textOf(item.output) });
      return;
    case 'reasoning':
      return;
    case 'item_reference': {
      const kept = lookup(item.id);
      if (!kept)
        throw errorWithCode(
          'previous_response_not_found',
          `Item "${item.id}" is not one FreeLLM still keeps: send the item itself instead of a reference.`,
          { param: 'input' },
        );
      return addItem(messages, kept, lookup);
    }
    default:
      if (item.role === 'assistant') messages.push({ role: 'assistant', content: textOf(item.content) });
      else if (item.role === 'user') messages.push({ role: 'user', content: contentParts(item.content) });
      else messages.push({ role: item.role, content: textOf(item.content) });
  }
}

/** The conversation so far as chat messages: the kept history, then this request's input. */
export function conversationOf(
  request: ResponsesRequest,
  history: ChatMessage[],
  lookup: ItemLookup,
): ChatMessage[] {
  const messages = structuredClone(history);
  const items: InputItem[] =
    typeof request.input === 'string' ? [{ role: 'user', content: request.input }] : request.input;
  for (const item of items) addItem(messages, item, lookup);
  return messages;
}

function toolChoiceOf(choice: ResponsesRequest['tool_choice']) {
  if (typeof choice === 'string' || !choice) return choice ?? undefined;
  return choice.type === 'function' && choice.name
    ? { type: 'function', function: { name: choice.name } }
    : 'auto';
}

function responseFormatOf(format: z.infer<typeof textFormat> | null | undefined) {
  if (format?.type !== 'json_schema') return format ?? undefined;
  const { name, schema, description, strict } = format;
  return { type: 'json_schema', json_schema: { name, schema, description, strict } };
}

/** The internal chat request (checked again by the engine's own schema). */
export function responsesToChat(
  request: ResponsesRequest,
  conversation: ChatMessage[],
): Record<string, unknown> {
  const tools = (request.tools ?? [])
    .filter((tool) => tool.type === 'function' && tool.name)
    .map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        description: tool.description ?? undefined,
        parameters: tool.parameters ?? undefined,
        strict: tool.strict,
      },
    }));
  return {
    model: request.model,
    messages: request.instructions
      ? [{ role: 'system', content: request.instructions }, ...conversation]
      : conversation,
    max_tokens: request.max_output_tokens,
    temperature: request.temperature,
    top_p: request.top_p,
    user: request.user,
    response_format: responseFormatOf(request.text?.format),
    ...(tools.length > 0
      ? {
          tools,
          tool_choice: toolChoiceOf(request.tool_choice),
          parallel_tool_calls: request.parallel_tool_calls,
        }
      : {}),
    ...(request.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
}
