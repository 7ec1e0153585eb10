/** Opens the extension's popup as a tab, at the size Chrome gives the real popup. */
import type { BrowserContext, Locator, Page } from '@playwright/test';

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** The questions of the chat on `page` (popup or playground), as asked: the turns' own text, without their buttons. */
export const questionsIn = (page: Page): Locator => page.getByTestId('turn-user').locator('.chat-bubble');

/** The chat's settings panel, opened, filled (a field left out is left as it is) and saved. */
export async function saveChatSettings(
  popup: Page,
  fields: { system?: string; temperature?: string; maxTokens?: string },
): Promise<void> {
  const panel = popup.locator('details.chat-settings');
  if (!(await panel.evaluate((details: HTMLDetailsElement) => details.open)))
    await panel.locator('summary').click();
  if (fields.system !== undefined) await panel.getByLabel('System prompt').fill(fields.system);
  if (fields.temperature !== undefined) await panel.getByLabel('Temperature').fill(fields.temperature);
  if (fields.maxTokens !== undefined) await panel.getByLabel('Max tokens').fill(fields.maxTokens);
  await panel.getByRole('button', { name: 'Save settings' }).click();
}

/** Opens question `index` (from 0) for editing, with `text` typed in its place (not sent yet). */
export async function editQuestion(popup: Page, index: number, text: string): Promise<Locator> {
  await popup.getByTestId('turn-user').nth(index).getByRole('button', { name: 'Edit' }).click();
  const editor = popup.getByRole('form', { name: 'Edit question' });
  await editor.getByLabel('Question').fill(text);
  return editor;
}
