/**
 * The options page in Firefox, driven with puppeteer-core. The Chromium suite's page object
 * speaks Playwright; this one keeps the same names for what a user does.
 */
import type { Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, type LaunchedFirefox } from '../support/launch-firefox';
import type { CustomEndpointKey } from '../../e2e/pages/options-page';

const ADD_KEY = 'form[aria-label="Add a key"]';

export class FirefoxOptionsPage {
  private constructor(readonly page: Page) {}

  static async open(firefox: LaunchedFirefox): Promise<FirefoxOptionsPage> {
    const page = await firefox.open(`${EXTENSION_ORIGIN}/options.html`);
    await page.waitForSelector(ADD_KEY);
    return new FirefoxOptionsPage(page);
  }

  /** The key labels in priority order, as listed. */
  keyLabels(): Promise<string[]> {
    return this.page.$$eval('[data-testid="key-row"] .key-label', (labels) =>
      labels.map((label) => label.textContent ?? ''),
    );
  }

  /** Fills and sends the add-key form with real clicks and keystrokes; resolves with the error shown, if any. */
  async addKeyForNewEndpoint(key: CustomEndpointKey): Promise<string | undefined> {
    await this.page.select(`${ADD_KEY} select[name="provider"]`, '__new_custom__');
    await this.page.type(`${ADD_KEY} input[name="secret"]`, key.secret);
    if (key.label) await this.page.type(`${ADD_KEY} input[name="label"]`, key.label);
    await this.page.type(`${ADD_KEY} input[name="customName"]`, key.name);
    await this.page.type(`${ADD_KEY} input[name="customBaseURL"]`, key.baseURL);
    await this.page.type(`${ADD_KEY} input[name="customModel"]`, key.model);
    await this.page.click(`${ADD_KEY} button[type="submit"]`);
    // Done when the form is emptied for the next key; refused when it says why.
    await this.page.waitForFunction(
      (form) =>
        document.querySelector(`${form} [role="alert"]`) !== null ||
        (document.querySelector<HTMLInputElement>(`${form} input[name="secret"]`)?.value ?? '') === '',
      { polling: 50 },
      ADD_KEY,
    );
    return (
      (await this.page.$eval(ADD_KEY, (form) => form.querySelector('[role="alert"]')?.textContent)) ??
      undefined
    );
  }
}
