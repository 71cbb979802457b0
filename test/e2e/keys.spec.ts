import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { keychainKey } from '../support/profile-fixtures';
import { test, expect } from './support/app-fixture';
import {
  createSandboxInstance,
  createTeamKey,
  draft,
  openKeysTab,
  openSandboxKeysTab,
} from './support/instances';
import { pageSnapshot } from './support/page-snapshot';

test.describe('API keys', () => {
  test('create a team key straight into a new instance and connect with it; the key never reaches the page', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await openSandboxKeysTab(app, sandbox, 'Acme (Alice)');
    const table = page.getByRole('table', { name: 'Team keys Veza shows to Acme (Alice)' });
    await expect(table).toBeVisible();

    await createTeamKey(page, { name: 'HR sync', team: 'Platform', instance: 'Acme HR sync' });

    const created = page.getByRole('region', { name: 'New team key' });
    await expect(created.getByRole('status')).toContainText('Team key “HR sync” created');
    await expect(created.getByRole('status')).toContainText('“Acme HR sync”');
    await expect(table.getByRole('row', { name: /HR sync/ })).toContainText('Acme HR sync');
    await expect(
      page.getByRole('navigation', { name: 'Instances' }).getByRole('button', {
        name: 'Acme HR sync',
      }),
    ).toBeVisible();

    // Connect with it: the doctor on the new instance says it is a team key.
    await created.getByRole('button', { name: 'Check the new key works' }).click();
    await expect(
      created.getByText(
        'Team key: it can only push integration data into Veza for its team (role oaa_push), through the Open Authorization API (OAA)',
      ),
    ).toBeVisible();

    // The key exists only in main's keychain and in Veza (the sandbox knows it as active).
    const holder = app.profiles.state().profiles.find((p) => p.name === 'Acme HR sync');
    expect(holder?.key).toMatchObject({ kind: 'team' });
    const secret = (await keychainKey(holder?.id ?? '')) as string;
    expect(secret).toBeTruthy();
    expect(sandbox.control.keyState(secret)).toBe('ACTIVE');
    expect(await pageSnapshot(app.page)).not.toContain(secret);
    expect(JSON.stringify(app.records)).not.toContain(secret);
    expect(JSON.stringify(app.records)).not.toContain(secret.slice(0, 24));
    expect(app.clipboard).toEqual([]);

    await created.getByRole('button', { name: 'Open Acme HR sync' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Acme HR sync' })).toBeVisible();
  });

  test('rename, revoke, reinstate, rotate and delete (with a confirmation that it cannot be undone)', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const admin = await openSandboxKeysTab(app, sandbox, 'Acme (Alice)');
    await createTeamKey(page, { name: 'Payroll', instance: 'Acme payroll' });
    await expect(page.getByRole('region', { name: 'New team key' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', {
        name: 'Acme (Alice)',
      })
      .click();
    await openKeysTab(page);
    const table = page.getByRole('table', { name: 'Team keys Veza shows to Acme (Alice)' });

    await table.getByRole('button', { name: 'Rename Payroll' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename the team key “Payroll”' });
    await rename.getByLabel('New name').fill('Payroll sync');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(table.getByRole('row', { name: /Payroll sync/ })).toBeVisible();

    // Revoke asks first, with Cancel focused: Enter alone revokes nothing.
    await table.getByRole('button', { name: 'Revoke Payroll sync' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke the team key “Payroll sync”?' });
    await expect(revoke.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(revoke).toBeHidden();
    await expect(table.getByRole('row', { name: /Payroll sync/ })).toContainText('Active');
    await table.getByRole('button', { name: 'Revoke Payroll sync' }).click();
    await revoke.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(table.getByRole('row', { name: /Payroll sync/ })).toContainText('Revoked');
    await table.getByRole('button', { name: 'Reinstate Payroll sync' }).click();
    await expect(table.getByRole('row', { name: /Payroll sync/ })).toContainText('Active');

    await table.getByRole('button', { name: 'Rotate Payroll sync' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate the team key “Payroll sync”' });
    await rotate.getByLabel('Name of the new key (optional)').fill('Payroll sync 2');
    await rotate.getByRole('button', { name: 'Rotate now' }).click();
    await expect(rotate.getByRole('status')).toContainText('Done: Acme payroll now uses');
    const steps = rotate.getByRole('list', { name: 'Rotation steps' });
    await expect(steps.getByRole('listitem')).toHaveCount(4);
    for (const item of await steps.getByRole('listitem').all())
      await expect(item).toContainText('passed');
    await rotate.getByRole('button', { name: 'Close' }).click();
    await expect(table.getByRole('row', { name: /Payroll sync 2/ })).toContainText('Acme payroll');
    await expect(table.getByRole('row', { name: /^Payroll sync Platform/ })).toContainText(
      'Revoked',
    );

    await table.getByRole('button', { name: 'Delete Payroll sync', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the team key “Payroll sync”?' });
    await expect(confirm).toContainText('This cannot be undone');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect(confirm).toBeHidden();
    await expect(table.getByRole('row', { name: /^Payroll sync Platform/ })).toHaveCount(0);

    // No key in any payload: neither the admin's nor the rotated ones.
    const holder = app.profiles.state().profiles.find((p) => p.name === 'Acme payroll');
    const secret = (await keychainKey(holder?.id ?? '')) as string;
    expect(sandbox.control.keyState(secret)).toBe('ACTIVE');
    for (const key of [secret, sandbox.keys.admin]) {
      expect(JSON.stringify(app.records)).not.toContain(key);
      expect(await pageSnapshot(app.page)).not.toContain(key);
    }
    expect(admin.id).toBeTruthy();
  });

  test('Created by: You for this instance’s user, a name where known, else a user’s short id with the full id in the tooltip', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const oscar = sandbox.demo.users.oscar;
    sandbox.control.createTeamKey({
      teamId: sandbox.demo.teams.platform,
      name: 'Made by Oscar',
      createdBy: oscar,
    });
    await openSandboxKeysTab(app, sandbox, 'Acme (Alice)');
    const table = page.getByRole('table', { name: 'Team keys Veza shows to Acme (Alice)' });
    const headers = table.getByRole('columnheader');
    await expect(headers.filter({ hasText: 'Created by' })).toHaveCount(1);
    const column = await headers.allInnerTexts();
    const createdBy = (name: RegExp) =>
      table
        .getByRole('row', { name })
        .getByRole('cell')
        .nth(column.indexOf('Created by') - 1);

    // The demo team key was made by Alice, whose key this instance has.
    const mine = createdBy(/OAA push \(HR Portal\)/);
    await expect(mine).toHaveText('You');
    await expect(mine).toHaveAttribute('title', /Alice Admin/);

    // Oscar is not known to this instance: his id, shortened, said as a user; in full on hover.
    const his = createdBy(/Made by Oscar/);
    await expect(his).toHaveText(`A user (id ${oscar.slice(0, 8)}…)`);
    await expect(his).toHaveAttribute('title', `User id ${oscar}`);

    // Once an instance with Oscar's key has told who he is, the table names him.
    await createSandboxInstance(app, sandbox, 'Acme (Oscar)', 'operator');
    const instances = page.getByRole('navigation', { name: 'Instances' });
    await instances.getByRole('button', { name: 'Acme (Oscar)' }).click();
    await openKeysTab(page);
    await expect(
      page
        .getByRole('table', { name: 'Team keys Veza shows to Acme (Oscar)' })
        .getByRole('row', { name: /Made by Oscar/ }),
    ).toContainText('You');
    await instances.getByRole('button', { name: 'Acme (Alice)' }).click();
    await openKeysTab(page);
    await expect(createdBy(/Made by Oscar/)).toHaveText('Oscar Operator');
  });

  test('a viewer is told why they cannot create, in Veza’s words and ours', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await openSandboxKeysTab(app, sandbox, 'Acme (Victor)', 'viewer');
    const form = await createTeamKey(page, { name: 'Not mine to make' });
    const alert = form.getByRole('alert');
    await expect(alert).toContainText('The API key is not allowed to do this');
    await expect(form.getByText('Veza said:')).toBeVisible();
    await expect(form).toContainText('Your role (viewer) does not allow this action');
    expect(app.profiles.state().profiles).toHaveLength(1);
  });

  test('a viewer whose key was verified is told before trying; the buttons say why they are off', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await createSandboxInstance(app, sandbox, 'Acme (Victor)', 'viewer');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(page.locator('.success-card')).toBeVisible();
    await openKeysTab(page);
    const note = page.getByRole('note').filter({ hasText: 'does not allow managing team keys' });
    await expect(note).toContainText('role (viewer)');
    await expect(note).toContainText('Admin’s or Operator’s personal key');
    const form = page.getByRole('form', { name: 'New team key' });
    await form.getByLabel('Name of the key').fill('Not mine to make');
    const create = form.getByRole('button', { name: 'Create team key' });
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription(/does not allow managing team keys/);
    // The date of this instance's key is said once on the tab.
    await expect(page.getByText(/saved .*\(/)).toHaveCount(1);
  });

  test('personal keys: Veza’s steps, then Paste the new key into the keychain', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await openSandboxKeysTab(app, sandbox, 'Acme (Oscar)', 'operator');
    const guide = page.getByRole('region', { name: 'Personal keys' });
    await expect(guide).toContainText(
      'Administration > API Keys > Personal > Add New Personal API Key',
    );
    await expect(guide).toContainText('Veza will not show it again');
    await expect(guide).toContainText('deleted when its user is removed from that team');
    await expect(guide).toContainText(
      'can only push integration data into Veza (role oaa_push), through the Open Authorization API (OAA)',
    );
    await expect(page.getByRole('region', { name: 'Team keys' })).toContainText(
      'can only push integration data into Veza (role oaa_push)',
    );
    await guide.getByRole('button', { name: 'Paste the new key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace the key of Acme (Oscar)' });
    await dialog.getByLabel('New API key').fill(sandbox.keys.admin);
    await dialog.getByRole('button', { name: 'Save key' }).click();
    await expect(dialog).toBeHidden();
    const [profile] = app.profiles.state().profiles;
    expect(await keychainKey(profile?.id ?? '')).toBe(sandbox.keys.admin);
  });

  test('the rotation reminder is a setting kept by main (settings.json)', async ({ app }) => {
    const { page } = app;
    await app.profiles.create(draft('Acme lab', 'https://lab.vezacloud.com'));
    await openKeysTab(page);
    const days = page.getByLabel('Remind me to replace keys older than (days)');
    await expect(days).toHaveValue('90');
    await days.fill('30');
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    const saved = JSON.parse(await readFile(path.join(app.home, 'settings.json'), 'utf8'));
    expect(saved).toMatchObject({ keyRotationDays: 30 });
  });
});

// A key saved 120 days ago (the fingerprint is all the reminder needs).
const oldKeyProfiles = JSON.stringify({
  version: 1,
  profiles: [
    {
      id: '5b0c3f8e-2d4a-4c1e-9a57-0e4f3d2c1b10',
      name: 'Acme old key',
      baseUrl: 'https://acme.vezacloud.com',
      colour: '#2457c5',
      production: false,
      notes: '',
      createdAt: new Date(Date.now() - 130 * 86_400_000).toISOString(),
      updatedAt: new Date(Date.now() - 120 * 86_400_000).toISOString(),
      key: {
        length: 48,
        last4: 'AbCd',
        savedAt: new Date(Date.now() - 120 * 86_400_000).toISOString(),
        kind: 'personal',
      },
    },
  ],
});

test.describe('key age', () => {
  test.use({ dataFiles: { 'profiles.json': oldKeyProfiles } });

  test('a key older than the reminder gets a gentle note on the instance; a longer reminder hides it', async ({
    app,
  }) => {
    const { page } = app;
    const reminder = page.getByRole('note', { name: 'Key age reminder' });
    await expect(reminder).toContainText('saved 120 days ago');
    await expect(reminder).toContainText('older than 90 days');
    await openKeysTab(page);
    await expect(page.getByText(/saved .*\(120 days ago\)/)).toBeVisible();
    await page.getByLabel('Remind me to replace keys older than (days)').fill('180');
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await expect(reminder).toHaveCount(0);
  });
});
