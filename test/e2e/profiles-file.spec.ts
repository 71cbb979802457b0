import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './support/app-fixture';

test.describe('a damaged profiles file', () => {
  test.use({ profilesFile: '{"version": 1, "profiles": [{"id": "trunc' });

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
  test.use({ profilesFile: newer });

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
