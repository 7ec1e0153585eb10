/**
 * `npm run icons`: renders extension/assets/icon.svg to the PNG sizes the stores and browsers
 * ask for (16, 32, 48, 128), into extension/public/icon/, where WXT finds them for the manifest.
 * Run by hand after changing the SVG; the PNGs are committed, so a build needs no renderer.
 * Chromium renders them: it is already here for the e2e tests, and draws SVG exactly.
 */
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 48, 128];
const root = fileURLToPath(new URL('..', import.meta.url));
const svg = await readFile(`${root}extension/assets/icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `${root}extension/public/icon/${size}.png`, omitBackground: true });
    await page.close();
    console.log(`extension/public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
