/**
 * The extension defines `window.freellm` before any page script runs; its `ready` promise
 * settles once the bridge answers. A short timeout covers a half-installed extension.
 */
import type { FreeLLMPageApi } from '../extension/lib/page-api/freellm';

export async function detectExtension(target: Window, timeoutMs = 1500): Promise<FreeLLMPageApi | undefined> {
  const api = target.freellm;
  if (!api) return undefined;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  return (await Promise.race([api.ready.then(() => 'ready' as const), timeout])) === 'ready'
    ? api
    : undefined;
}
