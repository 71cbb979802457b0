import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate, type Issued } from '../../../src/sandbox/tls/certificates';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { startOpensslServer } from '../../support/network/openssl-server';
import { ok, startTcpServer, type TestServer } from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';
import { makeFakeKey } from '../../support/profile-fixtures';
import { expectFailedAt, runVerify } from './support/verify-harness';

// The secure connection: the simulated Veza serving a certificate made for each case, reached
// as https://veza.test:<port> (the loopback-only resolver answers 127.0.0.1), and trusted only
// through a CA file, as a company root would be.
const day = 86_400_000;
const folder = tempFolder();
let root: Issued;
let caFile: string;
let key: string;
const sandboxes: Sandbox[] = [];
const servers: TestServer[] = [];

beforeAll(async () => {
  root = await issueCertificate({
    commonName: 'Acme Private Root',
    organization: 'Acme Corp',
    isCA: true,
  });
  caFile = folder.write('acme-root.pem', root.cert);
});
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => folder.dispose());

const leafFor = (
  issuer: Issued | undefined,
  extra: Partial<Parameters<typeof issueCertificate>[0]> = {},
) => issueCertificate({ commonName: 'veza.test', hosts: ['veza.test'], issuer, ...extra });

/** The simulated Veza presenting `leaf` (and `chain` after it); answers its address. */
async function vezaWith(leaf: Issued, chain: Issued[] = []): Promise<string> {
  const sandbox = await startSandbox({
    https: true,
    tls: { cert: leaf.cert + chain.map((c) => c.cert).join(''), key: leaf.key },
  });
  sandboxes.push(sandbox);
  key = sandbox.keys.admin;
  return `https://veza.test:${sandbox.port}`;
}

const check = (
  address: string,
  network: { caFile?: string; pinnedCertSha256?: string } = { caFile },
) => runVerify({ address, key, network });

describe('certificates', () => {
  it('the same sandbox with a good certificate from the trusted root works (the baseline)', async () => {
    const result = await check(await vezaWith(await leafFor(root)));
    expect(result.outcome).toBe('OK_PERSONAL_KEY');
    expect(result.steps.find((step) => step.id === 'tls')?.note).toContain('Acme Private Root');
  });

  it('TLS_CERT_EXPIRED names the end date', async () => {
    const notAfter = new Date(Date.now() - 2 * day);
    const address = await vezaWith(
      await leafFor(root, { notBefore: new Date(Date.now() - 30 * day), notAfter }),
    );
    const result = await check(address);
    expectFailedAt(result, 'tls', 'TLS_CERT_EXPIRED');
    expect(result.problem?.detail.facts?.validTo).toBe(
      new Date(Math.floor(notAfter.getTime() / 1000) * 1000).toISOString(),
    );
    expect(result.certificate?.subject).toBe('veza.test');
    // The server's clock agrees with this computer's: the certificate itself is out of date.
    expect(result.problem?.explanation).toContain("This computer's clock is right");
    expect(result.problem?.fix.join(' ')).not.toMatch(/this computer's date/i);
  });

  it("CLOCK_WRONG: the certificate was valid at the server's time, days away from this computer's", async () => {
    const leaf = await leafFor(root, {
      notBefore: new Date(Date.now() - 30 * day),
      notAfter: new Date(Date.now() - 2 * day),
    });
    // A server whose own clock is ten days behind this computer's, when the certificate was valid.
    const serverTime = new Date(Date.now() - 10 * day);
    const seen: { method?: string; url?: string; authorization?: string }[] = [];
    const server = https.createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      res.sendDate = false;
      res.writeHead(200, { date: serverTime.toUTCString(), 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await runVerify(
        { address: `https://veza.test:${port}`, key: makeFakeKey(), network: { caFile } },
        { platform: 'darwin' },
      );
      expectFailedAt(result, 'tls', 'CLOCK_WRONG');
      expect(result.problem?.detail.facts).toMatchObject({
        host: 'veza.test',
        difference: '10 days ahead',
        serverTime: `${serverTime.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      });
      // This OS's steps only.
      expect(result.problem?.fix[0]).toMatch(
        /^On macOS: open System Settings > General > Date & Time/,
      );
      expect(result.problem?.fix.join(' ')).not.toMatch(/Windows|Linux/);
      // The clock was read with one HEAD / that carried no key.
      expect(seen).toEqual([{ method: 'HEAD', url: '/', authorization: undefined }]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('TLS_CERT_NOT_YET_VALID', async () => {
    const address = await vezaWith(
      await leafFor(root, {
        notBefore: new Date(Date.now() + 2 * day),
        notAfter: new Date(Date.now() + 30 * day),
      }),
    );
    const result = await check(address);
    expectFailedAt(result, 'tls', 'TLS_CERT_NOT_YET_VALID');
    expect(result.problem?.detail.facts?.validFrom).toBeDefined();
    expect(result.problem?.explanation).toContain("This computer's clock is right");
  });

  it('TLS_HOSTNAME_MISMATCH names both names (another name of the same site)', async () => {
    const leaf = await issueCertificate({
      commonName: 'portal.veza.test',
      hosts: ['portal.veza.test'],
      issuer: root,
    });
    const result = await check(await vezaWith(leaf));
    expectFailedAt(result, 'tls', 'TLS_HOSTNAME_MISMATCH');
    expect(result.problem?.explanation).toContain('portal.veza.test');
    expect(result.problem?.explanation).toContain('veza.test');
  });

  it('NETWORK_SIGN_IN: a certificate for an unrelated site, as guest Wi-Fi sign-in pages show', async () => {
    const leaf = await issueCertificate({
      commonName: 'login.guest-wifi.example',
      hosts: ['login.guest-wifi.example'],
      issuer: root,
    });
    const result = await check(await vezaWith(leaf));
    expectFailedAt(result, 'tls', 'NETWORK_SIGN_IN');
    expect(result.problem?.explanation).toContain('made out for login.guest-wifi.example');
    expect(result.problem?.fix[0]).toMatch(/^Open a web browser and go to any website/);
  });

  it('TLS_SELF_SIGNED, with the certificate to compare before trusting it', async () => {
    const leaf = await leafFor(undefined);
    const result = await check(await vezaWith(leaf), {});
    expectFailedAt(result, 'tls', 'TLS_SELF_SIGNED');
    expect(result.certificate?.sha256).toBe(leaf.fingerprint256);
  });

  it('TLS_UNTRUSTED_ROOT: a private root nobody gave us, named by its issuer', async () => {
    const other = await issueCertificate({
      commonName: 'Globex Internal Root',
      organization: 'Globex',
      isCA: true,
    });
    const intermediate = await issueCertificate({
      commonName: 'Globex Issuing CA',
      organization: 'Globex',
      isCA: true,
      issuer: other,
    });
    const result = await check(await vezaWith(await leafFor(intermediate), [intermediate, other]));
    expectFailedAt(result, 'tls', 'TLS_UNTRUSTED_ROOT');
    expect(result.problem?.detail.facts?.issuer).toContain('Globex Internal Root');
  });

  it('TLS_UNTRUSTED_ROOT: corporate TLS inspection (Zscaler Inc.) is recognised and said', async () => {
    const zscalerRoot = await issueCertificate({
      commonName: 'Zscaler Root CA',
      organization: 'Zscaler Inc.',
      isCA: true,
    });
    const zscalerIntermediate = await issueCertificate({
      commonName: 'Zscaler Intermediate Root CA',
      organization: 'Zscaler Inc.',
      isCA: true,
      issuer: zscalerRoot,
    });
    const result = await check(
      await vezaWith(await leafFor(zscalerIntermediate), [zscalerIntermediate]),
    );
    expectFailedAt(result, 'tls', 'TLS_UNTRUSTED_ROOT');
    expect(result.problem?.detail.facts?.issuer).toContain('Zscaler Inc.');
    expect(result.problem?.explanation).toContain('Zscaler Inc.');
    expect(result.problem?.explanation).toMatch(/inspect/i);
  });

  it('TLS_INCOMPLETE_CHAIN: the server forgot its intermediate (the root is trusted)', async () => {
    const intermediate = await issueCertificate({
      commonName: 'Acme Issuing CA',
      isCA: true,
      issuer: root,
    });
    const leaf = await leafFor(intermediate);
    expectFailedAt(await check(await vezaWith(leaf)), 'tls', 'TLS_INCOMPLETE_CHAIN');
    // With the intermediate sent, the same leaf is fine: the chain was the only fault.
    expect((await check(await vezaWith(leaf, [intermediate]))).outcome).toBe('OK_PERSONAL_KEY');
  });

  it('TLS_PIN_MISMATCH: another certificate than the one the user chose to trust', async () => {
    const pinned = await leafFor(undefined);
    const result = await check(await vezaWith(await leafFor(root)), {
      caFile,
      pinnedCertSha256: pinned.fingerprint256,
    });
    expectFailedAt(result, 'tls', 'TLS_PIN_MISMATCH');
  });

  it('CA_FILE_INVALID: the CA file named in the settings is missing', async () => {
    const result = await check(await vezaWith(await leafFor(root)), {
      caFile: `${folder.dir}/missing.pem`,
    });
    expect(result.problem?.code).toBe('CA_FILE_INVALID');
    expectFailedAt(result, 'tls', 'CA_FILE_INVALID');
  });
});

describe('handshakes', () => {
  it('TLS_NOT_TLS: https to the plain-http sandbox', async () => {
    const sandbox = await startSandbox();
    sandboxes.push(sandbox);
    key = sandbox.keys.admin;
    expectFailedAt(await check(`https://veza.test:${sandbox.port}`), 'tls', 'TLS_NOT_TLS');
  });

  /** A real TLS server with these settings, presenting a trusted leaf for veza.test. */
  async function tlsServer(
    options: https.ServerOptions,
  ): Promise<{ url: string; close(): Promise<void> }> {
    const leaf = await leafFor(root);
    const server = https.createServer({ cert: leaf.cert, key: leaf.key, ...options }, ok);
    server.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `https://veza.test:${port}`,
      close: async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  it('TLS_OLD_PROTOCOL: a server that speaks only TLS 1.0/1.1, the versions named', async () => {
    // OpenSSL answers the ClientHello with a protocol_version alert; asked version by version
    // (no key sent), the server says what it offers.
    const old = await tlsServer({
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    try {
      const result = await check(old.url);
      expectFailedAt(result, 'tls', 'TLS_OLD_PROTOCOL');
      expect(result.problem?.detail.errorCode).toMatch(/^ERR_SSL_/);
      expect(result.problem?.explanation).toContain(
        'only offers secure links in TLS 1.0 and TLS 1.1',
      );
      expect(result.problem?.explanation).toContain('Veza Desk needs TLS 1.2 or newer');
    } finally {
      await old.close();
    }
  });

  it('TLS_NO_COMMON_CIPHER: TLS 1.2 with only an encryption nobody should use', async () => {
    const weak = await tlsServer({
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0',
    });
    try {
      const result = await check(weak.url);
      expectFailedAt(result, 'tls', 'TLS_NO_COMMON_CIPHER');
      expect(result.problem?.detail.facts).toMatchObject({
        versions: 'TLS 1.2',
        cipher: 'ECDHE-ECDSA-NULL-SHA',
      });
    } finally {
      await weak.close();
    }
  });

  it('TLS_CLIENT_CERT_REQUIRED: TLS 1.3 says "certificate required" to a client without one', async () => {
    const strict = await tlsServer({ requestCert: true, rejectUnauthorized: true, ca: root.cert });
    try {
      const result = await check(strict.url);
      expectFailedAt(result, 'tls', 'TLS_CLIENT_CERT_REQUIRED');
      expect(result.problem?.explanation).toContain('a client certificate');
    } finally {
      await strict.close();
    }
  });

  it.each(['TLSv1.2', 'TLSv1.3'] as const)(
    'TLS_CLIENT_CERT_REFUSED (%s): a client certificate from an authority the server does not trust',
    async (version) => {
      // TLS 1.2 refuses it in the handshake; TLS 1.3 only after it, which the doctor listens for.
      const leaf = await leafFor(root);
      const strict = await startOpensslServer({ ...leaf, clientCa: root.cert, version });
      const stranger = await issueCertificate({ commonName: 'laptop-7', clientAuth: true });
      try {
        const result = await runVerify({
          address: strict.url('veza.test'),
          key,
          network: {
            caFile,
            clientCertificate: {
              certFile: folder.write(`stranger-${version}.pem`, stranger.cert),
              keyFile: folder.write(`stranger-${version}.key`, stranger.key),
            },
          },
        });
        expectFailedAt(result, 'tls', 'TLS_CLIENT_CERT_REFUSED');
        expect(result.problem?.explanation).toContain(
          'The server turned it down: it was not issued by an authority the server trusts.',
        );
        expect(result.problem?.detail.errorCode).toBe('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA');
      } finally {
        await strict.close();
      }
    },
  );

  it('TLS_HANDSHAKE_FAILED: a server that refuses every handshake with an alert', async () => {
    // A fatal internal_error alert to every ClientHello: nothing to learn by asking again.
    const server = await startTcpServer((socket) => {
      socket.once('data', () =>
        socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50])),
      );
    });
    servers.push(server);
    const result = await check(`https://veza.test:${server.port}`);
    expectFailedAt(result, 'tls', 'TLS_HANDSHAKE_FAILED');
    expect(result.problem?.detail.errorCode).toMatch(/^ERR_SSL_/);
  });

  it('a server that accepts but never answers the handshake is TCP_TIMEOUT at the tls step', async () => {
    const server = await startTcpServer(() => {});
    servers.push(server);
    const result = await runVerify({
      address: `https://veza.test:${server.port}`,
      key: 'dmV6YS1zYW5kYm94OnBlcnNvbmFsOmFsaWNl',
      network: { timeouts: { connectMs: 300 } },
    });
    expectFailedAt(result, 'tls', 'TCP_TIMEOUT');
  });
});
