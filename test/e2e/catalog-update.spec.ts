/**
 * A signed catalog update served from 127.0.0.1 lowers the requests-per-minute limit of Groq's
 * default model to 1 (the built-in catalog says 30): the router obeys it, so the second request
 * within the minute is refused as rate-limited without reaching the provider; the options page
 * says which catalog is in use and where it came from.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { CATALOG_UPDATE_URL, serveCatalogUpdate } from './support/catalog-server';
import { expect, test, useExtensionSuite } from './support/fixtures';
import {
  catalogPayloadWith,
  dayAfterBuiltIn,
  groqRpm,
  signedCatalog,
} from '../../shared/testing/catalog-updates';

const UPDATE_DAY = dayAfterBuiltIn(3);
serveCatalogUpdate(() => signedCatalog(catalogPayloadWith(groqRpm(1), UPDATE_DAY)));
const suite = useExtensionSuite();

test('a signed update lowers a limit and the router obeys it; the options page shows the update in use', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.waitForCatalogCheck(`Updated to the catalog of ${UPDATE_DAY}.`);
  await expect(options.catalogInUse()).toHaveText(
    `In use: the catalog of ${UPDATE_DAY}, an update from ${CATALOG_UPDATE_URL}.`,
  );
  await options.addKeyForProvider('Groq', 'gsk_mock-good-groq-key', 'groq key', suite.mock.baseURL);
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();

  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  // Two different questions: the second must not be the first's cached answer.
  const ask = (question: string) =>
    page.evaluate(async (content) => {
      try {
        const { response } = await window
          .freellmClient()
          .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content }] })
          .withResponse();
        return { status: 200, model: response.headers.get('x-freellm-model') };
      } catch (thrown) {
        const error = thrown as { status: number; code: string };
        return { status: error.status, code: error.code };
      }
    }, question);
  expect(await ask('first question')).toEqual({ status: 200, model: 'openai/gpt-oss-120b' });
  expect(await ask('second question')).toEqual({ status: 429, code: 'all_providers_rate_limited' });
  expect(suite.mock.calls).toHaveLength(1);
  await page.close();
});
