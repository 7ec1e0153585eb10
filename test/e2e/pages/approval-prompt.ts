/** The approval window a site's `requestAccess()` opens. */
import type { Page } from '@playwright/test';

/**
 * Clicks one of the prompt's answers. The window closes itself as it records the answer, which can
 * land while Playwright is still finishing the click: that error is expected only once the
 * window is gone, so any other error still fails the test.
 */
export async function answerPrompt(
  prompt: Page,
  answer: 'Always allow' | 'Allow for this tab' | 'Deny',
): Promise<void> {
  const closed = prompt.waitForEvent('close');
  await prompt
    .getByRole('button', { name: answer })
    .click()
    .catch((error: unknown) => {
      if (!prompt.isClosed()) throw error;
    });
  await closed;
}
