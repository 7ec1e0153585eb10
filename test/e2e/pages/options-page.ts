/** Page object for the options page: the selectors live here, the tests speak of what a user does. */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

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

  // Key lifecycle, passphrase lock, .env import and backup.

  /** The key labels in priority order, as listed. */
  async keyLabels(): Promise<string[]> {
    return this.keyRows().locator('.key-label').allTextContents();
  }

  async renameKey(label: string, newLabel: string): Promise<void> {
    await this.keyRows()
      .filter({ hasText: label })
      .getByRole('button', { name: `Rename ${label}` })
      .click();
    const form = this.page.getByRole('form', { name: `Rename ${label}` });
    await form.getByLabel('Name').fill(newLabel);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.keyRows().locator('.key-label', { hasText: newLabel })).toBeVisible();
  }

  async replaceKeySecret(label: string, secret: string): Promise<void> {
    await this.page.getByRole('button', { name: `Replace key of ${label}` }).click();
    const form = this.page.getByRole('form', { name: `Replace the key of ${label}` });
    await form.getByLabel('New key').fill(secret);
    await form.getByRole('button', { name: 'Replace' }).click();
    await expect(form).toHaveCount(0);
  }

  async moveKey(label: string, direction: 'up' | 'down'): Promise<void> {
    const before = await this.keyLabels();
    await this.page.getByRole('button', { name: `Move ${label} ${direction}` }).click();
    await expect.poll(() => this.keyLabels()).not.toEqual(before);
  }

  async removeKey(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${label}` }).click();
    await expect(this.keyRows().filter({ hasText: label })).toHaveCount(0);
  }

  envImport() {
    return this.page.getByRole('region', { name: 'Import from .env' });
  }

  async pasteEnv(text: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste a .env file' }).click();
    await this.envImport().getByLabel('.env text').fill(text);
  }

  async previewEnv(): Promise<void> {
    await this.envImport().getByRole('button', { name: 'Preview' }).click();
    await expect(this.envImport().getByRole('button', { name: /^Import \d+ keys?$/ })).toBeVisible();
  }

  envRowsToImport() {
    return this.envImport().getByTestId('env-import-row');
  }

  envSkippedRows() {
    return this.envImport().getByTestId('env-skipped-row');
  }

  security() {
    return this.page.locator('section.security');
  }

  /** The keys section's offer to set a passphrase, shown around the first key while there is none. */
  passphraseOffer() {
    return this.page.getByTestId('passphrase-offer');
  }

  lockState() {
    return this.page.getByTestId('lock-state');
  }

  async setPassphrase(passphrase: string, autoLock = 'Never'): Promise<void> {
    const form = this.security().getByRole('form', { name: 'Set a passphrase' });
    await form.getByLabel('New passphrase').fill(passphrase);
    await form.getByLabel('Repeat passphrase').fill(passphrase);
    await form.getByLabel('Auto-lock').selectOption({ label: autoLock });
    await form.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(this.lockState()).toHaveText('Unlocked', { timeout: 15_000 });
  }

  /** Fills and sends the change form; resolves with the error shown, or undefined once changed. */
  async changePassphrase(current: string, next: string, repeated = next): Promise<string | undefined> {
    const security = this.security();
    if ((await security.getByRole('form', { name: 'Change passphrase' }).count()) === 0)
      await security.getByRole('button', { name: 'Change passphrase' }).click();
    const form = security.getByRole('form', { name: 'Change passphrase' });
    await form.getByLabel('Current passphrase').fill(current);
    await form.getByLabel('New passphrase', { exact: true }).fill(next);
    await form.getByLabel('Repeat new passphrase').fill(repeated);
    await form.getByRole('button', { name: 'Change passphrase' }).click();
    // Done when the form closes; refused when it shows why.
    await expect
      .poll(async () => (await form.count()) === 0 || (await form.getByRole('alert').count()) > 0, {
        timeout: 15_000,
      })
      .toBe(true);
    return (await form.count()) === 0 ? undefined : ((await form.getByRole('alert').textContent()) ?? '');
  }

  async removePassphrase(current: string): Promise<void> {
    await this.security().getByRole('button', { name: 'Remove the lock' }).click();
    const form = this.security().getByRole('form', { name: 'Remove the lock' });
    await form.getByLabel('Current passphrase').fill(current);
    await form.getByRole('button', { name: 'Remove the lock' }).click();
    await expect(this.lockState()).toHaveText('No passphrase', { timeout: 15_000 });
  }

  async lockNow(): Promise<void> {
    await this.security().getByRole('button', { name: 'Lock now' }).click();
    await expect(this.lockState()).toHaveText('Locked');
  }

  backup() {
    return this.page.locator('section.backup');
  }

  /** Exports with the keys encrypted by `passphrase`; returns the downloaded file's name and path. */
  async exportSettings(passphrase: string): Promise<{ fileName: string; path: string }> {
    const form = this.backup().getByRole('form', { name: 'Export settings' });
    await form.getByLabel('Passphrase for the file').fill(passphrase);
    await form.getByLabel('Repeat passphrase').fill(passphrase);
    const download = this.page.waitForEvent('download', { timeout: 20_000 });
    await form.getByRole('button', { name: 'Export settings' }).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), path: await file.path() };
  }

  /** Imports a settings file; resolves with what the form reports (summary or error). */
  async importSettings(path: string, passphrase?: string): Promise<string> {
    const form = this.backup().getByRole('form', { name: 'Import settings' });
    await form.getByLabel('Settings file').setInputFiles(path);
    if (passphrase !== undefined) await form.getByLabel('Passphrase of the file').fill(passphrase);
    await form.getByRole('button', { name: 'Import settings' }).click();
    const outcome = form.getByRole('status').or(form.getByRole('alert'));
    await expect(outcome).toBeVisible({ timeout: 20_000 });
    return (await outcome.textContent()) ?? '';
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

  /** The add-key form's "Advanced: use another base URL" field, opened if it is closed. */
  async fillBaseURLOverride(baseURL: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a key' });
    const advanced = form.locator('details.advanced');
    if (!(await advanced.evaluate((element) => (element as HTMLDetailsElement).open)))
      await advanced.locator('summary').click();
    await form.getByLabel('Base URL').fill(baseURL);
  }

  async addKeyForProvider(
    providerName: string,
    secret: string,
    label: string,
    baseURL?: string,
  ): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a key' });
    await form.getByLabel('Provider').selectOption({ label: providerName });
    await form.getByLabel('API key').fill(secret);
    await form.getByLabel('Label').fill(label);
    if (baseURL) {
      await this.fillBaseURLOverride(baseURL);
    }
    await form.getByRole('button', { name: 'Add key' }).click();
    await expect(this.keyRows().filter({ hasText: label })).toBeVisible();
  }

  /** Returns once the background has saved it: the switch moves at the click, its words with the key list. */
  async setKeyEnabled(label: string, enabled: boolean): Promise<void> {
    const row = this.keyRows().filter({ hasText: label });
    await row.getByRole('checkbox').setChecked(enabled);
    await expect(row.locator('.switch')).toHaveText(enabled ? 'On' : 'Off');
  }

  localEndpointSection(): Locator {
    return this.page.getByTestId('local-endpoint-section');
  }

  async turnOnLocalEndpoint(port: number): Promise<void> {
    const section = this.localEndpointSection();
    const address = section.getByRole('form', { name: 'Local endpoint address' });
    await address.getByLabel('Port').fill(String(port));
    await address.getByRole('button', { name: 'Save address' }).click();
    await expect(address.getByLabel('Port')).toHaveValue(String(port));
    await section.getByLabel('Turn on the local endpoint').check();
    await expect(section.getByTestId('local-endpoint-status')).toHaveText(
      `Connected: listening on 127.0.0.1:${port}.`,
    );
  }

  async localEndpointToken(): Promise<string> {
    const section = this.localEndpointSection();
    await section.getByRole('button', { name: 'Show' }).click();
    const token = section.getByTestId('local-endpoint-token');
    await expect(token).toHaveText(/^freellm-[0-9a-f]{64}$/);
    return (await token.textContent()) ?? '';
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

  // Usage dashboard and routing settings.

  dashboard() {
    return this.page.locator('section.dashboard');
  }

  usageGroup(providerName: string) {
    return this.page
      .getByTestId('usage-group')
      .filter({ has: this.page.locator('tr.group-head', { hasText: providerName }) });
  }

  cacheStat(label: string) {
    return this.page.locator(`[data-testid="cache-stat"][data-stat="${label}"] dd`).first();
  }

  /** The limits have no form yet: saved through the same message a form would send. */
  async saveUserLimits(limits: Record<string, { rpm?: number; rpd?: number }>): Promise<void> {
    const saved = await this.page.evaluate((sent) => {
      const { runtime } = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
        }
      ).chrome;
      return runtime.sendMessage({ type: 'limits.save', limits: sent });
    }, limits);
    expect(saved.ok).toBe(true);
  }

  async refreshDashboard(): Promise<void> {
    await this.dashboard().getByRole('button', { name: 'Refresh' }).click();
  }

  async clearCache(): Promise<void> {
    await this.dashboard().getByRole('button', { name: 'Clear cache' }).click();
    await expect(this.dashboard().getByText(/^Cache cleared/)).toBeVisible();
  }

  routing() {
    return this.page.locator('section.routing');
  }

  async chooseStrategy(strategy: 'Priority' | 'Balanced' | 'Fastest'): Promise<void> {
    await this.routing()
      .getByRole('radio', { name: new RegExp(`^${strategy}`) })
      .check();
  }

  async addAlias(name: string, targets: string[]): Promise<void> {
    await this.routing().getByLabel('Alias name').fill(name);
    await this.routing().getByLabel('Targets').fill(targets.join(', '));
    await this.routing().getByRole('button', { name: 'Add alias' }).click();
    await expect(this.routing().getByTestId('alias-row').filter({ hasText: name })).toBeVisible();
  }

  async saveRouting(): Promise<void> {
    await this.routing().getByRole('button', { name: 'Save routing' }).click();
    await expect(this.routing().getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  }

  // The catalog in use and its updates.

  catalogInUse() {
    return this.page.getByTestId('catalog-in-use');
  }

  catalogLastCheck() {
    return this.page.getByTestId('catalog-last-check');
  }

  /** Reloads until the last update check says `text`: the worker checks when it starts, not on demand. */
  async waitForCatalogCheck(text: string): Promise<void> {
    await expect(async () => {
      await this.page.reload();
      await expect(this.catalogLastCheck()).toContainText(text, { timeout: 500 });
    }).toPass();
  }
}
