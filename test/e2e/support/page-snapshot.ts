import type { Page } from '@playwright/test';

/** Everything the page holds that a key could hide in: DOM, form values, storage. */
export async function pageSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
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
}
