import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueCertificate } from '../../src/sandbox/tls/certificates';
import { seriousA11yFindings } from './support/accessibility';
import { test, expect, type AppHarness } from './support/app-fixture';

// The client certificate row of Network settings as a user meets it: the certificate and its
// private key chosen in main's open dialogs (scripted here), a PKCS#12 file's passphrase typed
// once, the row saying what is saved, the real main handlers and the real keychain.

let folder: string;
let files: { cert: string; key: string; strangerKey: string; p12: string; lockedKey: string };
test.beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'veza-e2e-client-cert-'));
  const clients = await issueCertificate({ commonName: 'Acme Clients CA', isCA: true });
  const laptop = await issueCertificate({
    commonName: 'laptop-42',
    issuer: clients,
    clientAuth: true,
  });
  const stranger = await issueCertificate({ commonName: 'stranger', clientAuth: true });
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  files = {
    cert: write('laptop.pem', laptop.cert),
    key: write('laptop.key', laptop.key),
    strangerKey: write('stranger.key', stranger.key),
    p12: path.join(folder, 'laptop.p12'),
    lockedKey: path.join(folder, 'laptop-locked.key'),
  };
  execFileSync('openssl', [
    'pkcs8',
    '-topk8',
    '-in',
    files.key,
    '-v2',
    'aes-256-cbc',
    '-passout',
    'pass:key-lock-42',
    '-out',
    files.lockedKey,
  ]);
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    files.cert,
    '-inkey',
    files.key,
    '-passout',
    'pass:winter-42',
    '-out',
    files.p12,
  ]);
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function openNetworkSettings(app: AppHarness, name: string) {
  await app.profiles.create(
    {
      name,
      address: 'https://acme.vezacloud.com',
      colour: '#2457c5',
      production: false,
      notes: '',
    },
    undefined,
  );
  const { page } = app;
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page
    .getByRole('group', { name: 'Instance actions' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const form = page.getByRole('dialog', { name: `Edit ${name}` });
  await form.getByText('Network settings (proxy, certificate, timeouts)').click();
  return form.getByRole('group', { name: /Client certificate/ });
}

test('a PEM certificate and its private key, chosen in Network settings', async ({ app }) => {
  const row = await openNetworkSettings(app, 'Mutual');
  await expect(row).toContainText('Client certificate: none');
  app.dialogs.nextOpen = files.cert;
  await row.getByRole('button', { name: 'Choose client certificate…' }).click();
  await expect(row).toContainText(files.cert);
  await expect(row).toContainText('For laptop-42');
  await expect(row.getByRole('status')).toHaveText('Its private key is not saved yet: choose it.');

  app.dialogs.nextOpen = files.strangerKey;
  await row.getByRole('button', { name: 'Choose its private key…' }).click();
  await expect(row.getByRole('alert')).toHaveAttribute('data-code', 'TLS_CLIENT_CERT_INVALID');

  app.dialogs.nextOpen = files.key;
  await row.getByRole('button', { name: 'Choose its private key…' }).click();
  await expect(row.getByRole('status')).toHaveText(
    "Its private key is saved in this computer's keychain.",
  );
  await expect(row.getByRole('alert')).toHaveCount(0);

  const form = app.page.getByRole('dialog', { name: 'Edit Mutual' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  expect(app.profiles.state().profiles[0]?.network?.clientCertificate).toMatchObject({
    certFile: files.cert,
  });
  expect(app.dialogs.asked).toEqual([
    'Choose your client certificate (PEM, .p12 or .pfx)',
    'Choose the private key of your client certificate (PEM)',
    'Choose the private key of your client certificate (PEM)',
  ]);
});

test('a private key protected by a passphrase asks for it in the row', async ({ app }) => {
  const row = await openNetworkSettings(app, 'Locked');
  app.dialogs.nextOpen = files.cert;
  await row.getByRole('button', { name: 'Choose client certificate…' }).click();
  app.dialogs.nextOpen = files.lockedKey;
  await row.getByRole('button', { name: 'Choose its private key…' }).click();
  await expect(row.getByRole('status')).toHaveText(
    'Its private key is protected by a passphrase: type it below.',
  );
  await row.getByLabel('Passphrase of the private key').fill('key-lock-42');
  await row.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(row.getByRole('status')).toHaveText(
    "Its private key is saved in this computer's keychain.",
  );
  await expect(row.getByLabel('Passphrase of the private key')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test('a PKCS#12 file takes its passphrase once; Remove empties the row', async ({ app }) => {
      const row = await openNetworkSettings(app, 'Bundle');
      app.dialogs.nextOpen = files.p12;
      await row.getByRole('button', { name: 'Choose client certificate…' }).click();
      await expect(row).toContainText(files.p12);
      await expect(row.getByRole('button', { name: 'Choose its private key…' })).toHaveCount(0);
      const passphrase = row.getByLabel('Passphrase of the certificate file');
      await passphrase.fill('summer-42');
      await row.getByRole('button', { name: 'Save passphrase' }).click();
      await expect(row.getByRole('alert')).toHaveAttribute('data-code', 'TLS_CLIENT_CERT_INVALID');
      // The row with its passphrase field and a problem card: no serious axe finding in this theme.
      expect(await seriousA11yFindings(app.page)).toEqual([]);
      await passphrase.fill('winter-42');
      await row.getByRole('button', { name: 'Save passphrase' }).click();
      await expect(row.getByRole('status')).toHaveText(
        "Its passphrase is saved in this computer's keychain.",
      );
      await expect(passphrase).toHaveValue('');
      // It crossed once, as the call's argument; no answer, event or file carries it back.
      const back = app.records.filter((record) => record.direction !== 'call');
      expect(JSON.stringify(back)).not.toContain('winter-42');
      expect(
        app.records.filter((record) =>
          String(JSON.stringify(record.payload)).includes('winter-42'),
        ),
      ).toHaveLength(1);

      await row.getByRole('button', { name: 'Remove client certificate' }).click();
      await expect(row).toContainText('Client certificate: none');
      await expect(row.getByRole('status')).toHaveCount(0);
    });
  });
}
