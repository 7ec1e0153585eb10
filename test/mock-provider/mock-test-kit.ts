/**
 * What every "mock through its adapter" test shares: a mock provider started once for the file
 * and emptied before each test, adapter calls to it, and a small chat request.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ChatCompletionChunk, ChatCompletionRequest } from '../../shared/openai/chat';
import type { AdapterCall, ProviderAdapter } from '../../shared/providers/types';
import { adapterCall, type CallTarget } from '../../shared/testing/adapter-call';
import type { MockProvider } from './mock-server';

export interface MockTestKit<Mock> {
  /** The running mock; read it inside tests (it starts in `beforeAll`). */
  readonly mock: Mock;
  /** A call to the mock with the real global fetch, against 127.0.0.1 only; the key picks the behaviour. */
  call(apiKey?: string): AdapterCall;
  /** Streams an answer the mock sends slowly, and aborts the call when its first word arrives. */
  abortAtFirstWord(adapter: ProviderAdapter): Promise<void>;
}

export function useMockProvider<Mock extends MockProvider<unknown>>(
  start: () => Promise<Mock>,
  target: Pick<CallTarget, 'model' | 'providerId' | 'providerName'>,
): MockTestKit<Mock> {
  let mock: Mock | undefined;
  const running = (): Mock => {
    if (!mock) throw new Error('The mock provider starts in beforeAll; use it inside tests.');
    return mock;
  };
  beforeAll(async () => {
    mock = await start();
  });
  afterAll(() => mock?.close());
  beforeEach(() => mock?.reset());
  const call = (apiKey = 'mock-key-1') =>
    adapterCall((input, init) => fetch(input, init), { ...target, baseURL: running().baseURL, apiKey });
  return {
    get mock() {
      return running();
    },
    call,
    async abortAtFirstWord(adapter) {
      const controller = new AbortController();
      const chunks = await adapter.stream(chatRequest('please answer slowly now', { stream: true }), {
        ...call(),
        signal: controller.signal,
      });
      for await (const chunk of chunks) {
        if (chunk.choices[0]?.delta.content) {
          controller.abort();
          break;
        }
      }
    },
  };
}

/** A system prompt and one user message, plus whatever the test adds. */
export const chatRequest = (
  text: string,
  extra: Partial<ChatCompletionRequest> = {},
): ChatCompletionRequest => ({
  model: 'auto',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: text },
  ],
  ...extra,
});

/** The text a stream carried, joined. */
export const streamedText = (chunks: ChatCompletionChunk[]) =>
  chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
