/**
 * A mock Cohere v2 chat API on 127.0.0.1, speaking the real wire format: `POST /v2/chat` with a
 * Bearer key answers a chat response as JSON, or, with `"stream": true`, SSE events whose
 * payload `type` names them (message-start, content-start/delta/end, tool-call-start/delta/end,
 * message-end with finish_reason and usage), each also sent as an `event:` line, then
 * `data: [DONE]` (the terminator Cohere's SDK expects). Errors use Cohere's `{id, message}` body.
 *
 * `GET /v1/models?endpoint=chat` lists one chat model, `command-mock`, as Cohere's v1 list does
 * (the v2 API has no list of its own).
 *
 * Behaviour is chosen by the key, as a real provider's would be:
 * `mock-invalid…` → 401 "invalid api token"; `mock-limited…` → 429 with the trial key's
 * per-minute message; any other → OK. The answer echoes the last user text ("Echo: <text>").
 * When `tool_choice` is REQUIRED, the answer calls the first tool with `{"text": <last user text>}`.
 * A message containing "slowly" streams one word every 150 ms, so a test can abort mid-stream.
 * `POST /v2/embed` answers `{id, embeddings: {float: [...]}, texts, meta}` (`mockEmbedding` of each
 * text), refusing a call without `input_type` or with more than 96 texts, as Cohere does.
 */
import { createServer, type ServerResponse } from 'node:http';
import {
  readJsonRequest,
  callsFor,
  mockEmbedding,
  recordCall,
  serveMock,
  writeWords,
  type BaseMockCall,
  type MockProvider,
} from './mock-server';

export interface CohereMockCall extends BaseMockCall {
  authorization: string | undefined;
}

/** `baseURL` ends in `/v2`, like `https://api.cohere.com/v2`. */
export type CohereMock = MockProvider<CohereMockCall>;

function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role: string; content: string | { type: string; text?: string }[] }[])
    : [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  if (typeof last?.content === 'string') return last.content;
  return (last?.content ?? [])
    .filter((part) => part.type === 'text')
    .map((part) => part.text ?? '')
    .join(' ');
}

function sendError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: 'mock-error-id', message }));
}

export async function startCohereMock(): Promise<CohereMock> {
  const calls: CohereMockCall[] = [];
  const reads: CohereMockCall[] = [];
  let counter = 0;

  const server = createServer(async (request, response) => {
    const body = await readJsonRequest(request);
    const call = recordCall(
      callsFor(request, calls, reads),
      { path: request.url ?? '', authorization: request.headers.authorization, body },
      response,
    );
    const key = request.headers.authorization?.replace(/^Bearer /i, '') ?? '';
    const listing = request.method === 'GET' && request.url === '/v1/models?endpoint=chat';
    const embed = request.method === 'POST' && request.url === '/v2/embed';
    if (!listing && !embed && (request.method !== 'POST' || request.url !== '/v2/chat'))
      return sendError(response, 404, `Unknown path ${request.url}`);
    if (key === '' || key.startsWith('mock-invalid')) return sendError(response, 401, 'invalid api token');
    if (listing) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          models: [
            {
              name: 'command-mock',
              endpoints: ['generate', 'chat'],
              finetuned: false,
              context_length: 128000,
              default_endpoints: ['chat'],
            },
          ],
          next_page_token: '',
        }),
      );
      call.completed = true;
      return;
    }
    if (key.startsWith('mock-limited')) {
      return sendError(
        response,
        429,
        "You are using a Trial key, which is limited to 20 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'.",
      );
    }

    if (embed) {
      const texts = Array.isArray(body.texts) ? (body.texts as string[]) : [];
      if (typeof body.input_type !== 'string')
        return sendError(
          response,
          400,
          'invalid request: input_type is required for embed models v3 and higher.',
        );
      if (texts.length > 96)
        return sendError(
          response,
          400,
          `invalid request: texts must have at most 96 items, got ${texts.length}.`,
        );
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `mock-embed-${++counter}`,
          embeddings: { float: texts.map(mockEmbedding) },
          texts,
          meta: { api_version: { version: '2' }, billed_units: { input_tokens: texts.length } },
        }),
      );
      call.completed = true;
      return;
    }
    const prompt = lastUserText(body);
    const words = `Echo: ${prompt}`.split(/(?<= )/);
    const tools = Array.isArray(body.tools) ? (body.tools as { function: { name: string } }[]) : [];
    const toolName = body.tool_choice === 'REQUIRED' ? tools[0]?.function.name : undefined;
    const id = `mock-chat-${++counter}`;
    const toolCall = toolName
      ? {
          id: `${toolName}_mock${counter}`,
          type: 'function',
          function: { name: toolName, arguments: JSON.stringify({ text: prompt }) },
        }
      : undefined;
    const inputTokens = prompt.split(' ').length;
    const usage = {
      billed_units: { input_tokens: inputTokens, output_tokens: words.length },
      tokens: { input_tokens: inputTokens + 100, output_tokens: words.length },
    };
    const finishReason = toolCall ? 'TOOL_CALL' : 'COMPLETE';

    if (body.stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json' });
      const message = toolCall
        ? { role: 'assistant', tool_plan: `I will call ${toolName}.`, tool_calls: [toolCall] }
        : { role: 'assistant', content: [{ type: 'text', text: words.join('') }] };
      response.end(JSON.stringify({ id, message, finish_reason: finishReason, usage }));
      call.completed = true;
      return;
    }

    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (payload: Record<string, unknown>) =>
      `event: ${String(payload.type)}\ndata: ${JSON.stringify(payload)}\n\n`;
    response.write(
      event({
        id,
        type: 'message-start',
        delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } },
      }),
    );
    if (toolCall) {
      response.write(
        event({
          type: 'tool-call-start',
          index: 0,
          delta: { message: { tool_calls: { ...toolCall, function: { name: toolName, arguments: '' } } } },
        }),
      );
      response.write(
        event({
          type: 'tool-call-delta',
          index: 0,
          delta: { message: { tool_calls: { function: { arguments: toolCall.function.arguments } } } },
        }),
      );
      response.write(event({ type: 'tool-call-end', index: 0 }));
    } else {
      response.write(
        event({
          type: 'content-start',
          index: 0,
          delta: { message: { content: { type: 'text', text: '' } } },
        }),
      );
      if (
        !(await writeWords(response, words, prompt.includes('slowly'), (word) =>
          event({ type: 'content-delta', index: 0, delta: { message: { content: { text: word } } } }),
        ))
      )
        return;
      response.write(event({ type: 'content-end', index: 0 }));
    }
    response.write(event({ type: 'message-end', delta: { finish_reason: finishReason, usage } }));
    response.end('data: [DONE]\n\n');
    call.completed = true;
  });

  return serveMock(server, calls, '/v2', 0, undefined, reads);
}
