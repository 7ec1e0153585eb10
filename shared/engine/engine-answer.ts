/** @module What the engine hands a host: a JSON answer or a stream of chunks, with headers. */
import type { ChatCompletionChunk } from '../openai/chat';
import type { PageCaller } from '../grants/origin-grants';
import type { OpenAIErrorBody } from '../openai/error';

export type EngineAnswer =
  | { kind: 'json'; status: number; headers: Record<string, string>; body: unknown }
  | {
      kind: 'stream';
      status: 200;
      headers: Record<string, string>;
      /** Ends after the last chunk; a failure after the first chunk arrives as one error body. */
      chunks: AsyncIterable<ChatCompletionChunk | OpenAIErrorBody>;
    };

/** Who is asking. Pages are identified by what the host read from the port's sender. */
export type Caller = ({ kind: 'page' } & PageCaller) | { kind: 'extension' };

/**
 * Whose cached and in-flight answers (and kept responses) a caller may share, as browsers
 * partition their HTTP cache: a page's own origin, or the extension's pages together (see docs/cache.md).
 */
export const partitionOf = (caller: Caller) => (caller.kind === 'page' ? caller.origin : 'extension');
