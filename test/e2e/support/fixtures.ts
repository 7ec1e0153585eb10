/**
 * Worker-scoped fixtures: one browser with the extension, one mock provider and one test-page
 * server per test file (a browser per test would triple the suite's time).
 */
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOpenAIMock, type OpenAIMock } from '../../mock-provider/openai-mock';
import { launchExtension } from './launch-extension';
import { startStaticServer } from './static-server';

const PAGE_DIR = fileURLToPath(new URL('../../.artifacts/page', import.meta.url));

export interface ExtensionFixtures {
  userDataDir: string;
  extensionContext: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  mock: OpenAIMock;
  /** The test page's port; it is served at http://127.0.0.1:PORT and http://localhost:PORT. */
  pagePort: number;
}

export const test = base.extend<object, ExtensionFixtures>({
  userDataDir: [
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'freellm-e2e-'));
      await use(dir);
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    async ({ userDataDir }, use) => {
      const launched = await launchExtension(userDataDir);
      await use(launched.context);
      await launched.context.close();
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ extensionContext }, use) => {
      await use(extensionContext.serviceWorkers()[0] ?? (await extensionContext.waitForEvent('serviceworker')));
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],
  mock: [
    async ({}, use) => {
      const mock = await startOpenAIMock();
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  pagePort: [
    async ({}, use) => {
      const server = await startStaticServer(PAGE_DIR);
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
