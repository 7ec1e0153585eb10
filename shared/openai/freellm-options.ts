/**
 * @module The one field FreeLLM adds to an OpenAI request body: `freellm: { cache, strategy, firstByteTimeoutMs }`.
 * Parsed once, strictly, so a typo is a clear 400 naming the field; providers never see it.
 * See docs/cache.md and docs/routing.md.
 */
import { z } from 'zod';
import { parseOrInvalidRequest } from './parse-or-invalid-request';

export const STRATEGIES = ['priority', 'balanced', 'fastest'] as const;
export const strategySchema = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof strategySchema>;

/** A time-to-first-byte limit, as the routing settings and the request option take it. */
export const firstByteTimeoutSchema = z.number().int().min(100).max(600_000);

export const CACHE_OPTIONS = ['default', 'no-store', 'refresh', 'always'] as const;

export const freellmOptionsSchema = z.strictObject({
  cache: z.enum(CACHE_OPTIONS).optional(),
  strategy: strategySchema.optional(),
  /** How long each provider may take to start answering before the next one is tried. */
  firstByteTimeoutMs: firstByteTimeoutSchema.optional(),
});
export type FreeLLMOptions = z.infer<typeof freellmOptionsSchema>;

export function readFreeLLMOptions(value: unknown): FreeLLMOptions {
  if (value === undefined || value === null) return {};
  return parseOrInvalidRequest(freellmOptionsSchema, value, {
    what: 'Invalid FreeLLM option',
    param: 'freellm',
    hint: `Use freellm: { cache?: ${CACHE_OPTIONS.map((o) => `'${o}'`).join(' | ')}, strategy?: ${STRATEGIES.map((s) => `'${s}'`).join(' | ')}, firstByteTimeoutMs?: milliseconds }.`,
  });
}
