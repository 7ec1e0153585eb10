/**
 * A mock Google Gemini API on 127.0.0.1, speaking the real native wire format:
 * `POST /v1beta/models/{model}:generateContent` answers one GenerateContentResponse as JSON;
 * `:streamGenerateContent?alt=sse` answers `data:` events, each a whole GenerateContentResponse
 * with only the new parts, the last one carrying `finishReason` and `usageMetadata`, then EOF (no
 * `[DONE]`). Errors use Google's envelope `{error:{code,message,status,details}}`. The key comes
 * in `x-goog-api-key` (as the adapter sends it) or `?key=`.
 *
 * Behaviour is chosen by the key, as a real provider's would be:
 * `mock-invalid…` → 400 INVALID_ARGUMENT with reason API_KEY_INVALID; `mock-limited…` → 429
 * RESOURCE_EXHAUSTED with a per-minute QuotaFailure and RetryInfo `retryDelay: "20s"`; any
 * other → OK. The answer echoes the last user text ("Echo: <text>"). When
 * `functionCallingConfig.mode` is ANY, the answer calls the first allowed (or declared) function
 * with `{"text": <last user text>}`. A message containing "slowly" streams one word every 150 ms,
 * so a test can abort mid-stream. `:batchEmbedContents` answers `{embeddings: [{values}]}`, one per
 * request in order (`mockEmbedding` of its text), refusing more than 100 requests as Google does.
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

export interface GeminiMockCall extends BaseMockCall {
  apiKey: string | undefined;
}

/** `baseURL` ends in `/v1beta`, like `https://generativelanguage.googleapis.com/v1beta`. */
export type GeminiMock = MockProvider<GeminiMockCall>;

interface Part {
  text?: string;
}
interface FunctionCallingConfig {
  mode?: string;
  allowedFunctionNames?: string[];
}

function lastUserText(body: Record<string, unknown>): string {
  const contents = Array.isArray(body.contents) ? (body.contents as { role?: string; parts?: Part[] }[]) : [];
  const last = [...contents]
    .reverse()
    .find(
      (content) => content.role === 'user' && content.parts?.some((part) => typeof part.text === 'string'),
    );
  return (last?.parts ?? []).map((part) => part.text ?? '').join(' ');
}

function forcedFunction(body: Record<string, unknown>): string | undefined {
  const config = (body.toolConfig as { functionCallingConfig?: FunctionCallingConfig } | undefined)
    ?.functionCallingConfig;
  if (config?.mode !== 'ANY') return undefined;
  const tools = Array.isArray(body.tools)
    ? (body.tools as { functionDeclarations?: { name: string }[] }[])
    : [];
  return config.allowedFunctionNames?.[0] ?? tools[0]?.functionDeclarations?.[0]?.name;
}

function sendError(
  response: ServerResponse,
  code: number,
  status: string,
  message: string,
  details: unknown[] = [],
): void {
  response.writeHead(code, { 'content-type': 'application/json; charset=UTF-8' });
  response.end(JSON.stringify({ error: { code, message, status, details } }));
}

export async function startGeminiMock(): Promise<GeminiMock> {
  const calls: GeminiMockCall[] = [];
  const reads: GeminiMockCall[] = [];
  let counter = 0;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readJsonRequest(request);
    const apiKey =
      (request.headers['x-goog-api-key'] as string | undefined) ?? url.searchParams.get('key') ?? undefined;
    const call = recordCall(
      callsFor(request, calls, reads),
      { path: `${url.pathname}${url.search}`, apiKey, body },
      response,
    );
    const route =
      /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent|batchEmbedContents)$/.exec(
        url.pathname,
      );
    if (request.method !== 'POST' || !route)
      return sendError(response, 404, 'NOT_FOUND', `Unknown path ${url.pathname}`);
    if (!apiKey)
      return sendError(
        response,
        403,
        'PERMISSION_DENIED',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    if (apiKey.startsWith('mock-invalid')) {
      return sendError(response, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ]);
    }
    if (apiKey.startsWith('mock-limited')) {
      return sendError(
        response,
        429,
        'RESOURCE_EXHAUSTED',
        'You exceeded your current quota, please check your plan and billing details.',
        [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              { quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier', quotaValue: '10' },
            ],
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '20s' },
        ],
      );
    }

    if (route[2] === 'batchEmbedContents') {
      const requests = Array.isArray(body.requests)
        ? (body.requests as { content?: { parts?: Part[] } }[])
        : [];
      if (requests.length > 100)
        return sendError(
          response,
          400,
          'INVALID_ARGUMENT',
          '* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n',
        );
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(
        JSON.stringify({
          embeddings: requests.map((request) => ({
            values: mockEmbedding((request.content?.parts ?? []).map((part) => part.text ?? '').join('')),
          })),
        }),
      );
      call.completed = true;
      return;
    }

    const prompt = lastUserText(body);
    const functionName = forcedFunction(body);
    const words = `Echo: ${prompt}`.split(/(?<= )/);
    const responseId = `mockResponse${++counter}`;
    const modelVersion = route[1];
    const promptTokens = prompt.split(' ').length;
    const usageMetadata = (outputTokens: number) => ({
      promptTokenCount: promptTokens,
      candidatesTokenCount: outputTokens,
      totalTokenCount: promptTokens + outputTokens,
    });
    const answer = (parts: unknown[], finishReason: string | undefined, outputTokens: number) => ({
      candidates: [
        { content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: 0 },
      ],
      usageMetadata: usageMetadata(outputTokens),
      modelVersion,
      responseId,
    });
    const functionPart = functionName
      ? { functionCall: { name: functionName, args: { text: prompt } } }
      : undefined;

    if (route[2] === 'generateContent') {
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(answer([functionPart ?? { text: words.join('') }], 'STOP', words.length)));
      call.completed = true;
      return;
    }

    if (url.searchParams.get('alt') !== 'sse')
      return sendError(response, 400, 'INVALID_ARGUMENT', 'This mock streams only with alt=sse.');
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (payload: unknown) => `data: ${JSON.stringify(payload)}\r\n\r\n`;
    if (functionPart) {
      response.end(event(answer([functionPart], 'STOP', 1)));
      call.completed = true;
      return;
    }
    const last = words.length - 1;
    if (
      !(await writeWords(response, words, prompt.includes('slowly'), (word, index) =>
        event(answer([{ text: word }], index === last ? 'STOP' : undefined, index + 1)),
      ))
    )
      return;
    response.end();
    call.completed = true;
  });

  return serveMock(server, calls, '/v1beta', 0, undefined, reads);
}
