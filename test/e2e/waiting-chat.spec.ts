/**
 * While no provider has started answering, the popup chat says whom it waits on and when it moves
 * on, then why it moved on: two providers that never answer, then one that does. The user-wide
 * first-byte limit is set to 3 s here (routing settings), so the test does not wait 12 s twice.
 */
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { openPopup } from './pages/popup-page';
import { callBackgroundFrom } from './support/call-background';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
let stuck: OpenAIMock;

test.beforeAll(async () => {
  stuck = await startOpenAIMock({ faults: true });
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Stuck provider',
    baseURL: stuck.baseURL,
    model: 'hang.first',
    secret: 'mock-good-stuck-key',
    label: 'stuck key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Silent provider',
    baseURL: stuck.baseURL,
    model: 'silent-after-head.second',
    secret: 'mock-good-silent-key',
    label: 'silent key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Spare provider',
    baseURL: suite.mock.baseURL,
    model: 'spare-model',
    secret: 'mock-good-spare-key',
    label: 'spare key',
  });
  const saved = await callBackgroundFrom(options.page, {
    type: 'routing.save',
    settings: { firstByteTimeoutMs: 3_000 },
  });
  expect(saved.ok).toBe(true);
  await options.page.close();
});

test.afterAll(() => stuck.close());

/** Turning a key off and on lifts its cool-downs: each run meets the silent providers again. */
async function forgiveSilentKeys(): Promise<void> {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  for (const label of ['stuck key', 'silent key']) {
    await options.setKeyEnabled(label, false);
    await options.setKeyEnabled(label, true);
  }
  await options.page.close();
}

for (const width of [1280, 360]) {
  test(`the popup chat names the provider it waits on, and why it moved on (${width} px)`, async () => {
    await forgiveSilentKeys();
    const popup = await openPopup(suite.context, suite.extensionId);
    await popup.setViewportSize({ width, height: 640 });
    await popup.getByLabel('Message').fill(`are you there? (${width})`);
    await popup.getByRole('button', { name: 'Send' }).click();
    const waiting = popup.getByTestId('waiting');
    await expect(waiting).toContainText(/Waiting for Stuck provider… \d+\ss · moves on after 3\ss/);
    await expect(waiting).toContainText('Stuck provider did not answer in 3 s, trying Silent provider.', {
      timeout: 10_000,
    });
    await expect(waiting).toContainText(/Waiting for Silent provider… \d+\ss/);
    await popup.screenshot({ path: `test/.artifacts/screenshots/popup-waiting-${width}.png` });
    const answer = popup.getByTestId('turn-assistant').last();
    await expect(answer).toContainText(`Echo: are you there? (${width})`, { timeout: 10_000 });
    await expect(waiting).toHaveCount(0);
    // The next run starts a new chat: a follow-up would go straight to the provider that answered (affinity).
    await popup.getByRole('button', { name: 'New chat' }).click();
    await popup.close();
  });
}
