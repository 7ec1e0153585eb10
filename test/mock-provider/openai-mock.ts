/**
 * A mock OpenAI-compatible provider on 127.0.0.1, speaking the real wire format (JSON
 * completions, `data:` SSE chunks ending with `data: [DONE]`, OpenAI error bodies). It sends no
 * CORS headers, so a test passing through it proves the extension's host permission works.
 *
 * Behaviour is chosen by the key, as a real provider's would be:
 * `mock-invalid-…` → 401 invalid_api_key; `mock-limited-…` → 429 with Retry-After; any other → OK.
 * The answer echoes the last user message; a message containing "slowly" streams one word every
 * 150 ms, so a test can abort mid-stream.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MockCall {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The client went away before the answer was complete. */
  aborted: boolean;
  completed: boolean;
}

export interface OpenAIMock {
  baseURL: string;
  calls: MockCall[];
  reset(): void;
  close(): Promise<void>;
}

function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { role: string; content: unknown }[]) : [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}

function sendError(response: ServerResponse, status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ error }));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

export async function startOpenAIMock(): Promise<OpenAIMock> {
  const calls: MockCall[] = [];
  let counter = 0;

  const server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    const call: MockCall = { path: request.url ?? '', authorization: request.headers.authorization, body, aborted: false, completed: false };
    calls.push(call);
    response.on('close', () => {
      if (!response.writableFinished) call.aborted = true;
    });
    const key = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      return sendError(response, 404, { message: `Unknown path ${request.url}`, type: 'invalid_request_error', param: null, code: 'unknown_url' });
    }
    if (key.startsWith('mock-invalid')) {
      return sendError(response, 401, { message: 'Incorrect API key provided: mock-inv***. You can find your API key at https://example.com.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' });
    }
    if (key.startsWith('mock-limited')) {
      return sendError(response, 429, { message: 'Rate limit reached for requests per minute. Please try again in 20s.', type: 'requests', param: null, code: 'rate_limit_exceeded' }, { 'retry-after': '20' });
    }
    const prompt = lastUserText(body);
    const words = `Echo: ${prompt}`.split(/(?<= )/);
    const id = `chatcmpl-mock${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = String(body.model);
    const usage = { prompt_tokens: prompt.split(' ').length, completion_tokens: words.length, total_tokens: prompt.split(' ').length + words.length };

    if (body.stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        id, object: 'chat.completion', created, model,
        choices: [{ index: 0, message: { role: 'assistant', content: words.join('') }, finish_reason: 'stop', logprobs: null }],
        usage,
      }));
      call.completed = true;
      return;
    }

    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] })}\n\n`;
    const delayMs = prompt.includes('slowly') ? 150 : 0;
    response.write(chunk({ role: 'assistant', content: '' }, null));
    for (const word of words) {
      if (response.destroyed) return;
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      response.write(chunk({ content: word }, null));
    }
    response.write(chunk({}, 'stop'));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) {
      response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
    }
    response.end('data: [DONE]\n\n');
    call.completed = true;
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    calls,
    reset: () => calls.splice(0),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
