/**
 * One browser with the extension, one mock provider and one static server per test file: a
 * browser per test would triple the suite's time, and one per worker would leak one file's keys
 * and grants into the next. Call `useExtensionSuite()` at the top of a spec file.
 */
import { test, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOpenAIMock, type OpenAIMock } from '../../mock-provider/openai-mock';
import { launchExtension } from './launch-extension';
import { startStaticServer } from './static-server';

const ARTIFACTS_DIR = fileURLToPath(new URL('../../.artifacts', import.meta.url));

export interface ExtensionSuite {
  userDataDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  mock: OpenAIMock;
  /** Serves the test page at /page/ and the playground at /web/, on http://127.0.0.1:PORT and http://localhost:PORT. */
  pagePort: number;
  /** Closes the browser and starts it again on the same profile (a restart, with the data kept). */
  restart(): Promise<void>;
}

export interface SuiteOptions {
  /** Prepares the new profile before the browser first starts (a native-messaging host, say). */
  beforeLaunch?(userDataDir: string): Promise<void>;
  /** Added to the browser's environment. */
  env?(userDataDir: string): Record<string, string>;
}

export function useExtensionSuite(options: SuiteOptions = {}): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  const closers: (() => Promise<unknown>)[] = [];
  test.beforeAll(async () => {
    suite.userDataDir = await mkdtemp(join(tmpdir(), 'freellm-e2e-'));
    closers.push(() => rm(suite.userDataDir, { recursive: true, force: true }));
    await options.beforeLaunch?.(suite.userDataDir);
    const launch = async () => {
      const launched = await launchExtension(suite.userDataDir, options.env?.(suite.userDataDir));
      Object.assign(suite, {
        context: launched.context,
        serviceWorker: launched.worker,
        extensionId: launched.extensionId,
      });
    };
    await launch();
    closers.push(() => suite.context.close());
    suite.restart = async () => {
      await suite.context.close();
      await launch();
    };
    suite.mock = await startOpenAIMock();
    closers.push(() => suite.mock.close());
    const server = await startStaticServer(ARTIFACTS_DIR);
    closers.push(() => server.close());
    suite.pagePort = server.port;
  });
  test.afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  return suite;
}

export { expect, test } from '@playwright/test';
