/**
 * @module One way to turn the engine's chunk stream into an SSE body, whichever API the caller
 * speaks: a translator says what each chunk, a failure and the end become on the wire.
 */
import { carriesToken, type ChatCompletionChunk } from '../openai/chat';
import type { OpenAIErrorBody } from '../openai/error';
import { encodeSseData, SSE_DONE } from '../sse/encode-sse';

export interface StreamTranslator {
  chunk(chunk: ChatCompletionChunk): string;
  /** The stream's last piece: nothing follows a failure. */
  error(body: OpenAIErrorBody): string;
  end(): string;
}

export const chatCompletionStream = (): StreamTranslator => ({
  chunk: encodeSseData,
  error: encodeSseData,
  end: () => SSE_DONE,
});

/**
 * What comes before the first token (the role chunk) is held and sent with it, so the body's
 * first piece already shows the answer: a transport that sends each piece as a message spends
 * one message, not two, before the first token.
 */
export async function* toSse(
  chunks: AsyncIterable<ChatCompletionChunk | OpenAIErrorBody>,
  translator: StreamTranslator,
): AsyncGenerator<string> {
  let held = '';
  for await (const chunk of chunks) {
    if ('error' in chunk) {
      yield held + translator.error(chunk as OpenAIErrorBody);
      return;
    }
    held += translator.chunk(chunk as ChatCompletionChunk);
    if (carriesToken(chunk as ChatCompletionChunk) && held !== '') {
      yield held;
      held = '';
    }
  }
  yield held + translator.end();
}
