import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { cleanEnv, ensureBuiltCli, runBuiltCli } from '../cli/support/built-cli';
import { issueCertificate, makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { startNginx, type Nginx } from '../../support/network/nginx';
import { tempFolder } from '../../support/network/temp-folder';
import { filesContaining, writeProfilesExport } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// A saved instance's client certificate, end to end through the IPC handlers: a real nginx with
// ssl_verify_client in front of the simulated Veza, the certificate chosen through main's open
// dialog, its private key or passphrase in the real keychain, and Verify through the one
// instance client. The key's text and the passphrase never reach a file, an answer or a problem.
let sandbox: Sandbox;
let nginx: Nginx;
let harness: ProfileHarness;
const folder = tempFolder();
let caFile: string;
let certFile: string;
let keyFile: string;
let strangerKeyFile: string;
let strangerCertPem: string;
/** A line from the middle of the private key: the key's text as any file or answer would hold it. */
let keyLine: string;
const passphrase = 'winter-42-passphrase';
const keyPassphrase = 'key-lock-42-passphrase';

beforeAll(async () => {
  sandbox = await startSandbox();
  const { ca, server } = await makeLoopbackTls(['127.0.0.1']);
  const clients = await issueCertificate({ commonName: 'Acme Clients CA', isCA: true });
  const laptop = await issueCertificate({
    commonName: 'laptop-42',
    issuer: clients,
    clientAuth: true,
  });
  const stranger = await issueCertificate({ commonName: 'stranger', clientAuth: true });
  nginx = await startNginx(
    `ssl_verify_client on; ssl_client_certificate {{clients.pem}};
     location / { proxy_pass http://127.0.0.1:${sandbox.port}; }`,
    { cert: server.cert, key: server.key, files: { 'clients.pem': clients.cert } },
  );
  caFile = folder.write('nginx-ca.pem', ca.cert);
  certFile = folder.write('laptop.pem', laptop.cert);
  keyFile = folder.write('laptop.key', laptop.key);
  strangerKeyFile = folder.write('stranger.key', stranger.key);
  strangerCertPem = stranger.cert;
  keyLine = laptop.key.split('\n')[2] ?? '';
  expect(keyLine.length).toBeGreaterThan(40);
  harness = await openProfileHarness();
});
afterAll(async () => {
  await harness.close();
  await nginx.close();
  await sandbox.close();
  folder.dispose();
});

/** Everything the window was answered, and every file in the data folder, hold none of these. */
const answers: unknown[] = [];
async function call(name: Parameters<ProfileHarness['call']>[0], args?: unknown) {
  const answer = await harness.call(name, args);
  answers.push(answer);
  return answer;
}

async function chooseCertificate(file: string) {
  harness.dialogs.nextOpen = file;
  const chosen = await call('profiles.chooseClientCertificate');
  expect(chosen.ok, JSON.stringify(chosen)).toBe(true);
  return chosen.value as {
    certificate: { certFile: string; certSha256: string };
    kind: string;
    subject?: string;
    secretSaved: boolean;
  };
}

async function createInstance(name: string, clientCertificate?: unknown): Promise<string> {
  harness.dialogs.nextOpen = caFile;
  await call('profiles.chooseCaFile');
  const created = await call('profiles.create', {
    draft: {
      name,
      address: nginx.url,
      colour: '#2457c5',
      production: false,
      notes: '',
      network: { caFile, ...(clientCertificate ? { clientCertificate } : {}) },
    },
    key: { apiKey: sandbox.keys.admin, acceptAsIs: false },
  });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  return created.value.id as string;
}

const verify = async (id: string) => (await call('doctor.verify', { id })).value;

describe('a client certificate in Network settings (mutual TLS through nginx)', () => {
  it('PEM: without one the server asks for it; with its key in the keychain Verify passes', async () => {
    const id = await createInstance('Behind mTLS');
    const without = await verify(id);
    expect(without).toMatchObject({ ok: false, outcome: 'TLS_CLIENT_CERT_REQUIRED' });
    expect(without.problem.fix.join(' ')).toContain('Choose client certificate…');

    const chosen = await chooseCertificate(certFile);
    expect(chosen).toMatchObject({ kind: 'pem', subject: 'laptop-42', secretSaved: false });
    const certificate = chosen.certificate;

    // Another certificate's key is refused, and nothing is kept.
    harness.dialogs.nextOpen = strangerKeyFile;
    const wrong = await call('profiles.chooseClientCertificateKey', certificate);
    expect(wrong.problem?.code).toBe('TLS_CLIENT_CERT_INVALID');
    expect((await call('profiles.hasClientCertificateSecret', certificate)).value).toBe(false);

    harness.dialogs.nextOpen = keyFile;
    expect((await call('profiles.chooseClientCertificateKey', certificate)).value).toEqual({
      cancelled: false,
    });
    expect((await call('profiles.hasClientCertificateSecret', certificate)).value).toBe(true);

    const draft = { ...harness.profiles.require(id), address: nginx.url };
    const updated = await call('profiles.update', {
      id,
      draft: {
        name: draft.name,
        address: nginx.url,
        colour: draft.colour,
        production: false,
        notes: '',
        network: { caFile, clientCertificate: certificate },
      },
    });
    expect(updated.ok, JSON.stringify(updated)).toBe(true);
    const passed = await verify(id);
    expect(passed.ok, JSON.stringify(passed.problem)).toBe(true);
    expect(passed.identity?.name).toBe('Alice Admin');

    // The built veza-desk check on the saved instance shows the same certificate, from the keychain.
    ensureBuiltCli();
    const run = await runBuiltCli(
      ['check', '--profile', 'Behind mTLS', '--json'],
      cleanEnv({ VEZA_DESK_HOME: harness.home }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, identity: { name: 'Alice Admin' } });
    expect(run.stdout + run.stderr).not.toContain(keyLine);

    // The same certificate chosen for a second instance finds its key already saved.
    expect((await chooseCertificate(certFile)).secretSaved).toBe(true);
  });

  it('a certificate file that changed, or a key no longer in the keychain, is TLS_CLIENT_CERT_INVALID: choose it again', async () => {
    const changing = folder.write('changing.pem', '');
    writeFileSync(changing, execFileSync('cat', [certFile]));
    const { certificate } = await chooseCertificate(changing);
    harness.dialogs.nextOpen = keyFile;
    expect((await call('profiles.chooseClientCertificateKey', certificate)).ok).toBe(true);
    const id = await createInstance('Changing file', certificate);
    expect((await verify(id)).ok).toBe(true);

    writeFileSync(changing, strangerCertPem);
    const changed = await verify(id);
    expect(changed).toMatchObject({ ok: false, outcome: 'TLS_CLIENT_CERT_INVALID' });
    expect(changed.problem.fix[0]).toMatch(
      /changed since it was chosen.*Choose client certificate…/,
    );

    writeFileSync(changing, execFileSync('cat', [certFile]));
    expect((await verify(id)).ok).toBe(true);
    await harness.secrets.delete(`client-certificate ${certificate.certSha256}`);
    const missing = await verify(id);
    expect(missing).toMatchObject({ ok: false, outcome: 'TLS_CLIENT_CERT_INVALID' });
    expect(missing.problem.fix[0]).toContain('Choose client certificate… again');
  });

  it('PKCS#12 (made by openssl): a wrong passphrase is refused; the right one is kept and Verify passes', async () => {
    const p12 = `${certFile}.p12`;
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-in',
      certFile,
      '-inkey',
      keyFile,
      '-passout',
      `pass:${passphrase}`,
      '-out',
      p12,
    ]);
    const chosen = await chooseCertificate(p12);
    expect(chosen).toMatchObject({ kind: 'pkcs12', secretSaved: false });
    const wrong = await call('profiles.saveClientCertificatePassphrase', {
      ...chosen.certificate,
      passphrase: 'summer-42-passphrase',
    });
    expect(wrong.problem?.code).toBe('TLS_CLIENT_CERT_INVALID');
    const saved = await call('profiles.saveClientCertificatePassphrase', {
      ...chosen.certificate,
      passphrase,
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const id = await createInstance('PKCS#12', chosen.certificate);
    const passed = await verify(id);
    expect(passed.ok, JSON.stringify(passed.problem)).toBe(true);
  });

  it('a PEM key protected by a passphrase waits in main until the passphrase opens it; Verify passes', async () => {
    const lockedKey = `${keyFile}.locked`;
    execFileSync('openssl', [
      'pkcs8',
      '-topk8',
      '-in',
      keyFile,
      '-v2',
      'aes-256-cbc',
      '-passout',
      `pass:${keyPassphrase}`,
      '-out',
      lockedKey,
    ]);
    // The same certificate with other bytes (a trailing line) is another file to choose.
    const copy = folder.write('laptop-copy.pem', `${execFileSync('cat', [certFile]).toString()}\n`);
    const { certificate } = await chooseCertificate(copy);
    harness.dialogs.nextOpen = lockedKey;
    expect((await call('profiles.chooseClientCertificateKey', certificate)).value).toEqual({
      cancelled: false,
      needsPassphrase: true,
    });
    expect((await call('profiles.hasClientCertificateSecret', certificate)).value).toBe(false);
    const wrong = await call('profiles.saveClientCertificatePassphrase', {
      ...certificate,
      passphrase: 'not-the-passphrase',
    });
    expect(wrong.problem?.code).toBe('TLS_CLIENT_CERT_INVALID');
    const right = await call('profiles.saveClientCertificatePassphrase', {
      ...certificate,
      passphrase: keyPassphrase,
    });
    expect(right.ok, JSON.stringify(right)).toBe(true);
    const id = await createInstance('Locked key', certificate);
    const passed = await verify(id);
    expect(passed.ok, JSON.stringify(passed.problem)).toBe(true);
  });

  it('the window names only certificates main chose; a key stays while an instance uses it', async () => {
    const { certificate } = await chooseCertificate(certFile);
    const invented = { certFile: `${certFile}.other`, certSha256: certificate.certSha256 };
    const refused = await harness.call('profiles.create', {
      draft: {
        name: 'Invented',
        address: nginx.url,
        colour: '#2457c5',
        production: false,
        notes: '',
        network: { clientCertificate: invented },
      },
    });
    expect(refused.problem?.code).toBe('IPC_INVALID_ARGUMENT');
    harness.dialogs.nextOpen = keyFile;
    expect(
      (await harness.call('profiles.chooseClientCertificateKey', invented)).problem?.code,
    ).toBe('IPC_INVALID_ARGUMENT');

    // Used by the first test's instance: removing is refused; once no instance uses it, it goes.
    expect((await call('profiles.removeClientCertificateSecret', certificate)).value).toBe(false);
    for (const profile of harness.profiles.state().profiles) {
      if (profile.network?.clientCertificate?.certSha256 === certificate.certSha256)
        expect((await call('profiles.delete', { id: profile.id })).ok).toBe(true);
    }
    expect((await call('profiles.hasClientCertificateSecret', certificate)).value).toBe(false);
  });

  it('an imported file never brings a client certificate: it is this computer’s, for servers the user chose', async () => {
    const { certificate } = await chooseCertificate(certFile);
    const file = `${folder.dir}/shared-profiles.json`;
    await writeProfilesExport(file, [
      {
        name: 'Shared by someone',
        baseUrl: 'https://elsewhere.example.com',
        colour: '#2457c5',
        production: false,
        notes: '',
        network: { clientCertificate: certificate },
      },
    ]);
    harness.dialogs.nextOpen = file;
    const imported = await call('profiles.importFile');
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    const profile = harness.profiles
      .state()
      .profiles.find((candidate) => candidate.name === 'Shared by someone');
    expect(profile).toBeDefined();
    expect(profile?.network?.clientCertificate).toBeUndefined();
  });

  it('`veza-desk profiles remove` lets the certificate’s key go too, once no saved instance uses it', async () => {
    ensureBuiltCli();
    const { certificate } = await chooseCertificate(certFile);
    harness.dialogs.nextOpen = keyFile;
    await call('profiles.chooseClientCertificateKey', certificate);
    await createInstance('CLI first', certificate);
    await createInstance('CLI second', certificate);
    const hasKey = async () =>
      (await call('profiles.hasClientCertificateSecret', certificate)).value as boolean;
    expect(await hasKey()).toBe(true);
    const remove = (name: string) =>
      runBuiltCli(['profiles', 'remove', name], cleanEnv({ VEZA_DESK_HOME: harness.home }));

    const first = await remove('CLI first');
    expect(first.code, first.stderr).toBe(0);
    // The other instance still uses the certificate: its key stays.
    expect(await hasKey()).toBe(true);
    const second = await remove('CLI second');
    expect(second.code, second.stderr).toBe(0);
    expect(await hasKey()).toBe(false);
    for (const output of [first, second])
      expect(output.stdout + output.stderr).not.toContain(keyLine);
  });

  it('the private key and the passphrase are nowhere: not in the data folder, not in any answer', async () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const secret of [keyLine, passphrase, keyPassphrase]) {
      expect(await filesContaining(harness.home, secret)).toEqual([]);
      expect(JSON.stringify(answers)).not.toContain(secret);
      expect(JSON.stringify(harness.events)).not.toContain(secret);
    }
  });
});
