/**
 * The keys list from the user's side: a test of every key that proves it on the provider's model
 * list (no chat request, no quota) and names the refused one in words, reordering by drag and by
 * keyboard, a removal that can be undone, and a switch that does what its last click said.
 */
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const SCREENSHOTS = 'test/.artifacts/screenshots';
const random = () => Math.random().toString(36).slice(2, 12);

let options: OptionsPage;
// A Groq with a model list, which is what proves a key without spending a request.
let mock: OpenAIMock;
const secrets = ['good', 'invalid', 'good'].map((kind) => `mock-${kind}-${random()}-${random()}`) as [
  string,
  string,
  string,
];

test.beforeAll(async () => {
  const { context, extensionId } = suite;
  mock = await startOpenAIMock({ models: ['mock-chat', 'mock-second'] });
  options = await OptionsPage.open(context, extensionId);
  await options.addKeyForProvider('Groq', secrets[0], 'Good Groq', mock.baseURL);
  await options.addKeyForProvider('Groq', secrets[1], 'Bad Groq');
  await options.addKeyForProvider('Groq', secrets[2], 'Spare Groq');
});

test.afterAll(() => mock.close());

test('Test all proves the good key on the model list and names the refused one, spending no chat request', async () => {
  mock.reads.splice(0);
  mock.reset();
  await options.page.getByRole('button', { name: 'Test all' }).click();
  const verdict = (label: string) => options.keyRows().filter({ hasText: label }).getByTestId('key-check');
  await expect(verdict('Bad Groq')).toHaveText('Refused by Groq: the key is invalid.');
  await expect(verdict('Good Groq')).toHaveText('Works: Groq listed its models for it (no quota used).');
  await expect(verdict('Spare Groq')).toContainText('Works');
  // Each key was tried on the model list (routing may read the list on its own too), none on a chat.
  const tried = mock.reads.filter((call) => call.path === '/v1/models').map((call) => call.authorization);
  expect(new Set(tried)).toEqual(new Set(secrets.map((secret) => `Bearer ${secret}`)));
  expect(mock.calls).toEqual([]);
  expect(await options.page.content()).not.toContain('mock-good-');
});

test('keys reorder by dragging their handle and from the keyboard', async () => {
  // Mid-screen, so no row sits under the sticky section bar where the drag would end.
  await options
    .keyRows()
    .first()
    .evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await options
    .keyRows()
    .filter({ hasText: 'Spare Groq' })
    .locator('.drag-handle')
    .dragTo(options.keyRows().first(), { targetPosition: { x: 20, y: 4 } });
  await expect.poll(() => options.keyLabels()).toEqual(['Spare Groq', 'Good Groq', 'Bad Groq']);

  await options.page.getByRole('button', { name: 'Move Bad Groq up' }).focus();
  await options.page.keyboard.press('Enter');
  await expect.poll(() => options.keyLabels()).toEqual(['Spare Groq', 'Bad Groq', 'Good Groq']);
});

test('a removed key comes back in its place with Undo', async () => {
  await options.removeKey('Bad Groq');
  const notice = options.page.getByRole('status').filter({ hasText: 'Removed “Bad Groq”' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => options.keyLabels()).toEqual(['Spare Groq', 'Bad Groq', 'Good Groq']);
  await expect(notice).toHaveCount(0);
});

test('a key switched off and straight back on stays on', async () => {
  const toggle = options.keyRows().filter({ hasText: 'Good Groq' }).getByRole('checkbox');
  // The second click comes before the list is read again: it still means "on".
  await toggle.dblclick();
  await options.page.reload();
  await expect(toggle).toBeChecked();
});

test('a site typed without a scheme is allowed as https, and a plain-http one is refused with the reason', async () => {
  await expect(
    options.page.getByText('Type a site as example.com: it means https://example.com.'),
  ).toBeVisible();
  await options.page.getByLabel('Site origin').fill('typed.example');
  await options.page.getByRole('button', { name: 'Allow site' }).click();
  await expect(options.siteRow('https://typed.example')).toBeVisible();

  await options.page.getByLabel('Site origin').fill('http://plain.example');
  await options.page.getByRole('button', { name: 'Allow site' }).click();
  const refusal = options.page.getByRole('alert').filter({ hasText: 'plain http' });
  await expect(refusal).toContainText('only to https sites (and to localhost)');
  await expect(options.siteRow('plain.example')).toHaveCount(0);
  // The next attempt starts clean: the earlier refusal goes.
  await options.allowSite('http://localhost:5173');
  await expect(refusal).toHaveCount(0);
});

test('the keys section at desktop and phone width, light and dark', async () => {
  await options.page.getByRole('button', { name: 'Test all' }).click();
  await expect(options.keyRows().getByTestId('key-check').filter({ hasText: 'Refused' })).toBeVisible();
  const section = options.page.locator('section.card').first();
  for (const width of [1280, 360])
    for (const scheme of ['light', 'dark'] as const) {
      await options.page.setViewportSize({ width, height: 900 });
      await options.page.emulateMedia({ colorScheme: scheme });
      await section.screenshot({ path: `${SCREENSHOTS}/keys-section-${width}-${scheme}.png` });
      expect(await section.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    }
});
