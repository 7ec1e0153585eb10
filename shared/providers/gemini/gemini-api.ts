/**
 * @module Google Gemini's wire format: the key header, the `generateContent` request body we
 * build (plain types) and zod schemas for what Gemini sends back (answers, errors, the model
 * list), loose on purpose (`.nullish()`), since Google adds fields (thought signatures, citation
 * metadata, traffic types) without notice.
 * @see https://ai.google.dev/api/generate-content
 */
import { z } from 'zod';

/** The key travels in the `x-goog-api-key` header, never in the URL, so it cannot end up in URLs or request logs. */
export function geminiAuthHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { 'x-goog-api-key': apiKey } : {};
}

export type GeminiPart =
  | { text: string; thought?: boolean; thoughtSignature?: string }
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } }
  | { functionCall: { name: string; args: Record<string, unknown> }; thoughtSignature?: string }
  | { functionResponse: { name: string; response: Record<string, unknown> } };

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiRequestBody {
  contents: GeminiContent[];
  systemInstruction?: { parts: { text: string }[] };
  tools?: { functionDeclarations: { name: string; description?: string; parameters?: unknown }[] }[];
  toolConfig?: { functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] } };
  generationConfig?: Record<string, unknown>;
}

const partSchema = z.looseObject({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  functionCall: z
    .looseObject({
      id: z.string().nullish(),
      name: z.string().nullish(),
      args: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});

export const geminiUsageSchema = z.looseObject({
  promptTokenCount: z.number().nullish(),
  candidatesTokenCount: z.number().nullish(),
  thoughtsTokenCount: z.number().nullish(),
  totalTokenCount: z.number().nullish(),
});
export type GeminiUsage = z.infer<typeof geminiUsageSchema>;

export const geminiResponseSchema = z.looseObject({
  candidates: z
    .array(
      z.looseObject({
        content: z
          .looseObject({ role: z.string().nullish(), parts: z.array(partSchema).nullish() })
          .nullish(),
        finishReason: z.string().nullish(),
        finishMessage: z.string().nullish(),
        index: z.number().nullish(),
      }),
    )
    .nullish(),
  promptFeedback: z
    .looseObject({ blockReason: z.string().nullish(), blockReasonMessage: z.string().nullish() })
    .nullish(),
  usageMetadata: geminiUsageSchema.nullish(),
  modelVersion: z.string().nullish(),
  responseId: z.string().nullish(),
});
export type GeminiResponse = z.infer<typeof geminiResponseSchema>;

/** `batchEmbedContents`: `{ embeddings: [{ values }] }`, one per request, in order. */
export const geminiEmbeddingsSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
});

/** `{"error":{code,message,status,details}}`; streaming endpoints may wrap it in an array. */
export const geminiErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.number().nullish(),
    message: z.string().nullish(),
    status: z.string().nullish(),
    details: z
      .array(
        z.looseObject({
          '@type': z.string().nullish(),
          reason: z.string().nullish(),
          retryDelay: z.string().nullish(),
          violations: z.array(z.looseObject({ quotaId: z.string().nullish() })).nullish(),
        }),
      )
      .nullish(),
  }),
});
export type GeminiErrorBody = z.infer<typeof geminiErrorBodySchema>;

/** `GET /models`: `{ models: [{ name: 'models/…', inputTokenLimit, supportedGenerationMethods }] }`. */
export const geminiModelListSchema = z.looseObject({
  models: z.array(
    z.looseObject({
      name: z.string(),
      inputTokenLimit: z.number().nullish(),
      supportedGenerationMethods: z.array(z.string()).nullish(),
    }),
  ),
});
