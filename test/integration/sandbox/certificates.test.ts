import https from 'node:https';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { issueCertificate, makeLoopbackTls } from '../../../src/sandbox/tls/certificates';

async function handshake(
  serverOptions: tls.SecureContextOptions,
  clientOptions: tls.ConnectionOptions,
) {
  const server = https.createServer(serverOptions, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, ...clientOptions }, () => {
        resolve('trusted');
        socket.end();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  } finally {
    server.close();
  }
}

describe('test certificates (real TLS handshakes on 127.0.0.1)', () => {
  it('a server certificate from the private CA is trusted through that CA only', async () => {
    const { ca, server } = await makeLoopbackTls();
    expect(
      await handshake(
        { cert: server.cert, key: server.key },
        { ca: ca.cert, servername: 'localhost' },
      ),
    ).toBe('trusted');
    expect(
      await handshake({ cert: server.cert, key: server.key }, { servername: 'localhost' }),
    ).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('an expired certificate is refused as expired', async () => {
    const ca = await issueCertificate({ commonName: 'CA', isCA: true });
    const expired = await issueCertificate({
      commonName: 'localhost',
      hosts: ['localhost'],
      issuer: ca,
      notBefore: new Date(Date.now() - 10 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    expect(
      await handshake(
        { cert: expired.cert, key: expired.key },
        { ca: ca.cert, servername: 'localhost' },
      ),
    ).toBe('CERT_HAS_EXPIRED');
  });

  it('an intermediate chain validates only when the server sends the intermediate', async () => {
    const root = await issueCertificate({ commonName: 'Root', isCA: true });
    const intermediate = await issueCertificate({
      commonName: 'Intermediate',
      isCA: true,
      issuer: root,
    });
    const leaf = await issueCertificate({
      commonName: 'localhost',
      hosts: ['localhost'],
      issuer: intermediate,
    });
    expect(
      await handshake(
        { cert: leaf.cert + intermediate.cert, key: leaf.key },
        { ca: root.cert, servername: 'localhost' },
      ),
    ).toBe('trusted');
    expect(
      await handshake(
        { cert: leaf.cert, key: leaf.key },
        { ca: root.cert, servername: 'localhost' },
      ),
    ).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('fingerprints match what Node reports for the peer', async () => {
    const { server } = await makeLoopbackTls();
    expect(server.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
