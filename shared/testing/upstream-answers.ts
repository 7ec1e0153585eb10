/**
 * Upstream answers in OpenAI's wire format, and an engine with one Groq key answering with them:
 * the routes of the HTTP surface are tested through `createEngineFetch`, as pages reach them.
 */
import type { Caller } from '../engine/engine-answer';
import { createEngineFetch } from '../http/engine-fetch';
import { createFakeFetch, jsonResponse, sseResponse, type FakeHandler } from './fake-fetch';
import { createTestEngine } from './test-engine';

const base = { id: 'chatcmpl-1', created: 1_700_000_000, model: 'openai/gpt-oss-120b' };

export interface UpstreamToolCall {
  id: string;
  name: string;
  arguments: string;
}

export function upstreamCompletion(answer: string | UpstreamToolCall, finish?: string): Response {
  const message =
    typeof answer === 'string'
      ? { role: 'assistant', content: answer }
      : {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: answer.id, type: 'function', function: { name: answer.name, arguments: answer.arguments } },
          ],
        };
  return jsonResponse({
    ...base,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message,
        finish_reason: finish ?? (typeof answer === 'string' ? 'stop' : 'tool_calls'),
      },
    ],
    usage: { prompt_tokens: 21, completion_tokens: 7, total_tokens: 28 },
  });
}

/** Text in pieces, or a tool call whose arguments come in pieces; then the finish and usage. */
export function upstreamStream(answer: string[] | (UpstreamToolCall & { pieces: string[] })): Response {
  const chunk = (delta: object, finish: string | null = null) =>
    JSON.stringify({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
  const deltas = Array.isArray(answer)
    ? answer.map((text) => chunk({ content: text }))
    : [
        chunk({
          tool_calls: [
            { index: 0, id: answer.id, type: 'function', function: { name: answer.name, arguments: '' } },
          ],
        }),
        ...answer.pieces.map((piece) =>
          chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }),
        ),
      ];
  return sseResponse([
    chunk({ role: 'assistant', content: '' }),
    ...deltas,
    chunk({}, Array.isArray(answer) ? 'stop' : 'tool_calls'),
    JSON.stringify({
      ...base,
      object: 'chat.completion.chunk',
      choices: [],
      usage: { prompt_tokens: 21, completion_tokens: 7, total_tokens: 28 },
    }),
  ]);
}

/** Groq's models take no images; Mistral's do. */
export async function engineServing(
  handler: FakeHandler,
  {
    caller = { kind: 'extension' },
    providerId = 'groq',
  }: { caller?: Caller; providerId?: 'groq' | 'mistral' } = {},
) {
  const upstream = createFakeFetch(handler);
  const { engine } = createTestEngine(upstream);
  await engine.keys.add({
    providerId,
    secret: providerId === 'groq' ? 'gsk_aaaaaaaaaaaa' : 'mistral-key-aaaaaaaa',
  });
  return { fetch: createEngineFetch(engine, caller), upstream, engine };
}
