import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './support/app-fixture';

test.describe('a damaged profiles file', () => {
  test.use({ dataFiles: { 'profiles.json': '{"version": 1, "profiles": [{"id": "trunc' } });

  test('is reported in plain words and set aside, and the app stays usable', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('main')).toContainText(
      'The saved instances file could not be read',
    );
    await expect(page.getByRole('button', { name: 'Add instance' })).toBeEnabled();
    const names = await readdir(app.home);
    const aside = names.find((name) => name.startsWith('profiles.json.damaged-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(app.home, aside as string), 'utf8')).toBe(
      '{"version": 1, "profiles": [{"id": "trunc',
    );
  });
});

test.describe('a profiles file from a newer Veza Desk', () => {
  const newer = '{"version": 99, "profiles": [], "shape": "from the future"}';
  test.use({ dataFiles: { 'profiles.json': newer } });

  test('is left untouched and nothing can be changed', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('main')).toContainText(
      'The saved instances file comes from a newer Veza Desk',
    );
    await expect(page.getByRole('button', { name: 'Add instance' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Import from environment' })).toBeDisabled();
    // Even a call made anyway is refused by main.
    const answer = await page.evaluate(() =>
      window.veza.invoke('profiles.create', {
        draft: {
          name: 'X',
          address: 'x.vezacloud.com',
          colour: '#2457c5',
          production: false,
          notes: '',
        },
      }),
    );
    expect(answer).toMatchObject({ ok: false, problem: { code: 'PROFILES_FILE_TOO_NEW' } });
    expect(await readFile(path.join(app.home, 'profiles.json'), 'utf8')).toBe(newer);
  });
});

test.describe('a damaged settings file', () => {
  test.use({ dataFiles: { 'settings.json': '{"version": 1, "keyRotationDays": "ninety"}' } });

  test('is reported where the setting is, with what was kept', async ({ app }) => {
    const { page } = app;
    await app.profiles.create({
      name: 'Acme lab',
      address: 'https://lab.vezacloud.com',
      colour: '#2457c5',
      production: false,
      notes: '',
    });
    await page.getByRole('tab', { name: 'API keys' }).click();
    const card = page
      .getByRole('status')
      .filter({ hasText: 'could not be read and was set aside' });
    await expect(card).toContainText('settings.json');
    await expect(card).toContainText(
      'Veza Desk carried on with everything in it that could still be read',
    );
    await expect(page.getByLabel('Remind me to replace keys older than (days)')).toHaveValue('90');
    const aside = (await readdir(app.home)).find((name) =>
      name.startsWith('settings.json.damaged-'),
    );
    expect(aside).toBeDefined();
  });
});
