/**
 * @module Cohere's wire format: the key header, the v2 chat request body we build (plain types)
 * and zod schemas for what Cohere sends back (answers, stream events, the model list), loose on
 * purpose (`.nullish()`). Stream events are told apart by the payload's `type`; `message-start` sends `content`/`tool_calls` as empty arrays while the
 * delta events send single objects, hence the unions.
 * @see https://docs.cohere.com/reference/chat
 * @see https://docs.cohere.com/reference/chat-stream
 */
import { z } from 'zod';

/** The key as `Authorization: Bearer`, as on every Cohere endpoint. */
export function cohereAuthHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export type CohereUserContent =
  | string
  | ({ type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: string } })[];

export type CohereMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: CohereUserContent }
  | {
      role: 'assistant';
      content?: string;
      tool_plan?: string;
      tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
    }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface CohereRequestBody {
  model: string;
  messages: CohereMessage[];
  stream: boolean;
  tools?: { type: 'function'; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: 'REQUIRED' | 'NONE';
  response_format?: { type: 'json_object'; json_schema?: unknown };
  max_tokens?: number;
  temperature?: number;
  p?: number;
  stop_sequences?: string[];
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
}

const toolCallSchema = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const tokensSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
});

export const cohereUsageSchema = z.looseObject({
  billed_units: tokensSchema.nullish(),
  tokens: tokensSchema.nullish(),
});
export type CohereUsage = z.infer<typeof cohereUsageSchema>;

export const cohereResponseSchema = z.looseObject({
  id: z.string().nullish(),
  message: z
    .looseObject({
      content: z.array(z.looseObject({ type: z.string().nullish(), text: z.string().nullish() })).nullish(),
      tool_calls: z.array(toolCallSchema).nullish(),
    })
    .nullish(),
  finish_reason: z.string().nullish(),
  usage: cohereUsageSchema.nullish(),
});
export type CohereResponse = z.infer<typeof cohereResponseSchema>;

export const cohereStreamEventSchema = z.looseObject({
  type: z.string(),
  id: z.string().nullish(),
  index: z.number().nullish(),
  delta: z
    .looseObject({
      message: z
        .looseObject({
          content: z.union([z.looseObject({ text: z.string().nullish() }), z.array(z.unknown())]).nullish(),
          tool_calls: z.union([toolCallSchema, z.array(z.unknown())]).nullish(),
        })
        .nullish(),
      finish_reason: z.string().nullish(),
      usage: cohereUsageSchema.nullish(),
    })
    .nullish(),
});
export type CohereStreamEvent = z.infer<typeof cohereStreamEventSchema>;

/** `GET /v1/models`: `{ models: [{ name, context_length, endpoints }] }`. */
export const cohereModelListSchema = z.looseObject({
  models: z.array(
    z.looseObject({
      name: z.string(),
      context_length: z.number().nullish(),
      endpoints: z.array(z.string()).nullish(),
    }),
  ),
});

/** `POST /v2/embed` with `embedding_types: ["float"]`: `{ embeddings: { float: [[…]] }, meta }`. */
export const cohereEmbeddingsSchema = z.looseObject({
  embeddings: z.looseObject({ float: z.array(z.array(z.number())) }),
  meta: z.looseObject({ billed_units: cohereUsageSchema.shape.billed_units }).nullish(),
});
