/**
 * The user's own rate limits on the dashboard across a browser restart: they are shown as soon
 * as the options page opens again, before any chat request wakes the router.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

const suite = useExtensionSuite();

test('after a browser restart the dashboard shows the daily limit the user set, before any request', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Limited provider',
    baseURL: suite.mock.baseURL,
    model: 'limited-model',
    secret: 'mock-good-limits-key',
    label: 'limited key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const providerId = await page.evaluate(async () => {
    const { response } = await window
      .freellmClient()
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'count me' }] })
      .withResponse();
    return response.headers.get('x-freellm-provider') ?? '';
  });
  await page.close();
  await options.saveUserLimits({ [providerId]: { rpd: 7 } });
  await options.refreshDashboard();
  await expect(options.usageGroup('Limited provider').getByTestId('usage-row')).toContainText('1 / 7');
  await options.page.close();
  // What the request spent is written a moment after its answer; the restart must not come first.
  await expect.poll(() => suite.serviceWorker.evaluate(storedUsageRows)).toBeGreaterThan(0);

  await suite.restart();

  const reopened = await OptionsPage.open(suite.context, suite.extensionId);
  await expect(reopened.usageGroup('Limited provider').getByTestId('usage-row')).toContainText('1 / 7');
  await reopened.page.close();
});

/** Runs in the service worker: how many usage rows of a (provider, key, model) the database holds. */
async function storedUsageRows(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('freellm');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const ids = await new Promise<IDBValidKey[]>((resolve) => {
    const request = db.transaction('usage').objectStore('usage').getAllKeys();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return ids.filter((id) => String(id).startsWith('model:')).length;
}
