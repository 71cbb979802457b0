import { connect, type PeerCertificate } from 'node:tls';
import type { Locator } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { problemCatalog } from '../../src/shared/problems/catalog';
import { test, expect, type AppHarness } from './support/app-fixture';
import { pageSnapshot } from './support/page-snapshot';

// The connection doctor as a user meets it: Verify on one instance (button and shortcut),
// "Check all instances", the sidebar status, and "Trust this certificate" — against the
// simulated Veza on 127.0.0.1, with the real main handlers and the real keychain.

const draftFor = (name: string, sandbox: Pick<Sandbox, 'url'>) => ({
  name,
  address: sandbox.url,
  colour: '#2457c5',
  production: false,
  notes: '',
});

/** A profile made on main's side: its key never crosses the bridge. */
async function addProfile(
  app: AppHarness,
  sandbox: Pick<Sandbox, 'url'>,
  name: string,
  key: string,
) {
  const profile = await app.profiles.create(draftFor(name, sandbox), {
    apiKey: key,
    acceptAsIs: false,
  });
  await expect(sidebarItem(app, name)).toBeVisible();
  return profile;
}

const sidebar = (app: AppHarness) => app.page.getByRole('navigation', { name: 'Instances' });
const sidebarItem = (app: AppHarness, name: string) =>
  sidebar(app).getByRole('button', { name, exact: true });

const verifyAnswers = (app: AppHarness) =>
  app.records.filter((record) => record.direction === 'result' && record.name === 'doctor.verify')
    .length;

/** Opens the instance, presses Verify and waits for this check's verdict. */
async function openAndVerify(app: AppHarness, name: string): Promise<Locator> {
  const before = verifyAnswers(app);
  await sidebarItem(app, name).click();
  await app.page
    .getByRole('group', { name: 'Instance actions' })
    .getByRole('button', { name: 'Verify' })
    .click();
  const panel = app.page.getByRole('tabpanel', { name: 'Verify' });
  await expect.poll(() => verifyAnswers(app)).toBe(before + 1);
  await expect(panel.getByRole('status').filter({ hasText: 'Check finished.' })).toBeVisible();
  return panel;
}

/** One step of the live list, e.g. "Key accepted". */
const stepOf = (panel: Locator, label: string) =>
  panel
    .getByRole('list', { name: 'Connection check steps' })
    .getByRole('listitem')
    .filter({ hasText: label });

test.describe('verify connection', () => {
  test('a personal key: live steps, the success card with who and what kind, the sidebar badge; the key stays in main', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const key = sandbox.keys.admin;
    // Added through the form, as a user does: the one call that may carry the key.
    await page.getByRole('button', { name: 'Add instance' }).click();
    const form = page.getByRole('dialog', { name: 'Add instance' });
    await form.getByLabel('Name').fill('Demo');
    await form.getByRole('textbox', { name: 'Address' }).fill(sandbox.url);
    await form.getByLabel('API key', { exact: true }).fill(key);
    await form.getByRole('button', { name: 'Add instance' }).click();
    await expect(form).toBeHidden();
    await expect(sidebarItem(app, 'Demo')).toHaveAccessibleDescription('Not verified yet');

    const panel = await openAndVerify(app, 'Demo');
    const steps = panel.getByRole('list', { name: 'Connection check steps' });
    await expect(steps.getByRole('listitem')).toHaveCount(10);
    await expect(steps.getByRole('listitem').filter({ hasText: 'Key accepted' })).toContainText(
      'passed',
    );
    await expect(
      steps.getByRole('listitem').filter({ hasText: 'Secure connection (TLS)' }),
    ).toContainText('skipped');
    await expect(steps).toContainText(/\d+ ms/);
    const card = panel.locator('.success-card');
    await expect(card.getByRole('heading')).toHaveText(
      'The key works: a personal key acting as Alice Admin',
    );
    await expect(card).toContainText('Personal key');
    await expect(card).toContainText('Alice Admin');
    await expect(card).toContainText(/Reaches\s*\d+ providers/);
    await expect(sidebarItem(app, 'Demo')).toHaveAccessibleDescription('Works · verified just now');

    // Only profiles.create carried it; no result, event, DOM or input holds it.
    const carrying = app.records.filter((record) => JSON.stringify(record).includes(key));
    expect(carrying.map((record) => `${record.direction} ${record.name}`)).toEqual([
      'call profiles.create',
    ]);
    expect(app.records.some((record) => record.name === 'doctor.progress')).toBe(true);
    expect(await pageSnapshot(app.page)).not.toContain(key);
  });

  test('a team key, verified with the keyboard shortcut', async ({ app, sandbox }) => {
    await addProfile(app, sandbox, 'Team', sandbox.keys.team);
    await sidebarItem(app, 'Team').click();
    await app.page.getByRole('heading', { level: 2, name: 'Team' }).click();
    await app.page.keyboard.press('Control+Shift+V');
    const panel = app.page.getByRole('tabpanel', { name: 'Verify' });
    await expect(panel.getByRole('status').filter({ hasText: 'Check finished.' })).toBeVisible();
    await expect(panel.locator('.success-card')).toContainText('Team key');
    await expect(sidebarItem(app, 'Team')).toHaveAccessibleDescription(/^Works · verified/);
    expect(app.profiles.state().profiles[0]?.key?.kind).toBe('team');
    expect(JSON.stringify(app.records)).not.toContain(sandbox.keys.team);
  });

  test('a revoked key: the AUTH_INVALID_KEY card with its fix steps and Veza’s own words', async ({
    app,
    sandbox,
  }) => {
    await addProfile(app, sandbox, 'Revoked', sandbox.keys.revoked);
    const panel = await openAndVerify(app, 'Revoked');
    const card = panel.getByRole('alert').filter({ hasText: 'Veza refused the API key' });
    await expect(card).toHaveAttribute('data-code', 'AUTH_INVALID_KEY');
    await expect(card.getByRole('heading', { name: 'What to do' })).toBeVisible();
    await expect(card.locator('ol.problem-fix > li')).toHaveCount(
      problemCatalog.AUTH_INVALID_KEY.fix.length,
    );
    await expect(card).toContainText('Ask the key owner to reinstate it');
    await card.getByText('Technical details').click();
    await expect(card).toContainText('API key has been revoked (INACTIVE)');
    await expect(stepOf(panel, 'Key accepted')).toContainText('failed');
    await expect(sidebarItem(app, 'Revoked')).toHaveAccessibleDescription(
      'Problem: Veza refused the API key · verified just now',
    );
    await card.getByRole('button', { name: 'Copy for support' }).click();
    await expect.poll(() => app.clipboard.length).toBe(1);
    expect(app.clipboard[0]?.text).toContain('AUTH_INVALID_KEY');
    expect(app.clipboard[0]?.text).not.toContain(sandbox.keys.revoked);
    expect(await pageSnapshot(app.page)).not.toContain(sandbox.keys.revoked);
    expect(JSON.stringify(app.records)).not.toContain(sandbox.keys.revoked);

    // The likeliest step shows; the rest are folded. The card carries the button that fixes it.
    await expect(card.locator('ol.problem-fix').first().locator('li')).toHaveCount(1);
    await expect(card.getByText(/more things? to try/)).toBeVisible();
    await card
      .getByRole('group', { name: 'Fix it' })
      .getByRole('button', { name: 'Replace key' })
      .click();
    await expect(
      app.page.getByRole('dialog', { name: 'Replace the key of Revoked' }),
    ).toBeVisible();
  });

  test('a problem card’s Network settings button opens the form on the network settings', async ({
    app,
  }) => {
    // A proxy nobody answers on (a closed port on this computer) for an instance elsewhere.
    await app.profiles.create(
      {
        name: 'Behind a proxy',
        address: 'https://veza.test',
        colour: '#2457c5',
        production: false,
        notes: '',
        network: { proxy: { mode: 'manual', url: 'http://127.0.0.1:1' } },
      },
      { apiKey: 'a'.repeat(40), acceptAsIs: false },
    );
    const panel = await openAndVerify(app, 'Behind a proxy');
    const card = panel.getByRole('alert');
    await expect(card).toHaveAttribute('data-code', 'PROXY_UNREACHABLE');
    await card
      .getByRole('group', { name: 'Fix it' })
      .getByRole('button', { name: 'Network settings' })
      .click();
    const form = app.page.getByRole('dialog', { name: 'Edit Behind a proxy' });
    await expect(form.getByRole('textbox', { name: 'Proxy address' })).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Proxy address' })).toHaveValue(
      'http://127.0.0.1:1',
    );
  });

  test('check all instances: progress, a table of five, open one, check again', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const cases = [
      ['Admin', sandbox.keys.admin, 'Works', 'Personal key', 'Alice Admin'],
      ['Team', sandbox.keys.team, 'Works', 'Team key', ''],
      ['Viewer', sandbox.keys.viewer, 'Works', 'Personal key', ''],
      ['Revoked', sandbox.keys.revoked, 'Veza refused the API key', '', ''],
      ['Deleted', sandbox.keys.deleted, 'Veza refused the API key', '', ''],
    ] as const;
    for (const [name, key] of cases) await addProfile(app, sandbox, name, key);

    await sidebar(app).getByRole('button', { name: 'Check all instances' }).click();
    const main = page.getByRole('main', { name: 'Check all instances' });
    await expect(main.getByRole('heading', { name: 'Check all instances' })).toBeVisible();
    const progress = main.getByRole('progressbar', { name: 'Instances checked' });
    const summary = main.getByRole('status').filter({ hasText: 'checked' });
    await expect(progress).toHaveAttribute('aria-valuemax', '5');
    await expect(progress).toHaveAttribute('aria-valuenow', '5');
    await expect(summary).toHaveText('5 of 5 checked: 3 working, 2 with a problem');

    const table = main.getByRole('table', { name: 'Result for each instance' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Instance',
      'Result',
      'Kind of key',
      'Acts as',
      'Response time',
      'Integrations',
    ]);
    const rows = table.locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(5);
    for (const [index, [name, , result, kind, who]] of cases.entries()) {
      const row = rows.nth(index);
      await expect(row.getByRole('rowheader')).toHaveText(name);
      await expect(row.getByRole('cell').nth(0)).toContainText(result);
      if (kind) await expect(row.getByRole('cell').nth(1)).toHaveText(kind);
      if (who) await expect(row.getByRole('cell').nth(2)).toHaveText(who);
    }
    // Every sidebar entry says what the run found.
    await expect(sidebarItem(app, 'Team')).toHaveAccessibleDescription(/^Works · verified/);
    await expect(sidebarItem(app, 'Deleted')).toHaveAccessibleDescription(
      /^Problem: Veza refused the API key/,
    );

    // Check again: a new run, over the same five (the menu's command starts one too).
    const runs = () =>
      app.records.filter((r) => r.direction === 'call' && r.name === 'doctor.checkAll').length;
    expect(runs()).toBe(1);
    await main.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(runs).toBe(2);
    await expect(summary).toHaveText('5 of 5 checked: 3 working, 2 with a problem');
    await expect(rows).toHaveCount(5);

    // A row opens its instance.
    await rows.nth(3).getByRole('button', { name: 'Revoked' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Revoked' })).toBeVisible();
    app.emit('menu.command', { command: 'check-all' });
    await expect(main).toBeVisible();
    await expect.poll(runs).toBe(3);
    await expect(summary).toHaveText(/^5 of 5 checked/);
    for (const [, key] of cases) expect(await pageSnapshot(app.page)).not.toContain(key);
    for (const [, key] of cases) expect(JSON.stringify(app.records)).not.toContain(key);
  });

  test('trust this certificate: shown after a TLS failure, pinned for this instance after confirming, then forgotten', async ({
    app,
  }) => {
    const https = await startSandbox({ https: true });
    try {
      const served = await serverFingerprint(https.url);
      await addProfile(app, https, 'Lab', https.keys.admin);
      let panel = await openAndVerify(app, 'Lab');
      await expect(stepOf(panel, 'Secure connection (TLS)')).toContainText('failed');
      await expect(panel.getByRole('alert')).toHaveAttribute('data-code', /^TLS_/);
      const certificate = panel.getByRole('region', { name: "The server's certificate" });
      await expect(certificate).toContainText(served);
      await expect(certificate).toContainText('127.0.0.1');
      // Nothing anywhere offers to switch certificate checks off.
      await expect(
        app.page.getByRole('button', { name: /disable|turn off|ignore|skip|insecure/i }),
      ).toHaveCount(0);

      await certificate.getByRole('button', { name: 'Trust this certificate' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Trust this certificate?' });
      await expect(dialog.getByLabel('SHA-256 fingerprint')).toHaveText(served);
      await expect(dialog).toContainText('compare it with this one');
      // Cancel first: nothing is saved.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      expect(app.profiles.state().profiles[0]?.network?.pinnedCertSha256).toBeUndefined();

      await certificate.getByRole('button', { name: 'Trust this certificate' }).click();
      await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
      await expect(dialog).toBeHidden();
      // It checks again at once, and now the connection is made.
      panel = app.page.getByRole('tabpanel', { name: 'Verify' });
      await expect(panel.locator('.success-card')).toContainText('Personal key');
      expect(app.profiles.state().profiles[0]?.network?.pinnedCertSha256).toBe(served);
      await expect(panel).toContainText(`the one with SHA-256 fingerprint ${served}`);

      await panel.getByRole('button', { name: 'Forget trusted certificate' }).click();
      await expect(app.page.getByText('The trusted certificate was forgotten.')).toBeVisible();
      expect(app.profiles.state().profiles[0]?.network).toBeUndefined();
      panel = await openAndVerify(app, 'Lab');
      await expect(panel.getByRole('alert')).toHaveAttribute('data-code', /^TLS_/);
    } finally {
      await https.close();
    }
  });
});

test('network settings in the instance form: proxy, CA file from main’s dialog, timeouts', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  await addProfile(app, sandbox, 'Corp', sandbox.keys.viewer);
  await page
    .getByRole('group', { name: 'Instance actions' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const form = page.getByRole('dialog', { name: 'Edit Corp' });
  await form.getByText('Network settings (proxy, certificate, timeouts)').click();
  await expect(
    form.getByRole('radio', { name: "Use this computer's proxy settings" }),
  ).toBeChecked();
  await form.getByRole('radio', { name: 'Use this proxy' }).check();
  await form
    .getByRole('textbox', { name: 'Proxy address' })
    .fill('http://me:secret@proxy.corp.test:8080');
  await form.getByRole('textbox', { name: 'Connection timeout (seconds)' }).fill('0');
  await form.getByRole('button', { name: 'Save changes' }).click();
  // Refused in words, next to each field; nothing saved.
  await expect(form.getByRole('alert').filter({ hasText: 'Leave the password out' })).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'from 0.1 to 600' })).toBeVisible();
  expect(app.profiles.state().profiles[0]?.network).toBeUndefined();

  await form.getByRole('textbox', { name: 'Proxy address' }).fill('http://proxy.corp.test:8080');
  await form.getByRole('textbox', { name: 'Connection timeout (seconds)' }).fill('2.5');
  await form.getByRole('textbox', { name: 'Response timeout (seconds)' }).fill('45');
  await form.getByRole('textbox', { name: 'Check time limit (seconds)' }).fill('90');
  app.dialogs.nextOpen = '/etc/ssl/company-root.pem';
  await form.getByRole('button', { name: 'Choose CA file…' }).click();
  await expect(form).toContainText('/etc/ssl/company-root.pem');
  await form.getByRole('button', { name: 'Save changes' }).click();
  // The instance has a key: it may go through the new proxy only if the user says so.
  const ask = page.getByRole('dialog', {
    name: 'Use the saved API key with the new network settings?',
  });
  await expect(ask).toContainText('the proxy and the company root certificate (CA file)');
  await ask.getByRole('button', { name: 'Use the key with the new settings' }).click();
  await expect(form).toBeHidden();
  expect(app.profiles.state().profiles[0]?.network).toEqual({
    proxy: { mode: 'manual', url: 'http://proxy.corp.test:8080' },
    caFile: '/etc/ssl/company-root.pem',
    timeouts: { connectMs: 2500, responseMs: 45_000, checkMs: 90_000 },
  });
  expect(app.dialogs.asked).toEqual(["Choose your company's root certificate (PEM)"]);
});

/** The SHA-256 of the certificate the server presents, read on our own connection. */
function serverFingerprint(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: hostname, port: Number(port), rejectUnauthorized: false },
      () => {
        const certificate: PeerCertificate = socket.getPeerCertificate();
        socket.end();
        resolve(certificate.fingerprint256);
      },
    );
    socket.on('error', reject);
  });
}

test('a changed address: the edit asks before the key may follow, Verify names both addresses and carries the key over only after a confirmation', async ({
  app,
  sandbox,
}) => {
  const other = await startSandbox();
  try {
    const { page } = app;
    await addProfile(app, sandbox, 'Acme', sandbox.keys.admin);
    await sidebarItem(app, 'Acme').click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Acme' });
    await edit.getByLabel('Address').fill(other.url);
    await edit.getByRole('button', { name: 'Save changes' }).click();

    // The question names both addresses; the safe choice has the focus.
    const ask = page.getByRole('dialog', { name: 'Use the saved API key at the new address?' });
    await expect(ask).toContainText(sandbox.url);
    await expect(ask).toContainText(other.url);
    await expect(ask.getByRole('button', { name: 'Save without the key' })).toBeFocused();
    await ask.getByRole('button', { name: 'Save without the key' }).click();
    await expect(edit).toBeHidden();

    // The key is not sent to the new address: Verify stops at the key, naming both.
    let panel = await openAndVerify(app, 'Acme');
    await expect(panel.getByRole('alert')).toHaveAttribute('data-code', 'KEY_BOUND_ELSEWHERE');
    await expect(panel.getByRole('alert')).toContainText(sandbox.url);
    await expect(panel.getByRole('alert')).toContainText(other.url);
    expect(other.requests.filter((request) => request.hadAuthorization)).toEqual([]);

    // Carry it over: a confirmation first (Cancel focused), then the key goes there (and this
    // other instance, which never made it, refuses it).
    await panel.getByRole('button', { name: 'Use the key for the new address' }).click();
    const confirm = page.getByRole('dialog', { name: 'Use the saved API key at the new address?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Use the key for the new address' }).click();
    await expect(confirm).toBeHidden();
    panel = page.getByRole('tabpanel', { name: 'Verify' });
    await expect(panel.getByRole('alert')).toHaveAttribute('data-code', 'AUTH_INVALID_KEY');
    expect(other.requests.some((request) => request.hadAuthorization)).toBe(true);
    expect(JSON.stringify(app.records)).not.toContain(sandbox.keys.admin);
    expect(await pageSnapshot(page)).not.toContain(sandbox.keys.admin);
  } finally {
    await other.close();
  }
});

test('a proxy that asks for a sign-in: the password goes to the keychain, never into the page or a file', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  const password = `pw-${Math.random().toString(36).slice(2)}-proxy`;
  await addProfile(app, sandbox, 'Corp', sandbox.keys.viewer);
  await page
    .getByRole('group', { name: 'Instance actions' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const form = page.getByRole('dialog', { name: 'Edit Corp' });
  await form.getByText('Network settings (proxy, certificate, timeouts)').click();
  await form.getByRole('radio', { name: 'Use this proxy' }).check();
  await form.getByRole('textbox', { name: 'Proxy address' }).fill('http://proxy.corp.test:8080');
  await form.getByLabel('Proxy password').fill(password);
  await form.getByRole('button', { name: 'Save changes' }).click();
  // A password needs a user name to go with.
  await expect(form.getByRole('alert').filter({ hasText: 'proxy user name' })).toBeVisible();
  await form
    .getByRole('textbox', { name: 'Proxy address' })
    .fill('http://alice@proxy.corp.test:8080');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page
    .getByRole('dialog', { name: 'Use the saved API key with the new network settings?' })
    .getByRole('button', { name: 'Use the key with the new settings' })
    .click();
  await expect(form).toBeHidden();
  const { default: keytar } = await import('keytar');
  expect(await keytar.getPassword('veza-desk', 'proxy http://proxy.corp.test:8080 alice')).toBe(
    password,
  );
  expect(await pageSnapshot(page)).not.toContain(password);
  expect(JSON.stringify(app.profiles.state())).not.toContain(password);
  await keytar.deletePassword('veza-desk', 'proxy http://proxy.corp.test:8080 alice');
});
