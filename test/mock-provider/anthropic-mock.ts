/**
 * A mock Anthropic Messages API on 127.0.0.1, speaking the real wire format: `POST /v1/messages`
 * answering a message as JSON, or as SSE with `event:` + `data:` pairs (message_start,
 * content_block_*, ping, message_delta, message_stop), and Anthropic's error bodies
 * `{type:"error",error:{type,message},request_id}`. Like the real API it wants `x-api-key` and
 * `anthropic-version`.
 *
 * Behaviour is chosen by the key, as a real provider's would be:
 * `mock-invalid…` → 401 authentication_error; `mock-limited…` → 429 rate_limit_error with
 * retry-after; `mock-overloaded…` → 529 overloaded_error; `mock-midstream…` → a 200 stream that
 * fails with an `overloaded_error` event after its first word; any other → OK.
 * The answer echoes the last user message ("Echo: <text>"). When `tool_choice` forces a tool
 * (`any` or `tool`), the answer is a call to it with `{"text": <last user text>}`. A message
 * containing "slowly" streams one word every 150 ms, so a test can abort mid-stream.
 */
import { createServer, type ServerResponse } from 'node:http';
import {
  readJsonRequest,
  callsFor,
  recordCall,
  serveMock,
  writeWords,
  type BaseMockCall,
  type MockProvider,
} from './mock-server';

export interface AnthropicMockCall extends BaseMockCall {
  apiKey: string | undefined;
  anthropicVersion: string | undefined;
  browserAccess: string | undefined;
}

/** `baseURL` ends in `/v1`, like `https://api.anthropic.com/v1`. */
export type AnthropicMock = MockProvider<AnthropicMockCall>;

interface Block {
  type: string;
  text?: string;
}
interface Tool {
  name: string;
}
type ToolChoice = { type: 'auto' | 'any' | 'none' } | { type: 'tool'; name: string };

function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role: string; content: string | Block[] }[])
    : [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  if (typeof last?.content === 'string') return last.content;
  return (last?.content ?? [])
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join(' ');
}

/** The tool `tool_choice` forces, if any. */
function forcedTool(body: Record<string, unknown>): string | undefined {
  const tools = Array.isArray(body.tools) ? (body.tools as Tool[]) : [];
  const choice = body.tool_choice as ToolChoice | undefined;
  if (choice?.type === 'tool') return choice.name;
  return choice?.type === 'any' ? tools[0]?.name : undefined;
}

function sendError(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_mock', ...headers });
  response.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_mock' }));
}

function sse(payload: { type: string } & Record<string, unknown>): string {
  return `event: ${payload.type}\ndata: ${JSON.stringify(payload)}\n\n`;
}

export async function startAnthropicMock(): Promise<AnthropicMock> {
  const calls: AnthropicMockCall[] = [];
  const reads: AnthropicMockCall[] = [];
  let counter = 0;

  const server = createServer(async (request, response) => {
    const body = await readJsonRequest(request);
    const header = (name: string) => request.headers[name] as string | undefined;
    const call = recordCall(
      callsFor(request, calls, reads),
      {
        path: request.url ?? '',
        apiKey: header('x-api-key'),
        anthropicVersion: header('anthropic-version'),
        browserAccess: header('anthropic-dangerous-direct-browser-access'),
        body,
      },
      response,
    );
    const key = call.apiKey ?? '';
    if (request.method !== 'POST' || request.url !== '/v1/messages')
      return sendError(response, 404, 'not_found_error', 'Not found');
    if (!call.apiKey) return sendError(response, 401, 'authentication_error', 'x-api-key header is required');
    if (!call.anthropicVersion)
      return sendError(response, 400, 'invalid_request_error', 'anthropic-version: header is required');
    if (key.startsWith('mock-invalid'))
      return sendError(response, 401, 'authentication_error', 'invalid x-api-key');
    if (key.startsWith('mock-limited')) {
      return sendError(
        response,
        429,
        'rate_limit_error',
        "This request would exceed your organization's rate limit of 5 requests per minute.",
        { 'retry-after': '20' },
      );
    }
    if (key.startsWith('mock-overloaded')) return sendError(response, 529, 'overloaded_error', 'Overloaded');
    if (typeof body.max_tokens !== 'number')
      return sendError(response, 400, 'invalid_request_error', 'max_tokens: Field required');

    const prompt = lastUserText(body);
    const words = `Echo: ${prompt}`.split(/(?<= )/);
    const tool = forcedTool(body);
    const toolInput = JSON.stringify({ text: prompt });
    const id = `msg_mock${++counter}`;
    const model = String(body.model);
    const usage = { input_tokens: prompt.split(' ').length, output_tokens: tool ? 10 : words.length };
    const stopReason = tool ? 'tool_use' : 'end_turn';

    if (body.stream !== true) {
      const content = tool
        ? [{ type: 'tool_use', id: `toolu_mock${counter}`, name: tool, input: { text: prompt } }]
        : [{ type: 'text', text: words.join('') }];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id,
          type: 'message',
          role: 'assistant',
          model,
          content,
          stop_reason: stopReason,
          stop_sequence: null,
          usage,
        }),
      );
      call.completed = true;
      return;
    }

    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write(
      sse({
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
        },
      }),
    );
    if (tool) {
      response.write(
        sse({
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'tool_use', id: `toolu_mock${counter}`, name: tool, input: {} },
        }),
      );
      const middle = Math.floor(toolInput.length / 2);
      for (const part of ['', toolInput.slice(0, middle), toolInput.slice(middle)]) {
        response.write(
          sse({
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'input_json_delta', partial_json: part },
          }),
        );
      }
    } else {
      response.write(
        sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      );
      response.write(sse({ type: 'ping' }));
      // A `mock-midstream` key gets the first word, then an error event in place of the rest.
      const failMidstream = key.startsWith('mock-midstream') && words.length > 1;
      const sent = failMidstream ? words.slice(0, 1) : words;
      if (
        !(await writeWords(response, sent, prompt.includes('slowly'), (word) =>
          sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: word } }),
        ))
      )
        return;
      if (failMidstream) {
        response.end(sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
        return;
      }
    }
    response.write(sse({ type: 'content_block_stop', index: 0 }));
    response.write(
      sse({
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      }),
    );
    response.end(sse({ type: 'message_stop' }));
    call.completed = true;
  });

  return serveMock(server, calls, '/v1', 0, undefined, reads);
}
