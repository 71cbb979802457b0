import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import type { VerificationResult } from '../../../src/shared/doctor/verification';
import { issueCertificate, makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { cleanEnv, ensureBuiltCli, runBuiltCli } from '../cli/support/built-cli';
import { startNginx, type Nginx } from '../../support/network/nginx';
import { tempFolder } from '../../support/network/temp-folder';
import { startHttpServer, type TestServer } from '../../support/network/servers';
import { expectFailedAt, runVerify } from './support/verify-harness';

// A real nginx in front of the simulated Veza, as companies and Veza's own edge put one: what
// it answers itself (its error pages, a 502 when Veza is down, a 504 when Veza does not answer
// in time) is never read as Veza refusing the key, and what Veza answers through it is.
let sandbox: Sandbox;
/** Counts what reaches the simulator through nginx (the key must not, when nginx refuses). */
let upstream: TestServer;
const gateways: Nginx[] = [];
const folder = tempFolder();
beforeAll(async () => {
  sandbox = await startSandbox();
  // A thin forwarder between nginx and the sandbox, so a test sees whether a request got past nginx.
  upstream = await startHttpServer((req, res) => {
    const forwarded = new URL(req.url ?? '/', sandbox.url);
    void fetch(forwarded, {
      method: req.method,
      headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
    }).then(
      async (answer) => {
        res.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await answer.arrayBuffer()));
      },
      () => res.destroy(),
    );
  });
});
afterEach(async () => {
  sandbox.faults.clear();
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
});
afterAll(async () => {
  folder.dispose();
  await upstream.close();
  await sandbox.close();
});

async function gateway(server: string): Promise<string> {
  const started = await startNginx(server);
  gateways.push(started);
  return started.url;
}

const toVeza = `location / { proxy_pass http://127.0.0.1:UPSTREAM; proxy_read_timeout 1s; }`;
const passTo = (port: number) => toVeza.replace('UPSTREAM', String(port));

function words(result: VerificationResult): string {
  return [result.problem?.title, result.problem?.explanation, ...(result.problem?.fix ?? [])].join(
    ' ',
  );
}

/** Nothing in the verdict says the key is wrong or should be replaced. */
function expectKeyNotBlamed(result: VerificationResult): void {
  expect(words(result)).not.toMatch(/refused the API key|not in the right form|new (API )?key/i);
}

describe('a gateway in front of Veza', () => {
  it('passes Veza through: a working key verifies behind nginx', async () => {
    const address = await gateway(passTo(upstream.port));
    const result = await runVerify({ address, key: sandbox.keys.admin });
    expect(result.ok, JSON.stringify(result.problem)).toBe(true);
  });

  it("Veza's own refusal through nginx is still the key refused", async () => {
    const address = await gateway(passTo(upstream.port));
    const result = await runVerify({ address, key: sandbox.keys.revoked });
    expectFailedAt(result, 'auth', 'AUTH_INVALID_KEY');
  });

  it.each([
    ['403', 'return 403;', 403, '403 Forbidden'],
    [
      '401 (a sign-in in front of Veza)',
      'auth_basic "Staff only"; auth_basic_user_file /dev/null; proxy_pass http://127.0.0.1:UPSTREAM;',
      401,
      '401 Authorization Required',
    ],
  ])(
    'GATEWAY_REFUSED: nginx answers %s with its own page; the key never reached Veza',
    async (_name, location, status, title) => {
      const before = upstream.requests.length;
      const address = await gateway(
        `location / { ${location.replace('UPSTREAM', String(upstream.port))} }`,
      );
      const result = await runVerify({ address, key: sandbox.keys.admin });
      expectFailedAt(result, 'http', 'GATEWAY_REFUSED');
      expect(result.problem?.detail.status).toBe(status);
      expect(result.problem?.detail.facts).toMatchObject({ answerer: 'nginx', title });
      expect(result.problem?.explanation).toContain(
        `nginx answered with a web page of its own, titled “${title}”`,
      );
      expectKeyNotBlamed(result);
      expect(upstream.requests.length).toBe(before);
    },
  );

  it('GATEWAY_REFUSED: a firewall block page with 200 ("Access denied")', async () => {
    const address = await gateway(
      `location / { default_type text/html; return 200 '<!doctype html><html><head><title>Access Denied</title></head><body><h1>Access Denied</h1><p>The site you requested is blocked by your company\\'s security policy.</p></body></html>'; }`,
    );
    const result = await runVerify({ address, key: sandbox.keys.admin });
    expectFailedAt(result, 'http', 'GATEWAY_REFUSED');
    expect(result.problem?.detail.facts?.title).toBe('Access Denied');
    expectKeyNotBlamed(result);
  });

  it('GATEWAY_UNAVAILABLE: nginx cannot reach Veza (502 Bad Gateway)', async () => {
    const closed = await startHttpServer(() => {});
    const port = closed.port;
    await closed.close();
    const address = await gateway(passTo(port));
    const result = await runVerify({ address, key: sandbox.keys.admin });
    expectFailedAt(result, 'http', 'GATEWAY_UNAVAILABLE');
    expect(result.problem?.detail.status).toBe(502);
    expect(result.problem?.title).toBe('Veza cannot be reached behind its gateway right now');
    expect(result.problem?.explanation).toMatch(/^nginx in front of the instance \(127\.0\.0\.1\)/);
    expectKeyNotBlamed(result);
  });

  it('GATEWAY_UNAVAILABLE: Veza does not answer nginx in time (504 Gateway Time-out)', async () => {
    sandbox.faults.add({ kind: 'hang' });
    const address = await gateway(passTo(upstream.port));
    const result = await runVerify({ address, key: sandbox.keys.admin });
    expectFailedAt(result, 'http', 'GATEWAY_UNAVAILABLE');
    expect(result.problem?.detail.status).toBe(504);
    expectKeyNotBlamed(result);
  });

  it('a maintenance page with Retry-After says when to try again, in words', async () => {
    const address = await gateway(`location / { add_header Retry-After 120 always; return 503; }`);
    const result = await runVerify({ address, key: sandbox.keys.admin });
    expectFailedAt(result, 'http', 'GATEWAY_UNAVAILABLE');
    expect(result.problem?.explanation).toContain('It asked to be tried again in 2 minutes.');
    expect(result.problem?.fix[0]).toBe('Wait 2 minutes, then try again.');
  });

  it('TLS_CLIENT_CERT_REQUIRED: nginx wants a client certificate ("No required SSL certificate was sent")', async () => {
    const { ca, server } = await makeLoopbackTls(['127.0.0.1']);
    const started = await startNginx(
      'ssl_verify_client on; ssl_client_certificate {{clients.pem}}; location / { return 200; }',
      { cert: server.cert, key: server.key, files: { 'clients.pem': ca.cert } },
    );
    gateways.push(started);
    const caFile = folder.write('nginx-ca.pem', ca.cert);
    const result = await runVerify({
      address: started.url,
      key: sandbox.keys.admin,
      network: { caFile },
    });
    expectFailedAt(result, 'http', 'TLS_CLIENT_CERT_REQUIRED');
    expect(result.problem?.detail.status).toBe(400);
    expect(result.problem?.detail.facts?.answerer).toBe('nginx');
    expectKeyNotBlamed(result);
  });

  describe('with a client certificate (mutual TLS through nginx to Veza)', () => {
    /** nginx in front of the simulated Veza, letting in only clients of its own CA. */
    async function mutualTls() {
      const { ca, server } = await makeLoopbackTls(['127.0.0.1']);
      const clients = await issueCertificate({ commonName: 'Acme Clients CA', isCA: true });
      const laptop = await issueCertificate({
        commonName: 'laptop-42',
        issuer: clients,
        clientAuth: true,
      });
      const stranger = await issueCertificate({ commonName: 'stranger', clientAuth: true });
      const started = await startNginx(
        `ssl_verify_client on; ssl_client_certificate {{clients.pem}}; ${passTo(upstream.port)}`,
        { cert: server.cert, key: server.key, files: { 'clients.pem': clients.cert } },
      );
      gateways.push(started);
      return {
        url: started.url,
        caFile: folder.write(`nginx-ca-${started.port}.pem`, ca.cert),
        certFile: folder.write(`laptop-${started.port}.pem`, laptop.cert),
        keyFile: folder.write(`laptop-${started.port}.key`, laptop.key),
        strangerKeyFile: folder.write(`stranger-${started.port}.key`, stranger.key),
        strangerCertFile: folder.write(`stranger-${started.port}.pem`, stranger.cert),
      };
    }

    it('the certificate and its key let the check through to Veza', async () => {
      const site = await mutualTls();
      const result = await runVerify({
        address: site.url,
        key: sandbox.keys.admin,
        network: {
          caFile: site.caFile,
          clientCertificate: { certFile: site.certFile, keyFile: site.keyFile },
        },
      });
      expect(result.ok, JSON.stringify(result.problem)).toBe(true);
      expect(result.identity?.name).toBe('Alice Admin');
    });

    it('the built veza-desk check takes --client-cert and --client-key', async () => {
      ensureBuiltCli();
      const site = await mutualTls();
      const run = await runBuiltCli(
        [
          'check',
          '--url',
          site.url,
          '--ca-file',
          site.caFile,
          '--client-cert',
          site.certFile,
          '--client-key',
          site.keyFile,
          '--json',
        ],
        cleanEnv({ VEZA_TOKEN: sandbox.keys.admin }),
      );
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, identity: { name: 'Alice Admin' } });
      const without = await runBuiltCli(
        ['check', '--url', site.url, '--ca-file', site.caFile, '--json'],
        cleanEnv({ VEZA_TOKEN: sandbox.keys.admin }),
      );
      expect(JSON.parse(without.stdout)).toMatchObject({
        problem: { code: 'TLS_CLIENT_CERT_REQUIRED' },
      });
    });

    it('a PKCS#12 file with its passphrase (made by openssl, as IT hands them out); a wrong passphrase is TLS_CLIENT_CERT_INVALID', async () => {
      const site = await mutualTls();
      const p12 = `${site.certFile}.p12`;
      execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-in',
        site.certFile,
        '-inkey',
        site.keyFile,
        '-passout',
        'pass:winter-42',
        '-out',
        p12,
      ]);
      const check = (passphrase: string) =>
        runVerify({
          address: site.url,
          key: sandbox.keys.admin,
          network: { caFile: site.caFile, clientCertificate: { certFile: p12, passphrase } },
        });
      const right = await check('winter-42');
      expect(right.ok, JSON.stringify(right.problem)).toBe(true);
      const wrong = await check('summer-42');
      expectFailedAt(wrong, 'tls', 'TLS_CLIENT_CERT_INVALID');
      expect(JSON.stringify(wrong)).not.toContain('summer-42');
    });

    it('TLS_CLIENT_CERT_REFUSED: nginx turns down a certificate of another authority ("The SSL certificate error")', async () => {
      const site = await mutualTls();
      const before = upstream.requests.length;
      const result = await runVerify({
        address: site.url,
        key: sandbox.keys.admin,
        network: {
          caFile: site.caFile,
          clientCertificate: { certFile: site.strangerCertFile, keyFile: site.strangerKeyFile },
        },
      });
      expectFailedAt(result, 'http', 'TLS_CLIENT_CERT_REFUSED');
      expect(result.problem?.detail.status).toBe(400);
      expect(result.problem?.explanation).toContain('The server turned it down');
      expectKeyNotBlamed(result);
      expect(upstream.requests.length).toBe(before);
    });

    it("TLS_CLIENT_CERT_INVALID: a key that is not the certificate's, or a file that is none, stops before sending", async () => {
      const site = await mutualTls();
      const before = upstream.requests.length;
      for (const clientCertificate of [
        { certFile: site.certFile, keyFile: site.strangerKeyFile },
        { certFile: site.keyFile },
        { certFile: `${site.certFile}.missing`, keyFile: site.keyFile },
      ]) {
        const result = await runVerify({
          address: site.url,
          key: sandbox.keys.admin,
          network: { caFile: site.caFile, clientCertificate },
        });
        expectFailedAt(result, 'tls', 'TLS_CLIENT_CERT_INVALID');
        expect(result.problem?.detail.facts?.file).toBe(clientCertificate.certFile);
      }
      expect(upstream.requests.length).toBe(before);
    });
  });
});
