/**
 * FreeLLM in a real Firefox (ESR, over WebDriver BiDi): a key for a custom endpoint on a port of
 * a host not yet granted, added in the options page; a page refused, then allowed through the
 * approval window, then streaming through that provider, which sends no CORS headers; and the
 * data kept across a relaunch of the same profile. The tests run in order: each builds on the
 * one before.
 */
import { describe, expect, test } from 'vitest';
import { FirefoxOptionsPage } from './pages/firefox-options-page';
import { openTestPage, requestAccessAnswering } from './pages/firefox-test-page';
import { useFirefoxSuite } from './support/firefox-suite';
import { EVENT_PAGE_IDLE_TIMEOUT_MS } from './support/launch-firefox';

const suite = useFirefoxSuite();
const origin = () => `http://127.0.0.1:${suite.pagePort}`;
const SECRET = 'mock-good-firefox-key-1';

/** Run in the page: streams a chat through the official openai client; resolves with the text and chunk count. */
async function streamChat(content: string) {
  const stream = await window.freellmClient().chat.completions.create({
    model: 'auto',
    stream: true,
    messages: [{ role: 'user', content }],
  });
  let text = '';
  let chunks = 0;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    chunks += 1;
  }
  return { text, chunks };
}

describe.sequential('FreeLLM in Firefox', () => {
  test('a key for an endpoint on a port of a host not yet granted is added, the host asked for in the same click', async () => {
    const options = await FirefoxOptionsPage.open(suite.firefox);
    const error = await options.addKeyForNewEndpoint({
      name: 'Server on another port',
      baseURL: suite.mock.baseURL,
      model: 'port-model',
      secret: SECRET,
      label: 'firefox key',
    });
    expect(error).toBeUndefined();
    expect(await options.keyLabels()).toEqual(['firefox key']);
    expect(await options.page.evaluate(() => document.body.innerText)).not.toContain(SECRET);
    await options.page.close();
  });

  test('a page is refused, then allowed through the approval window, then streams a chat from that provider', async () => {
    const page = await openTestPage(suite.firefox, origin());
    const refusedChat = await page.evaluate(() =>
      window
        .freellmClient()
        .chat.completions.create({ messages: [{ role: 'user', content: 'too early' }], model: 'auto' })
        .then(
          () => 'answered',
          (error: { status: number }) => error.status,
        ),
    );
    expect(refusedChat).toBe(403);

    const denied = await requestAccessAnswering(suite.firefox, page, 'Deny');
    expect(denied).toEqual({ result: { granted: false, scope: null }, namedOrigin: origin() });
    const allowed = await requestAccessAnswering(suite.firefox, page, 'Always allow');
    expect(allowed.result).toEqual({ granted: true, scope: 'always' });

    const streamed = await page.evaluate(streamChat, 'hello from firefox');
    expect(streamed.text).toBe('Echo: hello from firefox');
    expect(streamed.chunks).toBeGreaterThan(1);
    expect(suite.mock.calls.map((call) => call.authorization)).toEqual([`Bearer ${SECRET}`]);
    await page.close();
  });

  test('an answer streaming for longer than the event page may stay idle arrives whole', async () => {
    const page = await openTestPage(suite.firefox, origin());
    suite.mock.reset();
    // "slowly": one word every 150 ms, so these words take about twice the idle timeout.
    const words = Array.from({ length: (2 * EVENT_PAGE_IDLE_TIMEOUT_MS) / 150 }, (_, index) => `w${index}`);
    const question = `slowly ${words.join(' ')}`;
    expect((await page.evaluate(streamChat, question)).text).toBe(`Echo: ${question}`);
    expect(suite.mock.calls.map((call) => ({ aborted: call.aborted, completed: call.completed }))).toEqual([
      { aborted: false, completed: true },
    ]);
    await page.close();
  });

  test('the key, its host permission and the site grant are kept when Firefox is relaunched on the same profile', async () => {
    await suite.relaunch();
    const options = await FirefoxOptionsPage.open(suite.firefox);
    expect(await options.keyLabels()).toEqual(['firefox key']);
    await options.page.close();

    // Allowed "always" before the relaunch: no prompt now.
    const page = await openTestPage(suite.firefox, origin());
    expect(await page.evaluate(() => window.freellm!.requestAccess())).toEqual({
      granted: true,
      scope: 'always',
    });
    suite.mock.reset();
    expect(await page.evaluate(streamChat, 'after the relaunch')).toMatchObject({
      text: 'Echo: after the relaunch',
    });
    expect(suite.mock.calls).toHaveLength(1);
    await page.close();
  });
});
