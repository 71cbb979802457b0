import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { keychainKey } from '../support/profile-fixtures';
import { test, expect } from './support/app-fixture';
import { pageSnapshot } from './support/page-snapshot';

/** A fresh made-up key in Veza's form (base64), different in every run. */
const makeKey = () => randomBytes(36).toString('base64');

async function filesUnder(folder: string): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file, text: (await readFile(file)).toString('latin1') };
      }),
  );
}

test.describe('instances and keys', () => {
  test('add with a damaged key: explained, fixed on request, saved; the key is nowhere in the page or on disk', async ({
    app,
  }) => {
    const { page } = app;
    const key = makeKey();
    // Damage as copy and paste does it: quotes, a Bearer prefix, a tab and a space inside.
    const damaged = `"Bearer ${key.slice(0, 16)}\t${key.slice(16, 30)} ${key.slice(30)}"`;

    await page.getByRole('button', { name: 'Add instance' }).click();
    const form = page.getByRole('dialog', { name: 'Add instance' });
    await form.getByLabel('Name').fill('Acme production');
    await form
      .getByRole('textbox', { name: 'Address' })
      .fill('acme.vezacloud.com/app/dashboard?x=1');
    await expect(form.getByRole('status')).toContainText('Only the server part of the address');
    await expect(form.getByRole('status')).toContainText('https://acme.vezacloud.com');
    await form.getByRole('checkbox', { name: 'This is a production instance' }).check();
    await form.getByLabel('API key', { exact: true }).fill(damaged);

    // One card, for the first cause, in plain words; the other kinds of damage are named.
    const problems = form.getByRole('alert');
    await expect(problems.locator('.problem-card')).toHaveCount(1);
    await expect(problems.locator('.problem-card')).toContainText(
      'The API key is wrapped in quotation marks',
    );
    const also = problems.getByRole('list', { name: 'Also wrong' });
    await expect(also).toContainText('The API key starts with the word "Bearer"');
    await expect(also).toContainText('The API key contains spaces or line breaks');
    await form.getByRole('button', { name: 'Use the cleaned key' }).click();
    await expect(form.getByRole('alert')).toHaveCount(0);
    // Even while the form is open, the key is only in the input's value, not in the HTML.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(key);
    await form.getByRole('button', { name: 'Add instance' }).click();
    await expect(form).toBeHidden();

    // Saved and open, unmistakably production.
    const sidebar = page.getByRole('navigation', { name: 'Instances' });
    await expect(sidebar.getByRole('button', { name: 'Acme production' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Acme production' })).toBeVisible();
    await expect(page.getByRole('note', { name: 'Production instance' })).toContainText(
      'PRODUCTION',
    );
    await expect(page.getByText(`ending in …${key.slice(-4)}`)).toBeVisible();

    // Main holds exactly the cleaned key, in the keychain under the profile id.
    const [profile] = app.profiles.state().profiles;
    expect(profile?.baseUrl).toBe('https://acme.vezacloud.com');
    expect(await keychainKey(profile?.id ?? '')).toBe(key);

    // Nowhere in the renderer: DOM, input values, storage.
    const snapshot = await pageSnapshot(app.page);
    expect(snapshot).not.toContain(key);
    expect(snapshot).not.toContain(key.slice(0, 16));
    // IPC: the key crossed once, window -> main, in the create call; never back.
    const carrying = app.records.filter((record) => JSON.stringify(record).includes(key));
    expect(carrying.map((record) => `${record.direction}:${record.name}`)).toEqual([
      'call:profiles.create',
    ]);
    expect(JSON.stringify(app.records)).not.toContain(key.slice(0, 16) + '\\t');
    expect(app.records.some((record) => record.direction === 'event')).toBe(true);
    // No file under the data folder.
    const files = await filesUnder(app.home);
    expect(files.map((f) => path.basename(f.file))).toContain('profiles.json');
    expect(files.filter((f) => f.text.includes(key)).map((f) => f.file)).toEqual([]);
  });

  test('edit, duplicate and delete (with a confirmation naming the instance)', async ({ app }) => {
    const { page } = app;
    const key = makeKey();
    const prod = await app.profiles.create(
      {
        name: 'Acme prod',
        address: 'acme.vezacloud.com',
        colour: '#c62828',
        production: true,
        notes: 'Ask Sam before changes',
      },
      { apiKey: key, acceptAsIs: false },
    );
    await app.profiles.create({
      name: 'Acme lab',
      address: 'lab.vezacloud.com',
      colour: '#12805c',
      production: false,
      notes: '',
    });
    const sidebar = page.getByRole('navigation', { name: 'Instances' });
    await expect(sidebar.getByRole('button', { name: 'Acme lab' })).toBeVisible();

    // The production band shows for the production instance only.
    await sidebar.getByRole('button', { name: 'Acme prod' }).click();
    await expect(page.getByRole('note', { name: 'Production instance' })).toBeVisible();
    await expect(page.getByText('Ask Sam before changes')).toBeVisible();
    await sidebar.getByRole('button', { name: 'Acme lab' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Acme lab' })).toBeVisible();
    await expect(page.getByRole('note', { name: 'Production instance' })).toHaveCount(0);

    // Edit: rename; the key stays.
    await sidebar.getByRole('button', { name: 'Acme prod' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Acme prod' });
    await edit.getByLabel('Name').fill('Acme production EU');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(sidebar.getByRole('button', { name: 'Acme production EU' })).toBeVisible();
    expect(await keychainKey(prod.id)).toBe(key);

    // A taken name is refused by main, with the plain explanation; nothing changes.
    await page.getByRole('button', { name: 'Edit' }).click();
    const again = page.getByRole('dialog', { name: 'Edit Acme production EU' });
    await again.getByLabel('Name').fill('acme LAB');
    await again.getByRole('button', { name: 'Save changes' }).click();
    await expect(again.getByRole('alert')).toContainText('Another instance already has this name');
    // Said under the Name field, which takes focus.
    await expect(again.getByLabel('Name', { exact: true })).toBeFocused();
    await expect(again.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await again.getByRole('button', { name: 'Cancel' }).click();

    // Duplicate: a copy with a free name, without the key, opened.
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Acme production EU (copy)' }),
    ).toBeVisible();
    await expect(page.getByText('No key saved')).toBeVisible();

    // Delete asks first, naming the instance; Cancel keeps it.
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Acme production EU (copy)?' });
    await expect(confirm).toBeVisible();
    // The safe choice has the focus: Enter alone deletes nothing.
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(sidebar.getByRole('button', { name: 'Acme production EU (copy)' })).toBeVisible();
    await page.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(sidebar.getByRole('button', { name: 'Acme production EU (copy)' })).toBeVisible();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete Acme production EU (copy)?' })
      .getByRole('button', { name: 'Delete instance' })
      .click();
    await expect(sidebar.getByRole('button', { name: 'Acme production EU (copy)' })).toHaveCount(0);

    // Deleting the one with a key removes the key from the keychain too.
    await sidebar.getByRole('button', { name: 'Acme production EU' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const withKey = page.getByRole('dialog', { name: 'Delete Acme production EU?' });
    await expect(withKey).toContainText('removes its API key from this computer’s keychain');
    await expect(withKey).toContainText('deletes the requests sent to it from the history');
    await withKey.getByRole('button', { name: 'Delete instance' }).click();
    await expect(sidebar.getByRole('button', { name: /Acme production/ })).toHaveCount(0);
    expect(await keychainKey(prod.id)).toBeNull();
  });

  test('keyboard shortcuts and menu commands switch instances', async ({ app }) => {
    const { page } = app;
    for (const name of ['One', 'Two', 'Three']) {
      await app.profiles.create({
        name,
        address: `${name.toLowerCase()}.vezacloud.com`,
        colour: '#2457c5',
        production: false,
        notes: '',
      });
    }
    const heading = page.getByRole('heading', { level: 2 });
    await expect(heading).toHaveText('One');
    await page.keyboard.press('Control+3');
    await expect(heading).toHaveText('Three');
    await page.keyboard.press('Control+2');
    await expect(heading).toHaveText('Two');
    app.emit('menu.command', { command: 'next-instance' });
    await expect(heading).toHaveText('Three');
    app.emit('menu.command', { command: 'next-instance' });
    await expect(heading).toHaveText('One');
    app.emit('menu.command', { command: 'previous-instance' });
    await expect(heading).toHaveText('Three');
    app.emit('menu.command', { command: 'add-instance' });
    await expect(page.getByRole('dialog', { name: 'Add instance' })).toBeVisible();
    const current = page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Three' });
    await expect(current).toHaveAttribute('aria-current', 'true');
  });

  test('bad input is explained and nothing is saved', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add instance' }).click();
    const form = page.getByRole('dialog', { name: 'Add instance' });
    const address = form.getByRole('textbox', { name: 'Address' });
    const submit = form.getByRole('button', { name: 'Add instance' });

    for (const [typed, title] of [
      ['https://admin:hunter2@acme.vezacloud.com', 'contains a user name or password'],
      ['javascript:alert(1)', 'is not a web address'],
      ['http://acme.vezacloud.com', 'does not start with https://'],
      ['', 'No instance address was entered'],
    ] as const) {
      await address.fill(typed);
      await submit.click();
      await expect(form.getByRole('alert')).toContainText(title);
      // The refusal is next to its field, which takes focus so both are in view.
      await expect(address).toBeFocused();
      await expect(form.getByRole('alert')).toBeInViewport();
    }
    // An international name: shown as typed, stored as punycode.
    await address.fill('bücher.example');
    await expect(form.getByRole('status')).toContainText('https://bücher.example');
    await form.getByLabel('API key', { exact: true }).fill('Q'.repeat(5000));
    await expect(form.getByRole('alert')).toContainText('far too long to be an API key');
    await expect(form.getByRole('button', { name: 'Use the cleaned key' })).toHaveCount(0);
    await submit.click();
    await expect(form).toBeVisible();
    // The key's problem is said once, under the key, and the key field has focus.
    await expect(form.getByRole('alert')).toHaveCount(1);
    await expect(form.getByLabel('API key', { exact: true })).toBeFocused();
    await form.getByLabel('API key', { exact: true }).fill('');
    await submit.click();
    await expect(form).toBeHidden();
    expect(app.profiles.state().profiles.map((p) => [p.name, p.baseUrl])).toEqual([
      ['bücher.example', 'https://xn--bcher-kva.example'],
    ]);
    // Only the final, valid attempt reached main.
    expect(
      app.records.filter((r) => r.direction === 'call' && r.name === 'profiles.create'),
    ).toHaveLength(1);
  });

  test('import from the environment, export, and an env snippet with the key that never reaches the page', async ({
    app,
  }) => {
    const { page } = app;
    const key = makeKey();
    app.env.VEZA_URL = 'https://acme.vezacloud.com';
    app.env.VEZA_TOKEN = key;
    await page.getByRole('button', { name: 'Import from environment' }).click();
    const result = page.getByRole('dialog', { name: 'Import finished' });
    await expect(result).toContainText('Added 1 instance from the environment: acme.vezacloud.com');
    await result.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'acme.vezacloud.com' })).toBeVisible();

    // The snippet on screen has the placeholder.
    const snippet = page.getByLabel('Environment variables');
    await expect(snippet).toHaveText(
      'export VEZA_TOKEN="your_api_key_here"\nexport VEZA_URL="https://acme.vezacloud.com"',
      { useInnerText: true },
    );
    await page.getByLabel('Command line').selectOption('powershell');
    await expect(snippet).toContainText('$env:VEZA_TOKEN="your_api_key_here"');
    // With the key: main copies it; the page only hears that it was done.
    await page.getByRole('checkbox', { name: /Put the real API key/ }).check();
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied, with the API key.')).toBeVisible();
    expect(app.clipboard).toEqual([
      {
        text: `$env:VEZA_TOKEN="${key}"\n$env:VEZA_URL="https://acme.vezacloud.com"\n`,
        containsSecret: true,
      },
    ]);

    // Export: a file without keys.
    const exportFile = path.join(app.home, '..', `${path.basename(app.home)}-export.json`);
    app.dialogs.nextSave = exportFile;
    await page.getByRole('button', { name: 'Export instances…' }).click();
    await expect(page.getByText('Instances exported (without API keys)')).toBeVisible();
    const exported = await readFile(exportFile, 'utf8');
    expect(JSON.parse(exported).profiles[0].baseUrl).toBe('https://acme.vezacloud.com');
    expect(exported).not.toContain(key);

    expect(await pageSnapshot(app.page)).not.toContain(key);
    expect(JSON.stringify(app.records)).not.toContain(key);
    expect(
      (await filesUnder(app.home)).filter((f) => f.text.includes(key)).map((f) => f.file),
    ).toEqual([]);
    const { rm } = await import('node:fs/promises');
    await rm(exportFile, { force: true });
  });

  test('an imported file with a proxy, a CA file and a pinned certificate: none in force until accepted, the pin never', async ({
    app,
  }) => {
    const { page } = app;
    const file = path.join(app.home, '..', `${path.basename(app.home)}-shared.json`);
    const { writeFile, rm } = await import('node:fs/promises');
    await writeFile(
      file,
      JSON.stringify({
        format: 'veza-desk-profiles',
        version: 1,
        exportedAt: new Date().toISOString(),
        profiles: [
          {
            name: 'Shared Acme',
            baseUrl: 'https://acme.vezacloud.com',
            colour: '#2457c5',
            production: false,
            notes: '',
            network: {
              proxy: { mode: 'manual', url: 'http://proxy.corp.test:8080' },
              caFile: '/etc/ssl/corp-root.pem',
              pinnedCertSha256: 'AB:'.repeat(31) + 'AB',
            },
          },
        ],
      }),
    );
    app.dialogs.nextOpen = file;
    await page.getByRole('button', { name: 'Import from a file…' }).click();
    const result = page.getByRole('dialog', { name: 'Import finished' });
    await expect(result).toContainText('Settings not taken from the file');
    await expect(result).toContainText('the proxy http://proxy.corp.test:8080');
    await expect(result).toContainText('A trusted certificate is never taken from a file');
    await result.getByRole('button', { name: 'Close' }).click();
    expect(app.profiles.state().profiles[0]?.network).toBeUndefined();

    const notice = page.getByRole('region', {
      name: 'Network settings from an imported file are not in use',
    });
    await expect(notice).toContainText('/etc/ssl/corp-root.pem');
    await notice.getByRole('button', { name: 'Use these settings' }).click();
    await expect(notice).toBeHidden();
    expect(app.profiles.state().profiles[0]?.network).toEqual({
      proxy: { mode: 'manual', url: 'http://proxy.corp.test:8080' },
      caFile: '/etc/ssl/corp-root.pem',
    });
    await rm(file, { force: true });
  });
});
