/**
 * A person with no keys: the popup offers a start without keys — the browser's own model (this
 * Chromium has none, and says so without an error) and the keyless endpoints, each with its
 * terms — and one click on a keyless endpoint (pointed at the mock) gives an answer.
 */
import type { Page } from '@playwright/test';
import { OptionsPage } from './pages/options-page';
import { openPopup } from './pages/popup-page';
import { callBackgroundFrom } from './support/call-background';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
const SCREENSHOTS = 'test/.artifacts/screenshots';
/** What the on-device offer says in a browser without a usable model. */
const NO_MODEL_HERE = /no built-in model|cannot run it/;

/** Page errors and console errors of a page, to show nothing failed behind a calm message. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('with no keys the popup offers the on-device model and the keyless endpoints, with their terms', async () => {
  const popup = await openPopup(suite.context, suite.extensionId);
  const errors = errorsOf(popup);
  const start = popup.getByTestId('zero-key-start');
  await expect(start.getByRole('heading', { name: 'Start without a key' })).toBeVisible();
  await expect(popup.getByLabel('Message')).toBeHidden();
  await expect(start.getByTestId('on-device-status')).toHaveText(NO_MODEL_HERE);
  await expect(start.getByTestId('on-device-offer').getByRole('button')).toHaveCount(0);
  await expect(start.getByTestId('keyless-offer-ovh')).toContainText('2 requests a minute per model');
  await expect(start.getByTestId('keyless-offer-kilo')).toContainText('may log them');
  for (const width of [1280, 360]) {
    await popup.setViewportSize({ width, height: 640 });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `${SCREENSHOTS}/popup-zero-keys-${width}-${scheme}.png` });
    }
  }
  expect(errors).toEqual([]);
  await popup.close();
});

test('the options page reports the on-device model unavailable, without errors', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const errors = errorsOf(options.page);
  const section = options.page.getByTestId('on-device-section');
  await expect(section.getByTestId('on-device-state')).toHaveText(NO_MODEL_HERE);
  // A message with code in it: the code stays where the words put it.
  await expect(section.locator('.card-head p')).toHaveText(
    'Chrome’s built-in model answers on this computer: private, free, no key. It is small, so FreeLLM tries it last, unless a request asks for on-device/gemini-nano or an alias names it.',
  );
  await expect(section.locator('.card-head code')).toHaveText('on-device/gemini-nano');
  await expect(section.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('alert')).toHaveCount(0);
  await section.screenshot({ path: `${SCREENSHOTS}/options-on-device-unavailable.png` });
  expect(errors).toEqual([]);
  await options.page.close();
});

test('turning on a keyless endpoint from the popup gives an answer at once, sent without a key', async () => {
  const { context, extensionId, mock } = suite;
  let popup = await openPopup(context, extensionId);
  // The e2e build reaches 127.0.0.1: OVHcloud's preset is pointed at the mock, speaking its format.
  const pointed = await callBackgroundFrom(popup, {
    type: 'providers.setBaseURL',
    providerId: 'ovh',
    baseURL: mock.baseURL,
  });
  expect(pointed.ok).toBe(true);
  await popup.close();
  popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Turn on OVHcloud AI Endpoints (no key)' }).click();
  await expect(popup.getByTestId('pool-status')).toHaveText('1 key in the pool');
  await expect(popup.getByTestId('zero-key-start')).toHaveCount(0);
  mock.reset();
  await popup.getByLabel('Message').fill('hello without a key');
  await popup.getByRole('button', { name: 'Send' }).click();
  const answer = popup.getByTestId('turn-assistant').last();
  await expect(answer).toContainText('Echo: hello without a key');
  await expect(answer).toContainText('ovh · Meta-Llama-3_3-70B-Instruct');
  expect(mock.calls).toHaveLength(1);
  expect(mock.calls[0]?.authorization).toBeUndefined();
  await popup.screenshot({ path: `${SCREENSHOTS}/popup-keyless-answer.png` });
  await popup.close();
});
