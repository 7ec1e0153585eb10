/**
 * A mock OpenAI-compatible provider on 127.0.0.1, speaking the real wire format (JSON
 * completions, `data:` SSE chunks ending with `data: [DONE]`, OpenAI error bodies). It sends no
 * CORS headers unless asked (`cors: true`, for the benchmark's direct-fetch baseline), so a test
 * passing through it proves the extension's host permission works.
 *
 * Behaviour is chosen by the key, as a real provider's would be:
 * `mock-invalid-…` → 401 invalid_api_key on every path, the model list's included; `mock-limited-…` → 429 with Retry-After; `mock-cut-…` →
 * a stream whose connection is closed after its first CUT_AFTER_WORDS words (no finish, no
 * `[DONE]`), as a provider crashing mid-answer does; any other → OK.
 * The answer echoes the last user message ("Echo: <text>"); with tools and a user turn last it
 * calls the first tool with `{"city":"Paris"}`, and after a tool result it answers
 * "Tool said: <result>". Started with `models`, it lists them at `GET /v1/models`; a model in
 * `gone` answers OpenAI's 404 `model_not_found`, as a shut-down model does. Started with
 * `openRouterKey`, it answers OpenRouter's `GET /v1/key` (the key's allowance) with it.
 * A message containing "slowly" streams one word every 150 ms. A message
 * containing "think" first streams reasoning, as reasoning models do: `delta.reasoning` text
 * before any content (the field OpenRouter and gpt-oss hosts use). Started with `faults`, a
 * model named after a fault plays it (see fault-modes.ts). Started with `holdStreamsUntil`, each
 * stream stops after its first word until that promise settles.
 * `POST /v1/embeddings` answers OpenAI's embedding list (`mockEmbedding` of each input, floats, or
 * base64 float32 when asked), with the same key behaviours.
 */
import { createServer, type ServerResponse } from 'node:http';
import { faultOf, playFault } from './fault-modes';
import {
  readJsonRequest,
  callsFor,
  recordCall,
  mockEmbedding,
  serveMock,
  slowWordPause,
  writeWords,
  type BaseMockCall,
  type MockProvider,
} from './mock-server';

export interface MockCall extends BaseMockCall {
  authorization: string | undefined;
}

/** `baseURL` ends in `/v1`, like `https://api.openai.com/v1`. */
export type OpenAIMock = MockProvider<MockCall>;

interface Message {
  role: string;
  content: unknown;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((part: { text?: string }) => part.text ?? '').join(' ') : '';
}

/** How many words a `mock-cut-…` key's stream carries before its connection is closed. */
export const CUT_AFTER_WORDS = 2;

function sendErrorBody(
  response: ServerResponse,
  status: number,
  error: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ error }));
}

type Answer = { text: string } | { tool: { id: string; name: string; arguments: string } };

function answerFor(body: Record<string, unknown>): Answer {
  const messages = Array.isArray(body.messages) ? (body.messages as Message[]) : [];
  const last = messages.at(-1);
  const tools = Array.isArray(body.tools) ? (body.tools as { function: { name: string } }[]) : [];
  if (last?.role === 'tool') return { text: `Tool said: ${textOf(last.content)}` };
  const firstTool = tools[0];
  if (firstTool && body.tool_choice !== 'none')
    return { tool: { id: 'call_mock1', name: firstTool.function.name, arguments: '{"city":"Paris"}' } };
  const user = [...messages].reverse().find((message) => message.role === 'user');
  return { text: `Echo: ${textOf(user?.content)}` };
}

/** OpenRouter's `GET /api/v1/key` answer, the fields FreeLLM reads. @see https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key */
export interface OpenRouterKeyInfo {
  is_free_tier: boolean;
  limit: number | null;
  limit_remaining: number | null;
  usage: number;
}

export interface OpenAIMockOptions {
  cors?: boolean;
  faults?: boolean;
  port?: number;
  host?: string;
  /** The model list at `GET /v1/models`; without it that path is a 404, as on servers that have none. */
  models?: string[];
  /** Models that answer 404 `model_not_found`. */
  gone?: string[];
  openRouterKey?: OpenRouterKeyInfo;
  /** Each stream sends its first word, then waits for this before the rest (proves streams run side by side). */
  holdStreamsUntil?: Promise<void>;
}

/** OpenAI's answer to `POST /v1/embeddings`: one vector per input, as floats or base64 float32. */
function embeddingList(body: Record<string, unknown>) {
  const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
  const encode = (vector: number[]) =>
    body.encoding_format === 'base64'
      ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
      : vector;
  const tokens = input.reduce((sum, text) => sum + text.split(' ').length, 0);
  return {
    object: 'list',
    data: input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: encode(mockEmbedding(text)),
    })),
    model: String(body.model),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function sendJson(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startOpenAIMock(options: OpenAIMockOptions = {}): Promise<OpenAIMock> {
  const calls: MockCall[] = [];
  const reads: MockCall[] = [];
  let counter = 0;
  // A cached preflight keeps the direct baseline at its cheapest (Chromium forgets one after 5 s
  // unless told), so what the benchmark reports as the extension's overhead is never flattered.
  const corsHeaders: Record<string, string> = options.cors
    ? {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-max-age': '600',
      }
    : {};

  const server = createServer(async (request, response) => {
    if (request.method === 'OPTIONS' && options.cors) {
      response.writeHead(204, corsHeaders).end();
      return;
    }
    const body = await readJsonRequest(request);
    const call = recordCall(
      callsFor(request, calls, reads),
      { path: request.url ?? '', authorization: request.headers.authorization, body },
      response,
    );
    const key = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const sendError = (
      status: number,
      error: Record<string, unknown>,
      headers: Record<string, string> = {},
    ) => sendErrorBody(response, status, error, { ...corsHeaders, ...headers });
    // As OpenAI does, the key is checked before the path.
    if (key.startsWith('mock-invalid')) {
      return sendError(401, {
        message: 'Incorrect API key provided: mock-inv***. You can find your API key at https://example.com.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      });
    }
    if (request.method === 'GET' && request.url === '/v1/models' && options.models)
      return sendJson(response, {
        object: 'list',
        data: options.models.map((id) => ({ id, object: 'model', created: 1733447754, owned_by: 'mock' })),
      });
    if (request.method === 'GET' && request.url === '/v1/key' && options.openRouterKey)
      return sendJson(response, {
        data: { label: 'sk-or-v1-moc...key', is_provisioning_key: false, ...options.openRouterKey },
      });
    const embeddings = request.method === 'POST' && request.url === '/v1/embeddings';
    if (!embeddings && (request.method !== 'POST' || request.url !== '/v1/chat/completions')) {
      return sendError(404, {
        message: `Unknown path ${request.url}`,
        type: 'invalid_request_error',
        param: null,
        code: 'unknown_url',
      });
    }
    if (key.startsWith('mock-limited')) {
      return sendError(
        429,
        {
          message: 'Rate limit reached for requests per minute. Please try again in 20s.',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
        { 'retry-after': '20' },
      );
    }
    if (options.gone?.includes(String(body.model)))
      return sendError(404, {
        message: `The model \`${String(body.model)}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      });
    if (embeddings) {
      sendJson(response, embeddingList(body));
      call.completed = true;
      return;
    }
    const answer = answerFor(body);
    const id = `chatcmpl-mock${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = String(body.model);
    const words = 'text' in answer ? answer.text.split(/(?<= )/) : [];
    const usage = {
      prompt_tokens: 10,
      completion_tokens: Math.max(1, words.length),
      total_tokens: 10 + Math.max(1, words.length),
    };
    const finishReason = 'tool' in answer ? 'tool_calls' : 'stop';
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
    const fault = options.faults ? faultOf(body.model) : undefined;
    if (
      fault &&
      (await playFault(
        fault,
        response,
        body.stream === true,
        chunk({ role: 'assistant', content: '' }, null),
        chunk({ content: words[0] ?? '' }, null),
      )) === 'done'
    )
      return;

    if (body.stream !== true) {
      const message =
        'tool' in answer
          ? {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: answer.tool.id,
                  type: 'function',
                  function: { name: answer.tool.name, arguments: answer.tool.arguments },
                },
              ],
            }
          : { role: 'assistant', content: answer.text };
      response.writeHead(200, { 'content-type': 'application/json', ...corsHeaders });
      response.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
          usage,
        }),
      );
      call.completed = true;
      return;
    }

    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      ...corsHeaders,
    });
    response.write(chunk({ role: 'assistant', content: '' }, null));
    if ('tool' in answer) {
      response.write(
        chunk(
          {
            tool_calls: [
              {
                index: 0,
                id: answer.tool.id,
                type: 'function',
                function: { name: answer.tool.name, arguments: '' },
              },
            ],
          },
          null,
        ),
      );
      for (const piece of [answer.tool.arguments.slice(0, 8), answer.tool.arguments.slice(8)]) {
        response.write(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null));
      }
    }
    if ('text' in answer && answer.text.includes('think')) {
      for (const piece of ['Let me think. ', 'The user wants an echo.'])
        response.write(chunk({ reasoning: piece }, null));
    }
    const slowly = 'text' in answer && answer.text.includes('slowly');
    if (key.startsWith('mock-cut')) {
      await writeWords(response, words.slice(0, CUT_AFTER_WORDS), slowly, (word) =>
        chunk({ content: word }, null),
      );
      // A moment later, as a crash would be: the words are read first, then the body breaks off
      // (the connection ends with the chunked body unfinished).
      await slowWordPause();
      response.socket?.end();
      return;
    }
    const write = (part: string[]) =>
      writeWords(response, part, slowly, (word) => chunk({ content: word }, null));
    if (options.holdStreamsUntil) {
      if (!(await write(words.slice(0, 1)))) return;
      await options.holdStreamsUntil;
      if (!(await write(words.slice(1)))) return;
    } else if (!(await write(words))) return;
    response.write(chunk({}, finishReason));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) {
      response.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
      );
    }
    response.end('data: [DONE]\n\n');
    call.completed = true;
  });

  return serveMock(server, calls, '/v1', options.port, options.host, reads);
}
