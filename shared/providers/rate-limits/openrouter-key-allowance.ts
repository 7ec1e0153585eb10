/**
 * @module OpenRouter's own word on a key's allowance, `GET /api/v1/key`: `is_free_tier` says
 * whether the account has bought 10 credits, which sets the daily cap on `:free` models — 50
 * requests, or 1,000 after — a figure the catalog can only guess. Read into the snapshot shape
 * rate-limit headers use, so the ledger learns it the way it learns headers.
 * @see https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key
 * @see https://openrouter.ai/docs/api-reference/limits
 */
import { z } from 'zod';
import { classifyOpenAICompatibleError } from '../openai-compatible/classify-openai-compatible-error';
import { openAICompatibleAuthHeaders } from '../openai-compatible/openai-compatible-api';
import type { AdapterCall } from '../types';
import { fetchUpstream, readJsonBody } from '../upstream-fetch';
import type { RateLimitSnapshot } from './rate-limit-snapshot';

/** `:free` model requests a day (openrouter.ai/docs/api-reference/limits, as of 2026-10-17). */
const FREE_MODEL_REQUESTS_PER_DAY = { freeTier: 50, boughtCredits: 1_000 };

const keyInfoSchema = z.object({ data: z.object({ is_free_tier: z.boolean() }) });

export async function readOpenRouterAllowance(call: Omit<AdapterCall, 'model'>): Promise<RateLimitSnapshot> {
  const response = await fetchUpstream(
    call,
    `${call.baseURL}/key`,
    { method: 'GET', headers: openAICompatibleAuthHeaders(call.apiKey) },
    classifyOpenAICompatibleError,
  );
  const { data } = await readJsonBody(response, keyInfoSchema, call, 'a key description of unexpected shape');
  const perDay = data.is_free_tier
    ? FREE_MODEL_REQUESTS_PER_DAY.freeTier
    : FREE_MODEL_REQUESTS_PER_DAY.boughtCredits;
  return { requests: { day: { limit: perDay } } };
}
