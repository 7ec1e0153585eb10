/**
 * The playground without the extension: it says so, and runs the engine in the page with keys
 * encrypted in the page's own storage (no request is sent: presets point at real providers).
 */
import { chromium, expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './support/static-server';

test('without the extension the playground runs standalone and keeps its keys masked', async () => {
  const server = await startStaticServer(fileURLToPath(new URL('../.artifacts', import.meta.url)));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/web/`);
    await expect(page.getByTestId('mode')).toHaveText('Standalone (no extension)');
    const secret = 'gsk_standalone_example_key_4321';
    await page.getByLabel('API key').fill(secret);
    await page.getByRole('button', { name: 'Add key' }).click();
    await expect(page.locator('.key-hint')).toHaveText('gsk_…4321');
    await page.reload();
    await expect(page.locator('.key-hint')).toHaveText('gsk_…4321');
    expect(await page.content()).not.toContain(secret);
  } finally {
    await browser.close();
    await server.close();
  }
});
