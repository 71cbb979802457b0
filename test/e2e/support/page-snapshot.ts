import type { Page } from '@playwright/test';

/** Every snapshot taken of a page, for the suite-wide key scan (the fixture collects them). */
const taken = new WeakMap<Page, string[]>();

/** The snapshots taken of this page so far, oldest first. */
export const snapshotsOf = (page: Page): readonly string[] => taken.get(page) ?? [];

/** Everything the page holds that a key could hide in: DOM, form values, storage. */
export async function pageSnapshot(page: Page): Promise<string> {
  const snapshot = await page.evaluate(() => {
    const storage = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`);
    const values = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (element) => (element as HTMLInputElement).value,
    );
    return JSON.stringify({
      html: document.documentElement.outerHTML,
      values,
      local: storage(localStorage),
      session: storage(sessionStorage),
    });
  });
  taken.set(page, [...snapshotsOf(page), snapshot]);
  return snapshot;
}
