import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import {
  issueCertificate,
  makeLoopbackTls,
  type Issued,
} from '../../../src/sandbox/tls/certificates';
import { freePort } from '../../support/network/free-port';
import {
  startInterceptingProxy,
  type InterceptingProxy,
} from '../../support/network/intercepting-proxy';
import { startNginx, type Nginx } from '../../support/network/nginx';
import { startOpensslServer } from '../../support/network/openssl-server';
import { startSquid } from '../../support/network/squid';
import { tempFolder } from '../../support/network/temp-folder';
import { recordProducedCode } from '../../support/produced-codes';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// What a company network, a laptop or a gateway does, through the built `veza-desk check
// --json` as IT scripts it: each case against a real peer on 127.0.0.1 (nginx, OpenSSL's own
// server, Node's TLS server limited to old versions, an intercepting proxy, the simulated
// Veza's faults). The doctor tests produce the same cases through verify() in-process.
let sandbox: Sandbox;
let ca: Issued;
let site: Issued;
let caFile: string;
const folder = tempFolder();
const closers: (() => Promise<void>)[] = [];
const runs: CliRun[] = [];

beforeAll(async () => {
  ensureBuiltCli();
  sandbox = await startSandbox();
  ({ ca, server: site } = await makeLoopbackTls(['127.0.0.1', 'localhost', 'veza.test']));
  caFile = folder.write('ca.pem', ca.cert);
}, 120_000);
afterEach(async () => {
  sandbox.faults.clear();
  await Promise.all(closers.splice(0).map((close) => close()));
});
afterAll(async () => {
  await sandbox.close();
  folder.dispose();
  for (const run of runs) expect(run.stdout + run.stderr).not.toContain(sandbox.keys.admin);
});

interface CheckJson {
  ok: boolean;
  problem: { code: string; title: string; explanation: string; fix: string[] } | null;
}

async function check(args: string[], env: Record<string, string> = {}): Promise<CheckJson> {
  const run = await runBuiltCli(
    ['check', ...args, '--json'],
    cleanEnv({ VEZA_TOKEN: sandbox.keys.admin, ...env }),
  );
  runs.push(run);
  expect(run.code, run.stderr).toBe(1);
  const result = JSON.parse(run.stdout) as CheckJson;
  recordProducedCode(result.problem?.code);
  return result;
}

async function nginx(server: string, tls = true): Promise<Nginx> {
  const started = await startNginx(server, tls ? { cert: site.cert, key: site.key } : undefined);
  closers.push(() => started.close());
  return started;
}

/** Node's TLS server with these options, presenting the loopback certificate. */
async function tlsServer(options: https.ServerOptions, leaf: Issued = site): Promise<string> {
  const server = https.createServer({ cert: leaf.cert, key: leaf.key, ...options }, (_q, res) =>
    res.end('{}'),
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return String((server.address() as AddressInfo).port);
}

async function interceptingProxy(authority: string): Promise<InterceptingProxy> {
  const root = await issueCertificate({ commonName: authority, isCA: true });
  const leaf = await issueCertificate({
    commonName: 'veza.test',
    hosts: ['veza.test'],
    issuer: root,
  });
  const proxy = await startInterceptingProxy(leaf);
  closers.push(() => proxy.close());
  return proxy;
}

describe('veza-desk check --json on company networks and laptops', () => {
  it('GATEWAY_REFUSED: a gateway page (nginx 403) is not the key', async () => {
    const gateway = await nginx('location / { return 403; }');
    const result = await check(['--url', gateway.url, '--ca-file', caFile]);
    expect(result.problem?.code).toBe('GATEWAY_REFUSED');
    expect(result.problem?.explanation).toContain('nginx');
  });

  it('GATEWAY_UNAVAILABLE: nginx answers 502 for a Veza it cannot reach', async () => {
    const gateway = await nginx(`location / { proxy_pass http://127.0.0.1:${await freePort()}; }`);
    const result = await check(['--url', gateway.url, '--ca-file', caFile]);
    expect(result.problem?.code).toBe('GATEWAY_UNAVAILABLE');
  });

  it('RATE_LIMITED: the wait from Retry-After, in words', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfterSeconds: 120 });
    const result = await check(['--url', sandbox.url]);
    expect(result.problem?.code).toBe('RATE_LIMITED');
    expect(result.problem?.fix.join(' ')).toContain('2 minutes');
  });

  it('TLS_OLD_PROTOCOL: a server that speaks only TLS 1.0 and 1.1', async () => {
    const port = await tlsServer({
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const result = await check(['--url', `https://127.0.0.1:${port}`, '--ca-file', caFile]);
    expect(result.problem?.code).toBe('TLS_OLD_PROTOCOL');
    expect(result.problem?.explanation).toContain('TLS 1.0 and TLS 1.1');
  });

  it('NETWORK_SIGN_IN: a certificate made out to another site altogether', async () => {
    const portal = await issueCertificate({
      commonName: 'login.hotel-wifi.example',
      hosts: ['login.hotel-wifi.example'],
      issuer: ca,
    });
    const port = await tlsServer({}, portal);
    const result = await check(['--url', `https://localhost:${port}`, '--ca-file', caFile]);
    expect(result.problem?.code).toBe('NETWORK_SIGN_IN');
  });

  it('TLS_PROXY_INSPECTION: HTTPS_PROXY re-signs secure traffic; the variable is named', async () => {
    const proxy = await interceptingProxy('Corp Secure Gateway CA');
    const result = await check(['--url', 'https://veza.test'], { HTTPS_PROXY: proxy.url });
    expect(result.problem?.code).toBe('TLS_PROXY_INSPECTION');
    expect(result.problem?.explanation).toContain('from the HTTPS_PROXY environment variable');
    expect(proxy.decrypted).toEqual([]);
  });

  it('TLS_DEBUG_PROXY: mitmproxy is named for what it is', async () => {
    const proxy = await interceptingProxy('mitmproxy');
    const result = await check(['--url', 'https://veza.test'], { HTTPS_PROXY: proxy.url });
    expect(result.problem?.code).toBe('TLS_DEBUG_PROXY');
    expect(result.problem?.title).toContain('mitmproxy');
  });

  it('PROXY_UNREACHABLE: a dead HTTPS_PROXY says it is that variable', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const result = await check(['--url', 'https://veza.test'], { HTTPS_PROXY: dead });
    expect(result.problem?.code).toBe('PROXY_UNREACHABLE');
    expect(result.problem?.explanation).toContain('from the HTTPS_PROXY environment variable');
  });

  it('CHECK_TIMEOUT: an answer trickling in byte by byte stops at --check-timeout', async () => {
    const gateway = await nginx(
      // nginx sends one byte of a never-ending body every 200 ms (limit_rate), Veza's headers first.
      'location / { limit_rate 5; default_type application/json; return 200 "{\\"value\\":{\\"id\\":\\"u-1\\",\\"name\\":\\"Alice\\",\\"padding\\":\\"................................................................\\"}}"; }',
    );
    const result = await check([
      '--url',
      gateway.url,
      '--ca-file',
      caFile,
      '--check-timeout',
      '1500',
    ]);
    expect(result.problem?.code).toBe('CHECK_TIMEOUT');
  });

  it.each(['TLSv1.2', 'TLSv1.3'] as const)(
    'TLS_CLIENT_CERT_REFUSED (%s): --client-cert from an authority the server does not trust',
    async (version) => {
      const server = await startOpensslServer({ ...site, clientCa: ca.cert, version });
      closers.push(() => server.close());
      const stranger = await issueCertificate({ commonName: 'laptop-7', clientAuth: true });
      const result = await check([
        '--url',
        server.url('127.0.0.1'),
        '--ca-file',
        caFile,
        '--client-cert',
        folder.write(`stranger-${version}.pem`, stranger.cert),
        '--client-key',
        folder.write(`stranger-${version}.key`, stranger.key),
      ]);
      expect(result.problem?.code).toBe('TLS_CLIENT_CERT_REFUSED');
      expect(result.problem?.explanation).toContain('not issued by an authority the server trusts');
    },
  );

  it('PROXY_AUTH_REQUIRED, then through: a Windows sign-in (NTLM) proxy, squid', async () => {
    const squid = await startSquid();
    closers.push(() => squid.close());
    const secure = await startSandbox({
      https: true,
      caFile: true,
      tls: { cert: site.cert, key: site.key, caPem: ca.cert },
    });
    closers.push(() => secure.close());
    // Loopback is never proxied: squid resolves veza.test itself (its own hosts file).
    const target = ['--url', `https://veza.test:${secure.port}`, '--ca-file', caFile];
    const asked = await check(target, { HTTPS_PROXY: squid.url });
    expect(asked.problem?.code).toBe('PROXY_AUTH_REQUIRED');
    expect(asked.problem?.explanation).toContain('from the HTTPS_PROXY environment variable');
    const signedIn = await runBuiltCli(
      ['check', ...target, '--json'],
      cleanEnv({
        VEZA_TOKEN: secure.keys.admin,
        HTTPS_PROXY: `http://ACME%5Cjdoe:Winter-pw-2d4f9@127.0.0.1:${squid.port}`,
      }),
    );
    expect(signedIn.code, signedIn.stdout + signedIn.stderr).toBe(0);
    expect(squid.accessLog()).toMatch(/jdoe/i);
    expect(signedIn.stdout + signedIn.stderr).not.toContain('Winter-pw-2d4f9');
  });
});
