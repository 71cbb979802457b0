import { seriousA11yFindings } from './support/accessibility';
import { test, expect } from './support/app-fixture';
import { createSandboxInstance, createTeamKey, openSandboxKeysTab } from './support/instances';

// Cancel on every long call the window starts (sends and page walks: requests.spec.ts), with
// the simulated Veza holding the answer back (a "hang" fault) so the call is really waiting.

test('Verify: Cancel check stops a check the server never answers; the verdict says nothing was learnt', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  await createSandboxInstance(app, sandbox, 'Acme');
  const hang = sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users/self' });
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Checking the connection…' }),
  ).toBeVisible();
  const cancel = page.getByRole('button', { name: 'Cancel check' });
  expect(await seriousA11yFindings(page)).toEqual([]);
  // With the keyboard alone: Tab reaches Cancel check, Enter presses it.
  await cancel.focus();
  await page.keyboard.press('Enter');
  const verdict = page.locator('.verify-verdict');
  await expect(verdict).toContainText('You cancelled the check before it finished');
  await expect(verdict).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Check cancelled.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel check' })).toHaveCount(0);
  expect(app.profiles.state().profiles[0]?.lastVerification).toBeUndefined();
  expect(await seriousA11yFindings(page)).toEqual([]);

  // Verify works again once the server answers.
  sandbox.faults.remove(hang);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('You cancelled the check')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Check finished.' })).toBeVisible();
});

test('Check all: Cancel keeps the verdicts that landed and marks the rest as not checked', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  for (const name of ['One', 'Two', 'Three']) await createSandboxInstance(app, sandbox, name);
  // The first check to reach the server waits for ever; the other two answer.
  sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users/self', times: 1 });
  await page.getByRole('button', { name: 'Check all instances' }).click();
  const dashboard = page.getByRole('region', { name: 'Check all instances' });
  await expect(dashboard.getByRole('status')).toContainText('Checking… 2 of 3 checked');
  await dashboard.getByRole('button', { name: 'Cancel' }).click();
  await expect(dashboard.getByRole('status')).toContainText(
    'Cancelled. 2 of 3 checked: 2 working, 0 with a problem. The others were not checked.',
  );
  await expect(dashboard.getByRole('cell', { name: 'Not checked' })).toHaveCount(1);
  await expect(dashboard.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(dashboard.getByRole('button', { name: 'Check again' })).toBeFocused();
});

test('Rotation: Cancel rotation while the new key is checked puts the old key back and revokes the new one', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  await openSandboxKeysTab(app, sandbox, 'Acme (Alice)');
  await createTeamKey(page, { name: 'Payroll', instance: 'Acme payroll' });
  const created = page.getByRole('region', { name: 'New team key' });
  await expect(created).toBeVisible();
  // The created key's check, before the rotation: it works.
  await created.getByRole('button', { name: 'Check the new key works' }).click();
  await expect(created.getByRole('heading', { name: /^The key works/ })).toBeVisible();

  const holder = app.profiles.state().profiles.find((p) => p.name === 'Acme payroll');
  const oldKeyId = holder?.key?.keyId;
  const table = page.getByRole('table', { name: 'Team keys Veza shows to Acme (Alice)' });
  await table.getByRole('button', { name: 'Rotate Payroll' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the team key “Payroll”' });
  // The new key's check waits on the server: the rotation is at its verify step.
  const hang = sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users/self' });
  await rotate.getByRole('button', { name: 'Rotate now' }).click();
  const steps = rotate.getByRole('list', { name: 'Rotation steps' });
  await expect(
    steps.getByRole('listitem').filter({ hasText: 'Check the new key works' }),
  ).toContainText(/running|checking/i);
  expect(await seriousA11yFindings(page)).toEqual([]);
  await rotate.getByRole('button', { name: 'Cancel rotation' }).click();
  // The roll-back and the list's refresh ask Veza who the admin is: let them through.
  sandbox.faults.remove(hang);
  await expect(rotate.getByRole('status').last()).toContainText(
    'Cancelled. The old key is still in use',
  );
  await expect(
    steps.getByRole('listitem').filter({ hasText: 'Put the old key back' }),
  ).toContainText('passed');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Revoke the new key' })).toContainText(
    'passed',
  );
  expect(app.profiles.state().profiles.find((p) => p.name === 'Acme payroll')?.key?.keyId).toBe(
    oldKeyId,
  );
  await rotate.getByRole('button', { name: 'Close' }).click();
  await expect(rotate).toBeHidden();

  // Rotated for real this time: the earlier "it works" is about a key that is gone.
  await table.getByRole('button', { name: 'Rotate Payroll' }).click();
  await rotate.getByRole('button', { name: 'Rotate now' }).click();
  await expect(rotate.getByRole('status').last()).toContainText('Done: Acme payroll now uses');
  await rotate.getByRole('button', { name: 'Close' }).click();
  await expect(created.getByRole('heading', { name: /^The key works/ })).toHaveCount(0);
  await expect(created.getByRole('button', { name: 'Check the new key works' })).toBeVisible();
});
