/**
 * @module A stream whose connection breaks mid-answer throws the bare network error of its body
 * read; this names it as the provider's failure (which fails over before the first token, and
 * tells the caller who cut it after), while an abort stays an abort.
 */
import type { ChatCompletionChunk } from '../openai/chat';
import { FreeLLMError, isFreeLLMError } from '../openai/error';

export async function* namingCuts(chunks: AsyncIterable<ChatCompletionChunk>, provider: { id: string; name: string }, signal: AbortSignal): AsyncGenerator<ChatCompletionChunk> {
  try {
    yield* chunks;
  } catch (error) {
    if (signal.aborted || isFreeLLMError(error)) throw error;
    throw new FreeLLMError({
      status: 502, kind: 'server', provider: provider.id, type: 'server_error', code: 'upstream_cut',
      message: `${provider.name} cut the connection mid-answer (${error instanceof Error ? error.message : String(error)}).`,
      cause: error,
    });
  }
}
