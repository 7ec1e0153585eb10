/**
 * A tampered catalog update (signed with a limit of 30, then changed to 1) changes nothing: the
 * built-in catalog stays in use, both requests are served, and the options page says why the
 * update was refused.
 */
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { serveCatalogUpdate } from './support/catalog-server';
import { expect, test, useExtensionSuite } from './support/fixtures';
import {
  catalogPayloadWith,
  dayAfterBuiltIn,
  groqRpm,
  tamperedCatalog,
} from '../../shared/testing/catalog-updates';
import { PROVIDER_PRESETS } from '../../shared/catalog/provider-presets';
import { catalogDateOf } from '../../shared/catalog/updates/catalog-data';

serveCatalogUpdate(() => tamperedCatalog(catalogPayloadWith(groqRpm(30), dayAfterBuiltIn(3)), 30, 1));
const suite = useExtensionSuite();

test('a tampered update changes nothing and the options page says why', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.waitForCatalogCheck(
    "Update refused: its signature does not match FreeLLM's catalog key. The catalog in use did not change.",
  );
  await expect(options.catalogInUse()).toHaveText(
    `In use: the catalog of ${catalogDateOf(PROVIDER_PRESETS)}, built into this version of FreeLLM.`,
  );
  await options.addKeyForProvider('Groq', 'gsk_mock-good-groq-key', 'groq key', suite.mock.baseURL);
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();

  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const statuses = await page.evaluate(async () => {
    // Two different questions: the second must not be the first's cached answer.
    const ask = async (content: string) => {
      const { response } = await window
        .freellmClient()
        .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content }] })
        .withResponse();
      return response.status;
    };
    return [await ask('first question'), await ask('second question')];
  });
  expect(statuses).toEqual([200, 200]);
  await page.close();
});
