import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/app-fixture';
import { createSandboxInstance, draft } from './support/instances';

/** The keyboard alone: the test never clicks, and checks where focus is after each step. */
test.use({ viewport: { width: 900, height: 600 } });

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('keyboard only', () => {
  test('add an instance, verify it twice (shortcut and button), delete it: focus is always somewhere useful', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const sidebar = page.getByRole('navigation', { name: 'Instances' });

    // First Tab: Add instance (no instance open yet, so no skip link), once the page is there
    // (a Tab pressed before React drew the page lands nowhere, as it would for a user).
    const add = sidebar.getByRole('button', { name: 'Add instance' });
    await expect(add).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(add).toBeFocused();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Add instance' });
    await expect(form.getByLabel('Name')).toBeFocused();
    await page.keyboard.type('Acme keyboard');
    await page.keyboard.press('Tab');
    await expect(form.getByRole('textbox', { name: 'Address' })).toBeFocused();
    await page.keyboard.type(sandbox.url);
    const key = form.getByLabel('API key', { exact: true });
    await tabTo(page, key);
    await page.keyboard.type(sandbox.keys.admin);
    // The dialog's buttons stay in view at 900x600, however long the form is.
    await expect(form.getByRole('button', { name: 'Add instance' })).toBeInViewport();
    await expect(form.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();

    // Focus lands on the new instance's name, not on the page.
    const heading = page.getByRole('heading', { level: 2, name: 'Acme keyboard' });
    await expect(heading).toBeFocused();
    expect(app.profiles.state().profiles.map((p) => p.name)).toEqual(['Acme keyboard']);

    // Verify with the shortcut: when the check ends the verdict has focus, and is in view
    // before the step list.
    await page.keyboard.press('Control+Shift+V');
    const verdict = page.locator('.verify-verdict');
    await expect(verdict).toBeFocused();
    await expect(verdict).toContainText('The key works');
    await expect(verdict.getByRole('heading', { name: /The key works/ })).toBeInViewport();
    const steps = page.getByRole('list', { name: 'Connection check steps' });
    await expect(steps).toBeVisible();
    expect(
      await verdict.evaluate(
        (element, list) => Boolean(element.compareDocumentPosition(list as Node) & 4),
        await steps.elementHandle(),
      ),
    ).toBe(true);

    // And with the button, reached by Tab: the verdict takes focus again.
    const verifyButton = page.getByRole('button', { name: 'Verify', exact: true });
    await tabTo(page, verifyButton, { back: true });
    await page.keyboard.press('Enter');
    await expect(verdict).toBeFocused();
    await expect(verdict).toContainText('The key works');

    // Delete: Cancel has focus, and Enter alone deletes nothing; focus returns to Delete.
    const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    await tabTo(page, deleteButton, { back: true });
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete Acme keyboard?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(deleteButton).toBeFocused();
    expect(app.profiles.state().profiles).toHaveLength(1);

    // Deleting takes a deliberate Shift+Tab to the dangerous button; then focus goes to the
    // sidebar (Add instance, as no instance is left).
    await page.keyboard.press('Enter');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm.getByRole('button', { name: 'Delete instance' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(add).toBeFocused();
    expect(app.profiles.state().profiles).toHaveLength(0);
  });

  test('after deleting one of several instances, focus goes to the one now open in the list', async ({
    app,
  }) => {
    const { page } = app;
    await app.profiles.create(draft('Acme one', 'one.vezacloud.com'));
    await app.profiles.create(draft('Acme two', 'two.vezacloud.com'));
    const sidebar = page.getByRole('navigation', { name: 'Instances' });
    await expect(sidebar.getByRole('button', { name: 'Acme two' })).toBeVisible();
    await page.getByRole('heading', { level: 2, name: 'Acme one' }).waitFor();

    const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    await tabTo(page, deleteButton);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete Acme one?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(sidebar.getByRole('button', { name: 'Acme two' })).toBeFocused();
    expect(app.profiles.state().profiles.map((p) => p.name)).toEqual(['Acme two']);
  });

  test('the skip link comes first and leads to the tabs; arrow keys move through the instance list', async ({
    app,
  }) => {
    const { page } = app;
    for (const name of ['Acme one', 'Acme two', 'Acme three'])
      await app.profiles.create(draft(name, `${name.split(' ')[1]}.vezacloud.com`));
    const sidebar = page.getByRole('navigation', { name: 'Instances' });
    await expect(sidebar.getByRole('button', { name: 'Acme three' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to Acme one’s tabs' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Verify' })).toBeFocused();

    // The list: Down, Down, Up, End, Home; Enter opens the focused one.
    await tabTo(page, sidebar.getByRole('button', { name: 'Acme one' }), { back: true });
    await page.keyboard.press('ArrowDown');
    await expect(sidebar.getByRole('button', { name: 'Acme two' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(sidebar.getByRole('button', { name: 'Acme three' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(sidebar.getByRole('button', { name: 'Acme three' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(sidebar.getByRole('button', { name: 'Acme two' })).toBeFocused();
    await page.keyboard.press('Home');
    await expect(sidebar.getByRole('button', { name: 'Acme one' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(sidebar.getByRole('button', { name: 'Acme three' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Acme three' })).toBeVisible();
    await expect(sidebar.getByRole('button', { name: 'Acme three' })).toBeFocused();
  });

  test('team keys: Revoke and Delete open on Cancel, Enter alone does nothing, and focus returns to the table', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await createSandboxInstance(app, sandbox, 'Acme (Alice)');
    await tabTo(page, page.getByRole('tab', { name: 'Overview' }));
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'API keys' })).toBeFocused();

    // Make a key with the form, by keyboard.
    const form = page.getByRole('form', { name: 'New team key' });
    await tabTo(page, form.getByLabel('Name of the key'));
    await page.keyboard.type('Payroll');
    await tabTo(page, form.getByLabel('Name of the new instance'));
    await page.keyboard.type('Acme payroll');
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'Team keys Veza shows to Acme (Alice)' });
    const row = table.getByRole('row', { name: /^Payroll/ });
    await expect(row).toContainText('Active');

    // Revoke: Cancel first; Enter cancels; focus returns to Revoke.
    const revokeButton = table.getByRole('button', { name: 'Revoke Payroll' });
    await tabTo(page, revokeButton, { back: true });
    await page.keyboard.press('Enter');
    const revoke = page.getByRole('dialog', { name: 'Revoke the team key “Payroll”?' });
    await expect(revoke.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(revoke).toBeHidden();
    await expect(revokeButton).toBeFocused();
    await expect(row).toContainText('Active');
    // Revoking takes Shift+Tab; afterwards focus is on the table (Revoke became Reinstate).
    await page.keyboard.press('Enter');
    await expect(revoke.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(revoke.getByRole('button', { name: 'Revoke', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(row).toContainText('Revoked');
    await expect(table).toBeFocused();

    // Delete: the same; afterwards the row is gone and focus is on the table.
    const deleteButton = table.getByRole('button', { name: 'Delete Payroll' });
    await tabTo(page, deleteButton);
    await page.keyboard.press('Enter');
    const remove = page.getByRole('dialog', { name: 'Delete the team key “Payroll”?' });
    await expect(remove.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(remove).toBeHidden();
    await expect(deleteButton).toBeFocused();
    await expect(row).toHaveCount(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await expect(remove.getByRole('button', { name: 'Delete for good' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(remove).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(page.locator('.keys-view table, .keys-view p[tabindex="-1"]')).toBeFocused();
  });
});
