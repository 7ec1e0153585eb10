/** Page object for the options page: the selectors live here, the tests speak of what a user does. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export interface CustomEndpointKey {
  name: string;
  baseURL: string;
  model: string;
  secret: string;
  label?: string;
}

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByRole('heading', { name: 'Provider keys' })).toBeVisible();
    return new OptionsPage(page);
  }

  keyRows() {
    return this.page.getByTestId('key-row');
  }

  async addKeyForNewEndpoint(key: CustomEndpointKey): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a key' });
    await form.getByLabel('Provider').selectOption({ label: 'Custom OpenAI-compatible endpoint…' });
    await form.getByLabel('API key').fill(key.secret);
    if (key.label) await form.getByLabel('Label').fill(key.label);
    await form.getByLabel('Endpoint name').fill(key.name);
    await form.getByLabel('Base URL').fill(key.baseURL);
    await form.getByLabel('Default model').fill(key.model);
    await form.getByRole('button', { name: 'Add key' }).click();
    await expect(form.getByLabel('API key')).toHaveValue('');
  }

  async addKeyForProvider(providerName: string, secret: string, label: string, baseURL?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a key' });
    await form.getByLabel('Provider').selectOption({ label: providerName });
    await form.getByLabel('API key').fill(secret);
    await form.getByLabel('Label').fill(label);
    if (baseURL) {
      const advanced = form.locator('details.advanced');
      if (!(await advanced.evaluate((element) => (element as HTMLDetailsElement).open))) await advanced.locator('summary').click();
      await form.getByLabel('Base URL').fill(baseURL);
    }
    await form.getByRole('button', { name: 'Add key' }).click();
    await expect(this.keyRows().filter({ hasText: label })).toBeVisible();
  }

  async setKeyEnabled(label: string, enabled: boolean): Promise<void> {
    const toggle = this.keyRows().filter({ hasText: label }).getByRole('checkbox');
    await toggle.setChecked(enabled);
    await expect(toggle).toBeChecked({ checked: enabled });
  }

  async allowSite(origin: string): Promise<void> {
    await this.page.getByLabel('Site origin').fill(origin);
    await this.page.getByRole('button', { name: 'Allow site' }).click();
    await expect(this.page.getByTestId('site-row').filter({ hasText: origin })).toBeVisible();
  }

  siteRow(origin: string) {
    return this.page.getByTestId('site-row').filter({ hasText: origin });
  }

  async revokeSite(origin: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke ${origin}` }).click();
    await expect(this.siteRow(origin)).toHaveCount(0);
  }

  async setDailyLimit(origin: string, limit: number | null): Promise<void> {
    const input = this.page.getByLabel(`Per day for ${origin}`);
    await input.fill(limit === null ? '' : String(limit));
    await input.blur();
    if (limit === null) await expect(this.siteRow(origin)).not.toContainText('/day');
    else await expect(this.siteRow(origin)).toContainText(`max ${limit}/day`);
  }

  async setFramesAllowed(origin: string, allowed: boolean): Promise<void> {
    const toggle = this.page.getByLabel(`Allow embedded frames of ${origin}`);
    await toggle.setChecked(allowed);
    if (allowed) await expect(this.siteRow(origin)).toContainText('frames allowed');
    else await expect(this.siteRow(origin)).not.toContainText('frames allowed');
  }
}
