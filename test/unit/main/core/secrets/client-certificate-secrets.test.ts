import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../../../../src/main/core/problem-error';
import { createClientCertificateSecrets } from '../../../../../src/main/core/secrets/client-certificate-secrets';
import type { SecretStore } from '../../../../../src/main/core/secrets/secret-store';
import { tempFolder } from '../../../../support/network/temp-folder';

// The keychain side of a client certificate over a store that refuses what Windows' Credential
// Manager refuses (more than 2,560 bytes in one entry): a 4096-bit RSA key still fits, in parts.
const folder = tempFolder();
afterAll(() => folder.dispose());

function credentialManagerLike() {
  const entries = new Map<string, string>();
  const store: SecretStore = {
    get: async (account) => entries.get(account),
    set: async (account, text) => {
      if (Buffer.byteLength(text, 'utf8') > 2560) throw new Error('CredWrite: blob too large');
      entries.set(account, text);
    },
    delete: async (account) => entries.delete(account),
  };
  return { store, entries };
}

function opensslPair(bits: number) {
  const key = `${folder.dir}/rsa-${bits}.key`;
  const cert = `${folder.dir}/rsa-${bits}.pem`;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      `rsa:${bits}`,
      '-nodes',
      '-subj',
      '/CN=laptop-big',
      '-days',
      '2',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const certSha256 = createHash('sha256').update(readFileSync(cert)).digest('hex');
  return { key, certificate: { certFile: cert, certSha256 } };
}

describe('client certificate secrets in the keychain', () => {
  it('a 4096-bit RSA key is kept in parts no entry of which is too large, read back whole, and removed whole', async () => {
    const { store, entries } = credentialManagerLike();
    const secrets = createClientCertificateSecrets(store);
    const { key, certificate } = opensslPair(4096);
    await secrets.saveKeyFile(certificate, key);
    expect(entries.size).toBeGreaterThan(2);
    await expect(secrets.lookup(certificate)).resolves.toEqual({
      keyPem: readFileSync(key, 'utf8'),
    });
    expect(await secrets.has(certificate.certSha256)).toBe(true);
    // Saved again: the parts of the first save are not left behind.
    const before = entries.size;
    await secrets.saveKeyFile(certificate, key);
    expect(entries.size).toBe(before);
    expect(await secrets.remove(certificate.certSha256)).toBe(true);
    expect(entries.size).toBe(0);
    const missing = await secrets.lookup(certificate).catch((error: unknown) => error);
    expect((missing as ProblemError).problem.code).toBe('TLS_CLIENT_CERT_INVALID');
  });

  it('a passphrase is cut between characters, never inside one, and may be empty', async () => {
    const { store } = credentialManagerLike();
    const secrets = createClientCertificateSecrets(store);
    const { key, certificate } = opensslPair(2048);
    const p12 = `${folder.dir}/emoji.p12`;
    const passphrase = `${'🔐'.repeat(700)}é`;
    for (const [pass, file] of [
      [passphrase, p12],
      ['', `${folder.dir}/empty.p12`],
    ] as const) {
      execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-in',
        certificate.certFile,
        '-inkey',
        key,
        '-passout',
        `pass:${pass}`,
        '-out',
        file,
      ]);
      const p12Certificate = {
        certFile: file,
        certSha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      };
      await secrets.savePassphrase(p12Certificate, pass);
      await expect(secrets.lookup(p12Certificate)).resolves.toEqual({ passphrase: pass });
    }
  });
});
