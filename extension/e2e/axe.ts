import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules, as the quality bar asks. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's violations on the page as short lines (rule, impact, the elements), in light and dark theme:
 * an empty list means none. Lines read well in a failed `toEqual([])`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const lines: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const violation of violations) {
      const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
      lines.push(`[${colorScheme}] ${violation.id} (${violation.impact}): ${violation.help} — ${targets}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return lines;
}
