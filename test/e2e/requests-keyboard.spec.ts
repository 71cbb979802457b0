import type { Locator } from '@playwright/test';
import { test, expect, type AppHarness } from './support/app-fixture';

// Sending a request and reading its answer with the keyboard alone, with focus asserted after
// every step, in the usual window and in a narrow one: the answer's status comes into view and
// is said in a polite live region, focus stays where the user typed, and "Jump to the body"
// takes it to the body.

/** Presses Tab until `target` has focus (at most `limit` times): how a keyboard user gets there. */
async function tabTo(app: AppHarness, target: Locator, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await app.page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const windows = [
  { name: '1280x800', viewport: { width: 1280, height: 800 } },
  { name: '900x600', viewport: { width: 900, height: 600 } },
] as const;

for (const window of windows) {
  test.describe(`requests with the keyboard only, ${window.name}`, () => {
    test.use({ viewport: window.viewport });

    test('open the Requests tab, pick a call, send with Ctrl+Enter, hear the status, jump to the body', async ({
      app,
      sandbox,
    }) => {
      const { page } = app;
      await app.profiles.create(
        { name: 'Sandbox', address: sandbox.url, colour: '#2457c5', production: false, notes: '' },
        { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
      );

      // The instance, from the list of instances.
      const instance = page
        .getByRole('navigation', { name: 'Instances' })
        .getByRole('button', { name: 'Sandbox', exact: true });
      await tabTo(app, instance);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Sandbox', level: 2 })).toBeVisible();

      // Its tabs: Tab reaches the chosen one, the arrows move to Requests.
      const chosenTab = page.getByRole('tab', { selected: true });
      await tabTo(app, chosenTab);
      const requestsTab = page.getByRole('tab', { name: 'Requests' });
      for (let presses = 0; presses < 6; presses += 1) {
        if (await requestsTab.evaluate((element) => element === document.activeElement)) break;
        await page.keyboard.press('ArrowRight');
      }
      await expect(requestsTab).toBeFocused();
      await expect(requestsTab).toHaveAttribute('aria-selected', 'true');

      // A call from the catalogue, by its plain name.
      const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
      await tabTo(app, path);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('list roles');
      await expect(page.getByRole('option', { name: /List roles/ })).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(path).toHaveValue('/api/v1/roles');
      await expect(path).toBeFocused();

      // Ctrl+Enter sends; the live region says the status in words; focus stays in the field.
      await page.keyboard.press('Control+Enter');
      const live = page.locator('[role="status"][aria-live="polite"]', {
        hasText: /^Answer to /,
      });
      await expect(live).toHaveText(
        /^Answer to GET \/api\/v1\/roles: 200 OK, [\d.]+ (bytes|KB), in [\d.]+ m?s\.$/,
      );
      await expect(path).toBeFocused();
      const answer = page.getByRole('region', { name: 'Response' });
      await expect(answer.getByText('Answer to GET /api/v1/roles')).toBeInViewport();
      await expect(answer.locator('.rv-status')).toHaveText('200 OK');
      await expect(answer.locator('.rv-status')).toBeInViewport();

      // Typing goes on where it was: the answer did not take focus.
      await page.keyboard.press('End');
      await page.keyboard.type('/');
      await expect(path).toHaveValue('/api/v1/roles/');
      await expect(path).toBeFocused();
      await page.keyboard.press('Backspace');
      await expect(path).toHaveValue('/api/v1/roles');
      await page.keyboard.press('Escape');
      await expect(path).toBeFocused();

      // "Jump to the body", right after Send, takes focus to the body.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
      const jump = page.getByRole('button', { name: 'Jump to the body' });
      await tabTo(app, jump, 3);
      await page.keyboard.press('Enter');
      const body = page.getByRole('tree', { name: 'Response body, formatted' });
      // The body may still be formatting (in a worker): focus goes to it once it is drawn.
      await expect(body).toBeFocused({ timeout: 15_000 });
      await expect(body).toBeInViewport();
      const first = await body.getAttribute('aria-activedescendant');
      await page.keyboard.press('ArrowDown');
      await expect(body).toBeFocused();
      await expect(body).not.toHaveAttribute('aria-activedescendant', first ?? '');
      await expect(body.getByRole('treeitem', { name: /"values"/ }).first()).toBeVisible();
    });
  });
}
