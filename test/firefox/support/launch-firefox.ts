/**
 * Launches Firefox ESR over WebDriver BiDi (puppeteer-core: Playwright's Firefox mode fails
 * against this Firefox and cannot install an extension) with the e2e build of the extension
 * installed as a temporary add-on at a fixed moz-extension address.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';

export const FIREFOX_EXTENSION_DIR = fileURLToPath(
  new URL('../../../.output/e2e/firefox-mv3', import.meta.url),
);
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'freellm@freellm';
/** The add-on's address is random per profile unless fixed by this pref before launch. */
const EXTENSION_UUID = '3d6f1a52-8c0e-4b7a-9e21-5f4c0d9b7a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/**
 * Firefox suspends an idle event page after 30 s; 2 s here, so the suite also runs across
 * suspensions and a test can outlast the timeout (the e2e build's keep-alive pings every 0.5 s).
 */
export const EVENT_PAGE_IDLE_TIMEOUT_MS = 2_000;

export interface LaunchedFirefox {
  browser: Browser;
  /** Opens a new tab at a URL (an extension page or a web page) once it has loaded. */
  open(url: string): Promise<Page>;
}

/** What puppeteer's BiDi page keeps of its browsing context (not in its public types). */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> };
}

/**
 * Firefox sends no load event for a moz-extension page, so `page.goto()` never returns there;
 * BiDi's own navigate waiting for "complete" does, for every kind of page.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(url, 'complete');
}

export async function launchFirefox(profileDir: string): Promise<LaunchedFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    // Lets BiDi navigate a tab to a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // permissions.request() would wait forever on a doorhanger nobody sees in headless Firefox;
      // without the prompt a real click still has to ask, so the user-gesture rule is kept.
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.background.idle.timeout': EVENT_PAGE_IDLE_TIMEOUT_MS,
    },
  });
  // A temporary add-on lasts until the browser closes; its data stays in the profile.
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    async open(url) {
      const page = await browser.newPage();
      await navigate(page, url);
      return page;
    },
  };
}
