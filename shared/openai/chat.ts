/**
 * @module The OpenAI chat-completions wire contract: what callers send and what they get back.
 * Requests are parsed strictly enough to give a clear error, loosely enough that fields the
 * official clients add (and we pass through or ignore) do not fail a request.
 */
import { z } from 'zod';

const textPartSchema = z.object({ type: z.literal('text'), text: z.string() });
const imagePartSchema = z.object({
  type: z.literal('image_url'),
  image_url: z.object({ url: z.string(), detail: z.enum(['auto', 'low', 'high']).optional() }),
});
export const contentPartSchema = z.discriminatedUnion('type', [textPartSchema, imagePartSchema]);
export type ContentPart = z.infer<typeof contentPartSchema>;

export const toolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

const nullableText = z.union([z.string(), z.array(contentPartSchema)]).nullable();

export const chatMessageSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('system'),
    content: z.union([z.string(), z.array(textPartSchema)]),
    name: z.string().optional(),
  }),
  z.object({
    role: z.literal('developer'),
    content: z.union([z.string(), z.array(textPartSchema)]),
    name: z.string().optional(),
  }),
  z.object({
    role: z.literal('user'),
    content: z.union([z.string(), z.array(contentPartSchema)]),
    name: z.string().optional(),
  }),
  z.object({
    role: z.literal('assistant'),
    content: nullableText.optional(),
    name: z.string().optional(),
    tool_calls: z.array(toolCallSchema).optional(),
  }),
  z.object({
    role: z.literal('tool'),
    content: z.union([z.string(), z.array(textPartSchema)]),
    tool_call_id: z.string(),
  }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const toolSchema = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1).default('auto'),
  messages: z.array(chatMessageSchema).min(1, 'messages must contain at least one message'),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  n: z.number().int().min(1).nullish(),
  seed: z.number().int().nullish(),
  presence_penalty: z.number().nullish(),
  frequency_penalty: z.number().nullish(),
  tools: z.array(toolSchema).nullish(),
  tool_choice: z
    .union([
      z.enum(['auto', 'none', 'required']),
      z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
    ])
    .nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: z
    .union([
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({ type: z.literal('json_schema'), json_schema: z.record(z.string(), z.unknown()) }),
    ])
    .nullish(),
  user: z.string().nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export const usageSchema = z.object({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
});
export type Usage = z.infer<typeof usageSchema>;

export const finishReasonSchema = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);
export type FinishReason = z.infer<typeof finishReasonSchema>;

/**
 * What callers get back (providers' own answers are read leniently, see
 * `providers/openai-compatible/openai-compatible-api.ts`); loose, so fields a provider adds pass on.
 */
export const chatCompletionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number(),
  model: z.string(),
  choices: z.array(
    z.looseObject({
      index: z.number(),
      message: z.looseObject({
        role: z.literal('assistant'),
        content: z.string().nullable(),
        tool_calls: z.array(toolCallSchema).nullish(),
      }),
      finish_reason: finishReasonSchema.nullable(),
    }),
  ),
  usage: usageSchema.nullish(),
});
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

const toolCallDeltaSchema = z.looseObject({
  index: z.number(),
  id: z.string().nullish(),
  type: z.literal('function').nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export const chatCompletionChunkSchema = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number(),
  model: z.string(),
  choices: z.array(
    z.looseObject({
      index: z.number(),
      delta: z.looseObject({
        role: z.literal('assistant').nullish(),
        content: z.string().nullish(),
        tool_calls: z.array(toolCallDeltaSchema).nullish(),
      }),
      finish_reason: finishReasonSchema.nullable().optional(),
    }),
  ),
  usage: usageSchema.nullish(),
});
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;

/**
 * A delta's reasoning text, where providers put it outside OpenAI's own fields: `reasoning`
 * (OpenRouter, Groq's parsed format, gpt-oss hosts) or `reasoning_content` (DeepSeek, Z.ai).
 */
export function reasoningOf(delta: ChatCompletionChunk['choices'][number]['delta']): string {
  const { reasoning, reasoning_content: reasoningContent } = delta as {
    reasoning?: unknown;
    reasoning_content?: unknown;
  };
  return typeof reasoning === 'string'
    ? reasoning
    : typeof reasoningContent === 'string'
      ? reasoningContent
      : '';
}

/** Whether a chunk carries the answer's first sign of life: content, reasoning, a tool call or a finish. */
export const carriesToken = (chunk: ChatCompletionChunk) =>
  chunk.choices.some(
    (choice) =>
      Boolean(choice.delta.content) ||
      reasoningOf(choice.delta) !== '' ||
      (choice.delta.tool_calls?.length ?? 0) > 0 ||
      Boolean(choice.finish_reason),
  );
