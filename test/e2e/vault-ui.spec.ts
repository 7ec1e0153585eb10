/**
 * The key vault from the user's side: a passphrase lock that refuses page requests while locked
 * and is lifted from the popup, keys imported from a pasted `.env`, renamed, replaced and
 * reordered (the router follows the order), and a settings file exported encrypted and imported
 * back. The product's 600,000 PBKDF2 iterations are kept; the tests wait for them.
 */
import { readFile } from 'node:fs/promises';
import { OptionsPage } from './pages/options-page';
import { openPopup } from './pages/popup-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';
import { attackProfileCopies, copyOfProfile } from './support/profile-copy';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();

const random = () => Math.random().toString(36).slice(2, 12);
const MAIN_KEY = `mock-good-${random()}-${random()}-main`;
const ENV_MOCK_KEY = `mock-good-${random()}-${random()}-from-env`;
const GROQ_KEY = `gsk_${random()}${random()}${random()}`;
const OPENROUTER_KEY = `sk-or-v1-${random()}${random()}${random()}`;
const KEY_UNDER_LOCK = `mock-good-${random()}-${random()}-under-lock`;
const PASSPHRASE = 'correct horse battery staple';
const SCREENSHOTS = 'test/.artifacts/screenshots';

let options: OptionsPage;

test.beforeAll(async () => {
  const { context, extensionId, mock, pagePort } = suite;
  options = await OptionsPage.open(context, extensionId);
  await options.page.setViewportSize({ width: 1000, height: 900 });
  await expect(options.passphraseOffer()).toContainText('set it before your first key');
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: mock.baseURL,
    model: 'mock-model',
    secret: MAIN_KEY,
    label: 'main key',
  });
  await options.allowSite(`http://127.0.0.1:${pagePort}`);
});

async function askFromPage(content: string) {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const result = await page.evaluate(async (text) => {
    const response = await window.freellm!.fetch(`${window.freellm!.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'auto', messages: [{ role: 'user', content: text }] }),
    });
    const body = (await response.json()) as {
      choices?: { message: { content: string } }[];
      error?: { code: string; message: string };
    };
    return { status: response.status, content: body.choices?.[0]?.message.content, error: body.error };
  }, content);
  await page.close();
  return result;
}

test('while locked, a page gets 423 vault_locked and nothing goes upstream; unlocking in the popup brings the keys back', async () => {
  test.setTimeout(60_000);
  const { context, extensionId, mock } = suite;
  await expect(options.lockState()).toHaveText('No passphrase');
  await expect(options.passphraseOffer()).toContainText('Your first key is stored');
  await expect(options.security().getByTestId('older-copies-note')).toContainText(
    'replace those keys at the provider',
  );
  for (const width of [1280, 360]) {
    // Tall enough that the keys card fits without scrolling under the section bar.
    await options.page.setViewportSize({ width, height: 1400 });
    await options.page.evaluate(() => window.scrollTo(0, 0));
    await options.page
      .locator('section.card')
      .first()
      .screenshot({ path: `${SCREENSHOTS}/keys-passphrase-offer-${width}.png` });
    await options.security().screenshot({ path: `${SCREENSHOTS}/security-no-passphrase-${width}.png` });
  }
  await options.page.setViewportSize({ width: 1000, height: 900 });
  await options.page.evaluate(() => window.scrollTo(0, 0));
  await options.passphraseOffer().getByRole('link', { name: 'set a passphrase now' }).click();
  await expect(options.security().getByRole('form', { name: 'Set a passphrase' })).toBeInViewport();
  await options.setPassphrase(PASSPHRASE, 'After 15 minutes idle');
  await expect(options.passphraseOffer()).toHaveCount(0);
  await expect(options.security()).toContainText('Locks itself after 15 minutes idle');
  await options.security().screenshot({ path: `${SCREENSHOTS}/security-unlocked.png` });
  await options.page.setViewportSize({ width: 360, height: 900 });
  await options.security().screenshot({ path: `${SCREENSHOTS}/security-unlocked-360.png` });
  await options.page.setViewportSize({ width: 1000, height: 900 });
  await options.lockNow();
  await options.security().screenshot({ path: `${SCREENSHOTS}/security-locked.png` });

  mock.reset();
  const locked = await askFromPage('are you locked?');
  expect(locked.status).toBe(423);
  expect(locked.error?.code).toBe('vault_locked');
  expect(locked.error?.message).toContain('Unlock it with your passphrase');
  expect(mock.calls).toHaveLength(0);

  const popup = await openPopup(context, extensionId);
  const unlock = popup.getByRole('form', { name: 'Unlock FreeLLM' });
  await expect(unlock).toContainText('FreeLLM is locked');
  await expect(popup.getByLabel('Message')).toBeHidden();
  await popup.screenshot({ path: `${SCREENSHOTS}/popup-locked.png` });
  await unlock.getByLabel('Passphrase').fill('not the passphrase');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toContainText('not the right one', { timeout: 15_000 });
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await popup.getByLabel('Message').fill('unlocked?');
  await popup.getByRole('button', { name: 'Send' }).click();
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: unlocked?');

  // The options page saw the popup's unlock as it happened.
  await expect(options.lockState()).toHaveText('Unlocked');
  // Locked from the options page while the popup is open (as the idle auto-lock does, in the
  // background): the popup shows its unlock form at once, and the conversation is still there.
  await options.lockNow();
  await expect(unlock).toBeVisible();
  await expect(popup.getByLabel('Message')).toBeHidden();
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByLabel('Message')).toBeVisible({ timeout: 15_000 });
  await expect(unlock).toHaveCount(0);
  await expect(popup.getByTestId('turn-assistant').last()).toContainText('Echo: unlocked?');
  await expect(options.lockState()).toHaveText('Unlocked');
  await popup.screenshot({ path: `${SCREENSHOTS}/popup-unlocked-again.png` });
  await popup.close();

  const unlocked = await askFromPage('and from the page?');
  expect(unlocked).toMatchObject({ status: 200, content: 'Echo: and from the page?' });
});

test('a pasted .env imports the keys it recognises, shows what it skips and why, and never shows a secret', async () => {
  const text = [
    '# keys for my project',
    `GROQ_API_KEY=${GROQ_KEY}`,
    `export OPENROUTER_API_KEY="${OPENROUTER_KEY}"`,
    'DEBUG=true',
    'MISTRAL_API_KEY=',
    `MY_LLM_KEY=${ENV_MOCK_KEY}`,
    'this line is not an assignment',
    `GROQ_BACKUP_KEY=${GROQ_KEY}`,
  ].join('\n');
  await options.page.reload();
  await options.pasteEnv(text);
  await options.envImport().screenshot({ path: `${SCREENSHOTS}/env-import-paste.png` });
  await options.previewEnv();
  await expect(options.envRowsToImport()).toHaveCount(2);
  await expect(options.envRowsToImport().nth(0)).toContainText('GROQ_API_KEY');
  await expect(options.envRowsToImport().nth(0)).toContainText(`gsk_…${GROQ_KEY.slice(-4)}`);
  await expect(options.envRowsToImport().nth(1)).toContainText('OpenRouter');
  const skipped = options.envSkippedRows();
  await expect(skipped.filter({ hasText: 'DEBUG' })).toContainText('Not an API key');
  await expect(skipped.filter({ hasText: 'MISTRAL_API_KEY' })).toContainText('The value is empty');
  await expect(skipped.filter({ hasText: 'Line 7' })).toContainText('Not a NAME=value line');
  await expect(skipped.filter({ hasText: 'GROQ_BACKUP_KEY' })).toContainText('Same key as line 2');
  // A duplicate stays one whatever the provider: no picker for it, unlike the key it could not place.
  await expect(skipped.filter({ hasText: 'GROQ_BACKUP_KEY' }).getByRole('combobox')).toHaveCount(0);
  await expect(skipped.filter({ hasText: 'MY_LLM_KEY' })).toContainText('Could not tell which provider');

  // The unrecognised key is given to the mock endpoint by hand; OpenRouter is left out.
  await options.envImport().getByLabel('Provider for line 6').selectOption({ label: 'Mock provider' });
  await expect(options.envRowsToImport().filter({ hasText: 'MY_LLM_KEY' })).toContainText('chosen by you');
  await options.envImport().getByLabel('Import OPENROUTER_API_KEY').uncheck();
  await options.envImport().screenshot({ path: `${SCREENSHOTS}/env-import-preview.png` });
  const html = await options.page.content();
  for (const secret of [GROQ_KEY, OPENROUTER_KEY, ENV_MOCK_KEY]) expect(html).not.toContain(secret);

  await options.envImport().getByRole('button', { name: 'Import 2 keys' }).click();
  await expect(options.envImport().getByRole('status')).toHaveText('Imported 2 keys.');
  await expect(options.envImport()).toContainText('Left out by you');
  await expect.poll(() => options.keyLabels()).toEqual(['main key', 'GROQ_API_KEY', 'MY_LLM_KEY']);
  await options.envImport().getByRole('button', { name: 'Done' }).click();
});

test('keys are renamed and replaced in place, and moving one up makes the router try it first', async () => {
  const { mock } = suite;
  await options.renameKey('GROQ_API_KEY', 'Groq personal');
  await options.moveKey('MY_LLM_KEY', 'up');
  await options.moveKey('MY_LLM_KEY', 'up');
  await expect.poll(() => options.keyLabels()).toEqual(['MY_LLM_KEY', 'main key', 'Groq personal']);

  mock.reset();
  expect(await askFromPage('who answers first?')).toMatchObject({ status: 200 });
  expect(mock.calls[0]?.authorization).toBe(`Bearer ${ENV_MOCK_KEY}`);

  const rotated = `mock-good-${random()}-${random()}-rotated`;
  await options.replaceKeySecret('MY_LLM_KEY', rotated);
  await expect(options.keyRows().first()).toContainText(`…${rotated.slice(-4)}`);
  mock.reset();
  expect(await askFromPage('and now?')).toMatchObject({ status: 200 });
  expect(mock.calls[0]?.authorization).toBe(`Bearer ${rotated}`);
  await options.page
    .locator('section.card')
    .first()
    .screenshot({ path: `${SCREENSHOTS}/keys-section.png` });
});

test('an encrypted export imported back restores a removed key, and a wrong passphrase changes nothing', async () => {
  test.setTimeout(60_000);
  const exported = await options.exportSettings('backup passphrase 1');
  expect(exported.fileName).toMatch(/^freellm-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(exported.path, 'utf8');
  const document = JSON.parse(text) as { keyEncryption: { iterations: number } | null; keys: unknown[] };
  expect(document.keyEncryption?.iterations).toBe(600_000);
  expect(document.keys).toHaveLength(3);
  expect(text).not.toContain(MAIN_KEY);
  expect(text).not.toContain(GROQ_KEY);
  expect(text).toContain('\n  "format": "freellm-settings"');

  await options.removeKey('Groq personal');
  const refused = await options.importSettings(exported.path, 'not the backup passphrase');
  expect(refused).toContain('the passphrase is wrong or the file was altered. Nothing was imported.');
  await expect(options.keyRows()).toHaveCount(2);

  const summary = await options.importSettings(exported.path, 'backup passphrase 1');
  expect(summary).toContain('Imported: 1 key added, 2 replaced');
  await expect.poll(() => options.keyLabels()).toEqual(['MY_LLM_KEY', 'main key', 'Groq personal']);
  await options.backup().screenshot({ path: `${SCREENSHOTS}/backup-section.png` });
  await options.page.screenshot({ path: `${SCREENSHOTS}/options-vault.png`, fullPage: true });
});

test('the passphrase is changed only with the right current one and twice the same new one, then the lock is removed', async () => {
  test.setTimeout(60_000);
  await options.page.reload();
  expect(await options.changePassphrase(PASSPHRASE, 'a new passphrase', 'a new passphrase!')).toBe(
    'The two passphrases are not the same.',
  );
  expect(await options.changePassphrase('wrong passphrase', 'a new passphrase')).toContain(
    'not the right one',
  );
  expect(await options.changePassphrase(PASSPHRASE, 'a new passphrase')).toBeUndefined();
  await options.lockNow();
  await options.removePassphrase('a new passphrase');
  expect(await askFromPage('no lock any more')).toMatchObject({
    status: 200,
    content: 'Echo: no lock any more',
  });

  const exportForm = options.backup().getByRole('form', { name: 'Export settings' });
  await exportForm.getByLabel('Export the keys in clear, without a passphrase').check();
  await expect(exportForm.getByRole('note')).toHaveText(
    'Anyone who gets this file can use your keys. Keep it as safe as the keys themselves.',
  );
  await expect(exportForm.getByLabel('Passphrase for the file')).toHaveCount(0);
});

test('with every copy of the profile taken along the way and the device key, no key added under the passphrase opens without it', async () => {
  test.setTimeout(90_000);
  // No lock now (the last test removed it), and keys stored: what an attacker copied earlier.
  const copies = [await copyOfProfile(options.page)];
  await options.page.reload();
  await options.setPassphrase(PASSPHRASE);
  copies.push(await copyOfProfile(options.page));
  await options.addKeyForProvider('Mock provider', KEY_UNDER_LOCK, 'added under the lock');
  copies.push(await copyOfProfile(options.page));
  await options.lockNow();
  copies.push(await copyOfProfile(options.page));

  const attack = await attackProfileCopies(options.page, copies, PASSPHRASE);
  // The attack is real: keys stored before the passphrase still open from the older copy.
  expect(attack.opened).toContain(MAIN_KEY);
  expect(attack.opened).not.toContain(KEY_UNDER_LOCK);
  expect(attack.keys).not.toContain(attack.dataKey);
  // The newest copy alone opens nothing: the keys stored before were re-sealed under the new data key.
  expect((await attackProfileCopies(options.page, [copies.at(-1)!], PASSPHRASE)).opened).toEqual([]);
  expect(attack.openedWithPassphrase).toEqual(expect.arrayContaining([MAIN_KEY, KEY_UNDER_LOCK]));
});
