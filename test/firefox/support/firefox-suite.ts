/**
 * One Firefox with the extension, one mock provider and one static server (the test page and
 * the playground, shared with the Chromium suite) per test file. Call `useFirefoxSuite()` at the
 * top of a test file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startOpenAIMock, type OpenAIMock } from '../../mock-provider/openai-mock';
import { startStaticServer } from '../../e2e/support/static-server';
import { launchFirefox, type LaunchedFirefox } from './launch-firefox';

const ARTIFACTS_DIR = fileURLToPath(new URL('../../.artifacts', import.meta.url));

export interface FirefoxSuite {
  firefox: LaunchedFirefox;
  /**
   * A provider on 127.0.0.2, a host neither the manifest nor a content script names (the e2e
   * build declares 127.0.0.1): Firefox lets the add-on call it only once the user grants it.
   */
  mock: OpenAIMock;
  /** Serves the test page at /page/ on http://127.0.0.1:PORT and http://localhost:PORT. */
  pagePort: number;
  /** Closes Firefox and starts it again on the same profile, the add-on installed again. */
  relaunch(): Promise<void>;
}

export function useFirefoxSuite(): FirefoxSuite {
  const suite = {} as FirefoxSuite;
  const closers: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'freellm-firefox-'));
    closers.push(() => rm(profileDir, { recursive: true, force: true }));
    suite.firefox = await launchFirefox(profileDir);
    closers.push(() => suite.firefox.browser.close());
    suite.relaunch = async () => {
      await suite.firefox.browser.close();
      suite.firefox = await launchFirefox(profileDir);
    };
    suite.mock = await startOpenAIMock({ host: '127.0.0.2' });
    closers.push(() => suite.mock.close());
    const server = await startStaticServer(ARTIFACTS_DIR);
    closers.push(() => server.close());
    suite.pagePort = server.port;
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  return suite;
}
