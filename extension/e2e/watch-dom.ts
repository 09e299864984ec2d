import type { Page } from '@playwright/test';

/**
 * Records, on every DOM change, how many elements match `selector` (`'count'`) or how long their text is
 * (`'text'`), so a test can tell a stream that arrived piece by piece from one rendered at the end.
 * Returns a function that reads the distinct values seen so far, in order.
 */
export async function watchDom(page: Page, selector: string, measure: 'count' | 'text'): Promise<() => Promise<number[]>> {
  const key = `__watch_${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ key, selector, measure }) => {
      const seen: number[] = [];
      const record = () => {
        const matches = [...document.querySelectorAll(selector)];
        const value = measure === 'count' ? matches.length : matches.reduce((sum, element) => sum + (element.textContent?.length ?? 0), 0);
        if (seen.at(-1) !== value) seen.push(value);
      };
      record();
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
      (window as unknown as Record<string, number[]>)[key] = seen;
    },
    { key, selector, measure },
  );
  return () => page.evaluate((key) => (window as unknown as Record<string, number[]>)[key] ?? [], key);
}
