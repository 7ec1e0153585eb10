/**
 * @module OpenAI's `POST /embeddings`: the request FreeLLM accepts (text only: token arrays would
 * need the model's own tokenizer, which no provider here takes) and the list it answers with,
 * vectors as floats or as base64 of little-endian float32, as OpenAI sends them.
 * @see https://platform.openai.com/docs/api-reference/embeddings/create
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../vault/base64';

/** OpenAI's own cap on inputs per request. */
export const MAX_EMBEDDING_INPUTS = 2_048;

const TOKEN_ARRAYS =
  'Token arrays are not supported: FreeLLM sends text to providers with different tokenizers. Send the text itself.';

/** `[1, 2]` or `[[1, 2], [3]]`: OpenAI's token arrays. */
const isTokenArray = (value: unknown) =>
  Array.isArray(value) && (typeof value[0] === 'number' || Array.isArray(value[0]));

export const embeddingRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z
    .unknown()
    .refine((value) => !isTokenArray(value), TOKEN_ARRAYS)
    .pipe(
      z.union([
        z.string().min(1, 'input must not be an empty string'),
        z
          .array(z.string().min(1, 'input must not contain empty strings'))
          .min(1, 'input must not be an empty array')
          .max(MAX_EMBEDDING_INPUTS, `input takes at most ${MAX_EMBEDDING_INPUTS} strings`),
      ]),
    ),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});
export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;

export interface EmbeddingList {
  object: 'list';
  data: { object: 'embedding'; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

export const inputTexts = (request: EmbeddingRequest): string[] =>
  typeof request.input === 'string' ? [request.input] : request.input;

/** A vector as OpenAI's base64: the bytes of little-endian float32 values. */
export function toBase64Vector(vector: readonly number[]): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return toBase64(bytes);
}

/** Only for text already checked with `z.base64()`. */
export function fromBase64Vector(text: string): number[] {
  const bytes = fromBase64(text);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.byteLength / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

export function embeddingList(
  vectors: readonly (readonly number[])[],
  model: string,
  promptTokens: number,
  format: EmbeddingRequest['encoding_format'],
): EmbeddingList {
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      // Float32 as providers compute them, so a fresh vector equals the same one kept in the cache.
      embedding: format === 'base64' ? toBase64Vector(vector) : vector.map(Math.fround),
    })),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
