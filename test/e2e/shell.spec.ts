import { test, expect } from './support/app-fixture';

test.describe('app shell', () => {
  test('shows the landmarks and the empty instance list', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('navigation', { name: 'Instances' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome to Veza Desk' })).toBeVisible();
    await expect(page.getByText('No instances yet.')).toBeVisible();
  });

  test('About shows versions that came from main through a real IPC round trip', async ({
    app,
  }) => {
    const { page, records } = app;
    await page.getByRole('button', { name: 'About Veza Desk' }).click();
    const dialog = page.getByRole('dialog', { name: 'About Veza Desk' });
    await expect(dialog).toBeVisible();
    // The Node version shown is the one of the process running the main handlers.
    await expect(dialog.getByText(process.versions.node, { exact: true })).toBeVisible();
    expect(
      records
        .filter((record) => record.name === 'app.getInfo')
        .map((record) => `${record.direction}:${record.name}`),
    ).toEqual(['call:app.getInfo', 'result:app.getInfo']);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('an event pushed by main (menu > About) opens the dialog', async ({ app }) => {
    const { page, emit } = app;
    await expect(page.getByRole('navigation', { name: 'Instances' })).toBeVisible();
    emit('menu.command', { command: 'about' });
    await expect(page.getByRole('dialog', { name: 'About Veza Desk' })).toBeVisible();
  });

  test('every control is reachable with the keyboard', async ({ app }) => {
    const { page } = app;
    await expect(page.getByText('No instances yet.')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Add instance' })).toBeFocused();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Add instance' });
    await expect(form).toBeVisible();
    await expect(form.getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    for (const name of ['Import from environment', 'Import from a file…', 'About Veza Desk']) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name })).toBeFocused();
    }
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'About Veza Desk' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close' })).toBeFocused();
  });

  test('follows the OS theme, light and dark', async ({ app }) => {
    const { page } = app;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(246, 247, 249)');
    expect(dark).toBe('rgb(22, 24, 29)');
  });

  test('README screenshot: the demo instance, verified, in the real renderer', async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 820 });
    await page.getByRole('button', { name: 'Try the demo instance' }).click();
    await page
      .getByRole('group', { name: 'Instance actions' })
      .getByRole('button', { name: 'Verify' })
      .click();
    const panel = page.getByRole('tabpanel', { name: 'Verify' });
    await expect(panel.getByRole('heading', { name: /The key works/ })).toBeVisible();
    // Regenerated on demand (VEZA_UPDATE_DOCS=1 npm run test:e2e), so CI never edits tracked files.
    const target =
      process.env.VEZA_UPDATE_DOCS === '1'
        ? 'docs/images/veza-desk.png'
        : test.info().outputPath('veza-desk.png');
    const image = await page.screenshot({ path: target });
    expect(image.byteLength).toBeGreaterThan(10_000);
  });
});
