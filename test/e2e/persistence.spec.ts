/**
 * Keys survive a browser restart and are never on disk in clear: keys added through the options
 * page are used after the browser restarts on the same profile, and no file of the profile holds
 * a key's text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const random = () => Math.random().toString(36).slice(2, 12);
const SECRETS = [
  `mock-good-${random()}-${random()}-persist-one`,
  `mock-good-${random()}-${random()}-persist-two`,
];

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

test('keys added in the options page are used after a browser restart, and no profile file holds them', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'First provider',
    baseURL: suite.mock.baseURL,
    model: 'first-model',
    secret: SECRETS[0]!,
    label: 'first',
  });
  await options.addKeyForNewEndpoint({
    name: 'Second provider',
    baseURL: suite.mock.baseURL,
    model: 'second-model',
    secret: SECRETS[1]!,
    label: 'second',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();

  await suite.restart();

  const reopened = await OptionsPage.open(suite.context, suite.extensionId);
  await expect(reopened.keyRows()).toHaveCount(2);
  await reopened.setKeyEnabled('first', false);
  await reopened.page.close();
  suite.mock.reset();
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const answer = await page.evaluate(async () => {
    const { data, response } = await window
      .freellmClient()
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'after the restart' }] })
      .withResponse();
    return { content: data.choices[0]?.message.content, model: response.headers.get('x-freellm-model') };
  });
  expect(answer).toEqual({ content: 'Echo: after the restart', model: 'second-model' });
  expect(suite.mock.calls[0]?.authorization).toBe(`Bearer ${SECRETS[1]}`);
  await page.close();

  // Closing the browser flushes IndexedDB's files to disk before they are read.
  await suite.context.close();
  const files = await filesUnder(suite.userDataDir);
  expect(files.some((file) => file.includes('IndexedDB'))).toBe(true);
  const needles = SECRETS.flatMap((secret) => [secret, secret.slice(10, 30)]).flatMap((text) => [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
  ]);
  // The control: an endpoint's name is stored in clear, so the scan must find it, or it is blind.
  const control = [Buffer.from('Second provider', 'utf8'), Buffer.from('Second provider', 'utf16le')];
  const holding: string[] = [];
  let controlFound = false;
  for (const file of files) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (needles.some((needle) => bytes.includes(needle))) holding.push(file);
    controlFound ||= control.some((needle) => bytes.includes(needle));
  }
  expect(controlFound).toBe(true);
  expect(holding).toEqual([]);
  await suite.restart();
});
