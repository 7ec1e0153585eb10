/**
 * One screen as every user meets it: checked by axe in the light and the dark scheme, fitted to a
 * 360 px phone, and photographed at 1280 and 360 px in both schemes for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENSHOTS = 'test/.artifacts/screenshots';
const PHONE_WIDTH = 360;
const SCHEMES = ['light', 'dark'] as const;

/** The serious and critical axe findings on the page, one line each, naming the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join('; ')}`,
    );
}

/** The elements whose right edge passes the viewport's, to name what a phone would scroll sideways for. */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
  );
}

/**
 * The labels whose checkbox or radio is squeezed below its size (a flex item beside long words
 * shrinks) or stands on a line of its own above its words (a label laid out as a grid).
 */
function misplacedChoices(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('label')].flatMap((label) => {
      const input = label.querySelector('input[type="checkbox"], input[type="radio"]');
      const box = input?.getBoundingClientRect();
      if (!input || !box || box.width <= 1) return [];
      const words = document.createRange();
      words.selectNodeContents(label);
      words.setStartAfter(input);
      const firstLine = [...words.getClientRects()].find((rect) => rect.width > 0);
      const squeezed = box.width < 12;
      const apart = firstLine !== undefined && firstLine.top >= box.bottom;
      return squeezed || apart ? [label.textContent?.trim() ?? ''] : [];
    }),
  );
}

export interface LookOptions {
  /** Parts of the screen photographed on their own as well (a long page's sections). */
  parts?: Locator;
  /** CSS applied while the parts are photographed (to keep a sticky bar from covering them). */
  partStyle?: string;
  /** The height the screen is shown at; the whole page is photographed either way. */
  height?: number;
}

export async function lookAt(
  page: Page,
  name: string,
  { parts, partStyle, height = 720 }: LookOptions = {},
): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `axe on ${name} (${scheme})`).toEqual([]);
  }
  for (const width of [1280, PHONE_WIDTH]) {
    await page.setViewportSize({ width, height });
    expect(await misplacedChoices(page), `${name} at ${width} px: checkboxes beside their words`).toEqual([]);
    if (width === PHONE_WIDTH) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(
        scrollWidth,
        `${name} at 360 px: ${(await overflowingElements(page)).join(', ')}`,
      ).toBeLessThanOrEqual(PHONE_WIDTH);
    }
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}-${scheme}.png`, fullPage: true });
      for (const [index, part] of (await parts?.all())?.entries() ?? []) {
        // Named by the part's heading (`keys-title` names the keys section) where it has one.
        const heading = await part.getAttribute('aria-labelledby');
        const partName = heading?.replace(/-title$/, '') ?? `part${index + 1}`;
        await part.screenshot({
          path: `${SCREENSHOTS}/${name}-${partName}-${width}-${scheme}.png`,
          style: partStyle,
        });
      }
    }
  }
}
