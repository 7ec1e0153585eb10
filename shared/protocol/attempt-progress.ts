/**
 * @module How a caller asks to hear whom FreeLLM is waiting on: the chat passes `onAttempt` in
 * its fetch `init` (a field plain `fetch` ignores), and a transport that crosses processes asks
 * the engine for it with the `x-freellm-progress` header.
 */
import type { AttemptProgress } from '../router/run-attempts';

export type { AttemptProgress };

export const PROGRESS_HEADER = 'x-freellm-progress';

export type ProgressInit = RequestInit & { onAttempt?(progress: AttemptProgress): void };

export function onAttemptOf(init: RequestInit | undefined): ProgressInit['onAttempt'] {
  return (init as ProgressInit | undefined)?.onAttempt;
}
