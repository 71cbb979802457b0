import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../../src/main/core/transport';
import { issueCertificate, type Issued } from '../../../src/sandbox/tls/certificates';
import { expectFailure } from './support/expect-failure';
import { fakeLookup } from '../../support/network/lookups';
import {
  ok,
  startHttpServer,
  startHttpsServer,
  startTcpServer,
  type TestServer,
} from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';

// Every case is a real handshake against a server on 127.0.0.1 presenting certificates made
// in memory; "veza.test" resolves to 127.0.0.1 through the injected resolver.
const day = 86_400_000;
const folder = tempFolder();
let transport: Transport;
let root: Issued;
let caFile: string;
const servers: TestServer[] = [];

async function serve(leaf: Issued, extraChain: Issued[] = []): Promise<TestServer> {
  const server = await startHttpsServer(leaf, ok, extraChain);
  servers.push(server);
  return server;
}

function leafFor(
  issuer: Issued | undefined,
  extra: Partial<Parameters<typeof issueCertificate>[0]> = {},
) {
  return issueCertificate({ commonName: 'veza.test', hosts: ['veza.test'], issuer, ...extra });
}

beforeAll(async () => {
  root = await issueCertificate({
    commonName: 'Acme Private Root',
    organization: 'Acme Corp',
    isCA: true,
  });
  caFile = folder.write('acme-root.pem', root.cert);
  transport = createTransport({ lookup: fakeLookup(), env: {}, tempDir: folder.dir });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await transport.close();
  folder.dispose();
});

describe('certificates', () => {
  it('trusts a private CA given as the profile CA file, and reports the certificate and timings', async () => {
    const leaf = await leafFor(root);
    const server = await serve(leaf);
    const response = await transport.send(
      { method: 'GET', url: server.url('/api/v1/users/self', 'veza.test') },
      { network: { caFile } },
    );
    expect(response.status).toBe(200);
    expect(response.peerCertificate).toMatchObject({
      subject: 'veza.test',
      issuer: 'Acme Private Root (Acme Corp)',
      sha256: leaf.fingerprint256,
    });
    expect(response.route).toBe('direct');
    expect(response.timings.reused).toBe(false);
    for (const stage of ['dns', 'connect', 'tls', 'firstByte', 'download', 'total'] as const) {
      expect(response.timings[stage]).toBeGreaterThanOrEqual(0);
    }
    expect(response.timings.tls).toBeGreaterThan(0);
    expect(response.timings.total).toBeGreaterThanOrEqual(
      response.timings.tls + response.timings.firstByte,
    );
  });

  it('without the CA file the same server is refused (nothing is trusted by accident)', async () => {
    const server = await serve(await leafFor(root));
    const error = await expectFailure(
      transport.send({ method: 'GET', url: server.url('/', 'veza.test') }),
    );
    expect(error.problem.code).toBe('TLS_INCOMPLETE_CHAIN');
    expect(error.stage).toBe('tls');
  });

  it('an expired certificate is TLS_CERT_EXPIRED with its end date', async () => {
    const notAfter = new Date(Date.now() - 2 * day);
    const server = await serve(
      await leafFor(root, { notBefore: new Date(Date.now() - 30 * day), notAfter }),
    );
    const error = await expectFailure(
      transport.send({ method: 'GET', url: server.url('/', 'veza.test') }, { network: { caFile } }),
    );
    expect(error.problem.code).toBe('TLS_CERT_EXPIRED');
    expect(error.problem.detail.facts?.validTo).toBe(
      new Date(Math.floor(notAfter.getTime() / 1000) * 1000).toISOString(),
    );
    expect(error.peerCertificate?.subject).toBe('veza.test');
  });

  it('a certificate not valid yet is TLS_CERT_NOT_YET_VALID', async () => {
    const server = await serve(
      await leafFor(root, {
        notBefore: new Date(Date.now() + 2 * day),
        notAfter: new Date(Date.now() + 30 * day),
      }),
    );
    const error = await expectFailure(
      transport.send({ method: 'GET', url: server.url('/', 'veza.test') }, { network: { caFile } }),
    );
    expect(error.problem.code).toBe('TLS_CERT_NOT_YET_VALID');
    expect(error.problem.detail.facts?.validFrom).toBeDefined();
  });

  it('a certificate for another name of the same site is TLS_HOSTNAME_MISMATCH naming both', async () => {
    const leaf = await issueCertificate({
      commonName: 'portal.veza.test',
      hosts: ['portal.veza.test'],
      issuer: root,
    });
    const server = await serve(leaf);
    const error = await expectFailure(
      transport.send({ method: 'GET', url: server.url('/', 'veza.test') }, { network: { caFile } }),
    );
    expect(error.problem.code).toBe('TLS_HOSTNAME_MISMATCH');
    expect(error.problem.explanation).toContain('portal.veza.test');
    expect(error.problem.explanation).toContain('veza.test');
  });

  it('a self-signed certificate is TLS_SELF_SIGNED, and its fingerprint is available to pin', async () => {
    const leaf = await leafFor(undefined);
    const server = await serve(leaf);
    const error = await expectFailure(
      transport.send({ method: 'GET', url: server.url('/', 'veza.test') }),
    );
    expect(error.problem.code).toBe('TLS_SELF_SIGNED');
    expect(error.peerCertificate?.sha256).toBe(leaf.fingerprint256);
    const inspected = await transport.inspectCertificate(server.url('/', 'veza.test'));
    expect(inspected.certificate).toMatchObject({
      subject: 'veza.test',
      selfSigned: true,
      sha256: leaf.fingerprint256,
    });
  });

  it('an incomplete chain (leaf sent without its intermediate, root trusted) is TLS_INCOMPLETE_CHAIN', async () => {
    const intermediate = await issueCertificate({
      commonName: 'Acme Issuing CA',
      isCA: true,
      issuer: root,
    });
    const leaf = await leafFor(intermediate);
    const incomplete = await serve(leaf);
    const error = await expectFailure(
      transport.send(
        { method: 'GET', url: incomplete.url('/', 'veza.test') },
        { network: { caFile } },
      ),
    );
    expect(error.problem.code).toBe('TLS_INCOMPLETE_CHAIN');
    // The same leaf with its intermediate is fine: the chain was the only fault.
    const complete = await serve(leaf, [intermediate]);
    const response = await transport.send(
      { method: 'GET', url: complete.url('/', 'veza.test') },
      { network: { caFile } },
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['leaf + intermediate', true, false],
    ['leaf + intermediate + root', true, true],
    ['leaf signed by the root, sent alone', false, false],
  ])(
    'TLS inspection (%s) is TLS_UNTRUSTED_ROOT naming the inspection issuer',
    async (_name, withIntermediate, withRoot) => {
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
      const leaf = await leafFor(withIntermediate ? zscalerIntermediate : zscalerRoot);
      const chain = [
        ...(withIntermediate ? [zscalerIntermediate] : []),
        ...(withRoot ? [zscalerRoot] : []),
      ];
      const server = await serve(leaf, chain);
      const error = await expectFailure(
        transport.send(
          { method: 'GET', url: server.url('/', 'veza.test') },
          { network: { caFile } },
        ),
      );
      expect(error.problem.code).toBe('TLS_UNTRUSTED_ROOT');
      expect(error.problem.detail.facts?.issuer).toContain('Zscaler Inc.');
      expect(error.problem.explanation).toContain('Zscaler Inc.');
    },
  );

  it('plain HTTP on the TLS port is TLS_NOT_TLS', async () => {
    const server = await startHttpServer(ok);
    servers.push(server);
    const error = await expectFailure(
      transport.send({ method: 'GET', url: `https://veza.test:${server.port}/` }),
    );
    expect(error.problem.code).toBe('TLS_NOT_TLS');
    expect(error.stage).toBe('tls');
  });

  it('a server that drops the handshake is TLS_HANDSHAKE_FAILED or a reset, never a success', async () => {
    const server = await startTcpServer((socket) =>
      socket.once('data', () => socket.end('\x15\x03\x03\x00\x02\x02\x28')),
    );
    servers.push(server);
    const error = await expectFailure(
      transport.send({ method: 'GET', url: `https://veza.test:${server.port}/` }),
    );
    expect(['TLS_HANDSHAKE_FAILED', 'TCP_RESET']).toContain(error.problem.code);
    expect(error.stage).toBe('tls');
  });
});

describe('pinning ("Trust this certificate")', () => {
  it('a pinned self-signed certificate is accepted, in either fingerprint spelling', async () => {
    const leaf = await leafFor(undefined);
    const server = await serve(leaf);
    for (const pin of [leaf.fingerprint256, leaf.fingerprint256.replace(/:/g, '').toLowerCase()]) {
      const response = await transport.send(
        { method: 'GET', url: server.url('/', 'veza.test') },
        { network: { pinnedCertSha256: pin } },
      );
      expect(response.status).toBe(200);
      expect(response.peerCertificate?.sha256).toBe(leaf.fingerprint256);
    }
  });

  it('another certificate than the pinned one is TLS_PIN_MISMATCH, even one a trusted CA issued', async () => {
    const pinned = await leafFor(undefined);
    const server = await serve(await leafFor(root));
    const error = await expectFailure(
      transport.send(
        { method: 'GET', url: server.url('/', 'veza.test') },
        { network: { caFile, pinnedCertSha256: pinned.fingerprint256 } },
      ),
    );
    expect(error.problem.code).toBe('TLS_PIN_MISMATCH');
    expect(error.peerCertificate?.sha256).not.toBe(pinned.fingerprint256);
  });
});

describe('CA file', () => {
  it('a missing file and a file with no certificate are CA_FILE_INVALID', async () => {
    const server = await serve(await leafFor(root));
    for (const file of [
      folder.write('empty.pem', 'not a certificate\n'),
      `${folder.dir}/missing.pem`,
    ]) {
      const error = await expectFailure(
        transport.send(
          { method: 'GET', url: server.url('/', 'veza.test') },
          { network: { caFile: file } },
        ),
      );
      expect(error.problem.code).toBe('CA_FILE_INVALID');
    }
  });

  it('a file with several certificates trusts each of them', async () => {
    const other = await issueCertificate({ commonName: 'Other Root', isCA: true });
    const bundle = folder.write('bundle.pem', other.cert + root.cert);
    const server = await serve(await leafFor(root));
    const response = await transport.send(
      { method: 'GET', url: server.url('/', 'veza.test') },
      { network: { caFile: bundle } },
    );
    expect(response.status).toBe(200);
  });
});
