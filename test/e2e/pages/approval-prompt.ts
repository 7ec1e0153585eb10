/** The approval window a site's `requestAccess()` opens. */
import type { Page } from '@playwright/test';

/** Clicks one of the prompt's answers. */
export async function answerPrompt(
  prompt: Page,
  answer: 'Always allow' | 'Allow for this tab' | 'Deny',
): Promise<void> {
  await answerPromptBy(prompt, () => prompt.getByRole('button', { name: answer }).click());
}

/**
 * Answers the prompt by `act` (a click, a key). The window closes itself as it records the answer,
 * which can land while Playwright is still finishing the action: that error is expected only once
 * the window is gone, so any other error still fails the test.
 */
export async function answerPromptBy(prompt: Page, act: () => Promise<void>): Promise<void> {
  const closed = prompt.waitForEvent('close');
  await act().catch((error: unknown) => {
    if (!prompt.isClosed()) throw error;
  });
  await closed;
}
