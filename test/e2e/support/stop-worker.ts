/** Stops the extension's service worker as Chrome does when it idles or crashes: its ports disconnect. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export async function stopExtensionWorker(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const running: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) =>
    running.push(...event.versions.filter((version) => version.runningStatus === 'running')),
  );
  await cdp.send('ServiceWorker.enable');
  const ours = () =>
    running.find((version) => version.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  await expect.poll(() => ours() !== undefined).toBe(true);
  await cdp.send('ServiceWorker.stopWorker', { versionId: ours()!.versionId });
  await cdp.detach();
}
