/**
 * A user's endpoints are named as the user named them wherever a person reads about them: the
 * chat's error, the dashboard's last error and notice, the request log and its CSV. Their ids
 * (`custom-revoked-endpoint-3f2a9c`, random) are for programs only.
 */
import { readFile } from 'node:fs/promises';
import { OptionsPage } from './pages/options-page';
import { openPopup } from './pages/popup-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  for (const [name, label] of [
    ['Revoked endpoint', 'revoked key'],
    ['Spare endpoint', 'spare key'],
  ] as const)
    await options.addKeyForNewEndpoint({
      name,
      baseURL: suite.mock.baseURL,
      model: 'mock-model',
      secret: `mock-invalid-${label.replace(' ', '-')}`,
      label,
    });
  await options.page.close();
});

test('endpoints refusing their keys are named as the user named them in the chat, the dashboard and the log', async () => {
  const popup = await openPopup(suite.context, suite.extensionId);
  await expect(popup.getByTestId('pool-status')).toHaveText('2 keys in the pool');
  await popup.getByLabel('Message').fill('hello');
  await popup.getByRole('button', { name: 'Send' }).click();
  const error = popup.getByTestId('turn-assistant').last().getByRole('alert');
  await expect(error).toContainText(
    /^Spare endpoint answered HTTP 401: Incorrect API key provided: .* \(tried: Revoked endpoint · mock-model: auth; Spare endpoint · mock-model: auth\)$/,
  );
  await expect(popup.locator('body')).not.toContainText('custom-');
  await popup.close();

  const options = await OptionsPage.open(suite.context, suite.extensionId);
  for (const name of ['Revoked endpoint', 'Spare endpoint'])
    await expect(options.usageGroup(name)).toContainText(`${name} answered HTTP 401: Incorrect API key`);
  await expect(
    options
      .dashboard()
      .getByRole('status')
      .filter({ hasText: 'revoked key (Revoked endpoint) was turned off' }),
  ).toContainText('Revoked endpoint rejected this key');
  await expect(options.dashboard()).not.toContainText('custom-');

  const log = options.page.locator('section.request-log');
  await expect(log.getByTestId('log-row')).toHaveCount(1);
  await expect(log.getByTestId('log-row').locator('.attempts')).toContainText(
    /^Revoked endpoint: .* moved to Spare endpoint: /,
  );
  await expect(log.getByLabel('Provider').locator('option')).toHaveText([
    'All providers',
    'Revoked endpoint',
    'Spare endpoint',
  ]);
  await expect(log).not.toContainText('custom-');
  const download = options.page.waitForEvent('download');
  await log.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv).toContain('Revoked endpoint: ');
  expect(csv).not.toContain('custom-');
  await options.page.close();
});
