/** The playground's chat and API explorer, as a person uses them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class PlaygroundPage {
  readonly explorer: Locator;

  constructor(readonly page: Page) {
    this.explorer = page.getByTestId('api-explorer');
  }

  async ask(question: string): Promise<Locator> {
    await this.page.getByLabel('Message').fill(question);
    await this.page.getByRole('button', { name: 'Send' }).click();
    const answer = this.page.getByTestId('turn-assistant').last();
    await expect(answer.getByTestId('answer-figures')).toBeVisible();
    return answer;
  }

  /** An answer's figures, term to value. */
  async figures(answer: Locator): Promise<Record<string, string | undefined>> {
    const figures = answer.getByTestId('answer-figures');
    const terms = await figures.locator('dt').allTextContents();
    const values = await figures.locator('dd').allTextContents();
    return Object.fromEntries(terms.map((term, index) => [term, values[index]]));
  }

  request(): Locator {
    return this.explorer.getByRole('region', { name: 'Request' });
  }

  response(): Locator {
    return this.explorer.getByRole('region', { name: 'Response' });
  }

  /** The snippet for `library`, as its copy button puts it on the clipboard. */
  async copySnippet(library: string): Promise<string> {
    await this.explorer.getByRole('radio', { name: library }).check();
    const copy = this.explorer.getByRole('button', { name: `Copy the ${library} snippet` });
    await copy.click();
    await expect(copy).toHaveText('Copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
