/**
 * @module What OpenAI-compatible providers really send back, as opposed to what FreeLLM promises
 * its callers (`shared/openai/chat.ts`). Only what the adapter reads is checked, and every field
 * may be missing or null: hosts leave out `id`/`created`/`model` on chunks, send `role: ""`,
 * omit a tool-call delta's `index` (Gemini's compatibility layer), end with their own
 * `finish_reason` (`eos`) or a `usage` without `total_tokens`. Unknown fields pass through.
 * The normalizers beside this file turn these shapes into the caller-facing ones.
 */
import { z } from 'zod';

export const upstreamUsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
});
export type UpstreamUsage = z.infer<typeof upstreamUsageSchema>;

const upstreamFunctionSchema = z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() });

export const upstreamCompletionSchema = z.looseObject({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.looseObject({
      index: z.number().nullish(),
      message: z.looseObject({
        role: z.string().nullish(),
        content: z.string().nullish(),
        tool_calls: z
          .array(
            z.looseObject({
              id: z.string().nullish(),
              type: z.string().nullish(),
              function: upstreamFunctionSchema.extend({ name: z.string() }),
            }),
          )
          .nullish(),
      }),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: upstreamUsageSchema.nullish(),
});
export type UpstreamCompletion = z.infer<typeof upstreamCompletionSchema>;

export const upstreamToolCallDeltaSchema = z.looseObject({
  index: z.number().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: upstreamFunctionSchema.nullish(),
});
export type UpstreamToolCallDelta = z.infer<typeof upstreamToolCallDeltaSchema>;

export const upstreamChunkSchema = z.looseObject({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.looseObject({
        index: z.number().nullish(),
        delta: z
          .looseObject({
            role: z.string().nullish(),
            content: z.string().nullish(),
            tool_calls: z.array(upstreamToolCallDeltaSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: upstreamUsageSchema.nullish(),
});
export type UpstreamChunk = z.infer<typeof upstreamChunkSchema>;

/** `POST /embeddings` answered with `encoding_format: "float"`: `{ data: [{ index, embedding }], usage }`. */
export const upstreamEmbeddingsSchema = z.looseObject({
  data: z.array(z.looseObject({ index: z.number().nullish(), embedding: z.array(z.number()) })),
  usage: upstreamUsageSchema.nullish(),
});

/** `GET /models`: `{ data: [{ id, created, owned_by }] }`. */
export const upstreamModelListSchema = z.looseObject({
  data: z.array(
    z.looseObject({ id: z.string(), created: z.number().nullish(), owned_by: z.string().nullish() }),
  ),
});

/** The key as `Authorization: Bearer`; a keyless local server gets no header. */
export function openAICompatibleAuthHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}
