/**
 * @module The part of Chrome's Prompt API (the `LanguageModel` global) FreeLLM uses, as the host
 * hands it in: the engine never reads a global. Chrome exposes it to extension service workers
 * from version 138, without a permission; Firefox has none.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/LanguageModel
 */

/** `downloadable`: the browser can fetch the model, which happens only when a session is created. */
export type PromptApiAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** An `initialPrompts` entry: a system prompt first, then earlier turns. */
export interface PromptApiMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The monitor's `downloadprogress` event: `loaded` runs from 0 to 1. */
export interface DownloadProgressEvent {
  loaded: number;
}

export interface PromptApiMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: DownloadProgressEvent) => void): void;
}

export interface PromptApiSession {
  prompt(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  /** Each chunk is the next piece of the answer (a delta). */
  promptStreaming(input: string, options?: { signal?: AbortSignal }): AsyncIterable<string>;
  destroy(): void;
}

export interface PromptApiCreateOptions {
  initialPrompts?: PromptApiMessage[];
  monitor?(monitor: PromptApiMonitor): void;
  signal?: AbortSignal;
}

/** `LanguageModel` itself: `typeof LanguageModel` in Chrome satisfies it. */
export interface PromptApi {
  availability(): Promise<PromptApiAvailability>;
  create(options?: PromptApiCreateOptions): Promise<PromptApiSession>;
}
