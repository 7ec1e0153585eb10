/**
 * @module Anthropic Messages wire format: the headers every call carries, the request body we
 * build (types only, since we write it) and zod schemas for what Anthropic sends back — the
 * message, each SSE event, the error body and the model list — parsed loosely (`.nullish()`,
 * loose objects) so new fields and block types do not break us.
 * @see https://docs.anthropic.com/en/api/messages
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * @see https://docs.anthropic.com/en/api/models-list
 */
import { z } from 'zod';

export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * The key as `x-api-key`, with the API version. Browsers may call Anthropic only with
 * `anthropic-dangerous-direct-browser-access`, and that is where FreeLLM runs.
 */
export function anthropicAuthHeaders(apiKey: string | undefined): Record<string, string> {
  return {
    'anthropic-version': ANTHROPIC_VERSION,
    'anthropic-dangerous-direct-browser-access': 'true',
    ...(apiKey ? { 'x-api-key': apiKey } : {}),
  };
}

/** An image as Anthropic takes it, inline or by URL; callers of `POST /messages` send the same. */
export const anthropicImageSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.object({ type: z.literal('url'), url: z.string() }),
]);
export type AnthropicImageSource = z.infer<typeof anthropicImageSourceSchema>;

export type AnthropicContentBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; source: AnthropicImageSource }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; tool_use_id: string; content?: string };

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicContentBlock[];
}

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

export interface AnthropicMessagesBody {
  model: string;
  /** Required by Anthropic, unlike OpenAI. */
  max_tokens: number;
  messages: AnthropicMessage[];
  system?: string;
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
  metadata?: { user_id: string };
  stream?: boolean;
}

export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

/** One schema for every block type: `text` and `tool_use` are read, others (thinking, …) skipped. */
const responseBlockSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().nullish(),
});
export type AnthropicResponseBlock = z.infer<typeof responseBlockSchema>;

export const anthropicMessageSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message'),
  model: z.string().nullish(),
  content: z.array(responseBlockSchema),
  stop_reason: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
});
export type AnthropicMessageResponse = z.infer<typeof anthropicMessageSchema>;

export const anthropicErrorDataSchema = z.looseObject({
  type: z.string().nullish(),
  error: z
    .looseObject({
      type: z.string().nullish(),
      message: z.string().nullish(),
      // Spend-limit 429s carry `details.error_code: enforced_spend_limit_reached` (see __fixtures__/spend-limit.error.json beside this file).
      details: z.looseObject({ error_code: z.string().nullish() }).nullish(),
    })
    .nullish(),
  request_id: z.string().nullish(),
});
export type AnthropicErrorData = z.infer<typeof anthropicErrorDataSchema>;

export const anthropicStreamEventSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('message_start'),
    message: z.looseObject({
      id: z.string(),
      model: z.string().nullish(),
      usage: anthropicUsageSchema.nullish(),
    }),
  }),
  z.looseObject({
    type: z.literal('content_block_start'),
    index: z.number(),
    content_block: responseBlockSchema,
  }),
  z.looseObject({
    type: z.literal('content_block_delta'),
    index: z.number(),
    delta: z.looseObject({
      type: z.string(),
      text: z.string().nullish(),
      partial_json: z.string().nullish(),
    }),
  }),
  z.looseObject({ type: z.literal('content_block_stop'), index: z.number() }),
  z.looseObject({
    type: z.literal('message_delta'),
    delta: z.looseObject({ stop_reason: z.string().nullish() }),
    usage: anthropicUsageSchema.nullish(),
  }),
  z.looseObject({ type: z.literal('message_stop') }),
  z.looseObject({ type: z.literal('ping') }),
  z.looseObject({
    type: z.literal('error'),
    error: z.looseObject({ type: z.string().nullish(), message: z.string().nullish() }),
  }),
]);
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

/** Event types we understand; Anthropic may add others, which a reader should skip. */
export const knownAnthropicEventTypes: ReadonlySet<string> = new Set(
  anthropicStreamEventSchema.options.map((option) => option.shape.type.value),
);

/** `GET /models`: `{ data: [{ id, display_name, created_at }] }`, dates in RFC 3339. */
export const anthropicModelListSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string(), created_at: z.string().nullish() })),
});
