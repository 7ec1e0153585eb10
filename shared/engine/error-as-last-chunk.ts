/**
 * @module A stream's failure has two faces: inside the engine it is a thrown error (so a shared
 * upstream call can hand it to every caller), and to a caller it is one OpenAI error chunk that
 * ends the stream.
 */
import type { ChatCompletionChunk } from '../openai/chat';
import { toFreeLLMError, type OpenAIErrorBody } from '../openai/error';

/** Yields the chunks; a failure becomes one error chunk, then `done` learns how the stream ended. */
export async function* errorAsLastChunk(
  chunks: AsyncIterable<ChatCompletionChunk>,
  done: (status: number) => void,
): AsyncGenerator<ChatCompletionChunk | OpenAIErrorBody> {
  let status = 200;
  try {
    yield* chunks;
  } catch (thrown) {
    const error = toFreeLLMError(thrown);
    status = error.status;
    yield error.toBody();
  } finally {
    done(status);
  }
}
