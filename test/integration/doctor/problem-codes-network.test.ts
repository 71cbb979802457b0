import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../src/main/core/transport';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import type { VerificationResult } from '../../../src/shared/doctor/verification';
import { startForwardProxy, type TestProxy } from '../../support/network/forward-proxy';
import {
  canListenWithFullBacklog,
  startFullBacklogListener,
} from '../../support/network/full-backlog';
import { failingLookup, mappedLookup } from '../../support/network/lookups';
import { canMakeNamespaces, namespaceLauncher } from '../../support/network/namespace';
import { startTcpServer, type TestServer } from '../../support/network/servers';
import { recordProducedCode } from '../../support/produced-codes';
import { repoRoot } from '../../support/run-tsx';
import { expectFailedAt, loopbackTransport, runVerify, statusOf } from './support/verify-harness';

// The way to the server: proxy, DNS, TCP. Real proxies, real sockets on 127.0.0.1, an injected
// resolver on the real connect path, and (for an unreachable network) a real network namespace.
let sandbox: Sandbox;
const proxies: TestProxy[] = [];
const servers: TestServer[] = [];
beforeAll(async () => {
  // Its certificate also names veza.test: loopback is never proxied, so the proxy cases below
  // reach the sandbox by that test name (the proxy resolves it with the test resolver).
  const { ca, server } = await makeLoopbackTls([
    'veza.test',
    'veza.dual.test',
    'localhost',
    '127.0.0.1',
    '::1',
  ]);
  sandbox = await startSandbox({
    https: true,
    caFile: true,
    tls: { cert: server.cert, key: server.key, caPem: ca.cert },
  });
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => sandbox.close());

async function proxy(options: Parameters<typeof startForwardProxy>[0] = {}): Promise<TestProxy> {
  const started = await startForwardProxy(options);
  proxies.push(started);
  return started;
}

/** A port nothing listens on (it listened a moment ago). */
async function closedPort(): Promise<number> {
  const server = await startTcpServer(() => {});
  await server.close();
  return server.port;
}

const throughProxy = (proxyUrl: string, key = sandbox.keys.admin) =>
  runVerify({
    address: `https://veza.test:${sandbox.port}`,
    key,
    network: { caFile: sandbox.caFile, proxy: { mode: 'manual', url: proxyUrl } },
  });

describe('proxy', () => {
  it('a working proxy is a passed proxy step naming it (the baseline for the failures below)', async () => {
    const p = await proxy();
    const result = await throughProxy(p.url);
    expect(result.outcome).toBe('OK_PERSONAL_KEY');
    expect(result.route).toBe(`proxy ${p.url} (set in this instance's network settings)`);
    expect(result.steps.find((step) => step.id === 'proxy')).toMatchObject({
      status: 'passed',
      note: `proxy ${p.url} (set in this instance's network settings)`,
    });
    expect(p.log[0]).toBe(`CONNECT veza.test:${sandbox.port}`);
  });

  it('PROXY_UNREACHABLE: nothing listens where the proxy should be', async () => {
    const result = await throughProxy(`http://127.0.0.1:${await closedPort()}`);
    expectFailedAt(result, 'proxy', 'PROXY_UNREACHABLE');
    expect(result.problem?.explanation).toContain("set in this instance's network settings");
    // The environment-variable advice is only for a proxy that came from one.
    expect(result.problem?.fix.join(' ')).not.toContain('environment variable');
  });

  it.each(['HTTPS_PROXY', 'https_proxy'])(
    'PROXY_UNREACHABLE: a dead %s is named, with what to do about a left-over variable',
    async (variable) => {
      const dead = `http://127.0.0.1:${await closedPort()}`;
      const result = await runVerify(
        {
          address: `https://veza.test:${sandbox.port}`,
          key: sandbox.keys.admin,
          network: { caFile: sandbox.caFile },
        },
        { openTransport: loopbackTransport({ env: { [variable]: dead } }) },
      );
      expectFailedAt(result, 'proxy', 'PROXY_UNREACHABLE');
      expect(result.problem?.explanation).toContain(
        `(${dead}, from the ${variable} environment variable)`,
      );
      expect(result.problem?.fix[0]).toMatch(
        new RegExp(`^${variable} is a setting on this computer \\(an environment variable\\)`),
      );
      expect(result.problem?.fix[0]).toContain(
        '"Connect directly, no proxy" under Edit > Network settings',
      );
      expect(result.route).toBe(`proxy ${dead} (from the ${variable} environment variable)`);
    },
  );

  it('PROXY_UNREACHABLE: a variable that names no usable proxy says which variable', async () => {
    const result = await runVerify(
      {
        address: `https://veza.test:${sandbox.port}`,
        key: sandbox.keys.admin,
        network: { caFile: sandbox.caFile },
      },
      { openTransport: loopbackTransport({ env: { HTTPS_PROXY: 'socks5://127.0.0.1:1080' } }) },
    );
    expectFailedAt(result, 'proxy', 'PROXY_UNREACHABLE');
    expect(result.problem?.explanation).toContain('from the HTTPS_PROXY environment variable');
    expect(result.problem?.fix[0]).toMatch(/^HTTPS_PROXY is a setting on this computer/);
  });

  it('PROXY_AUTH_REQUIRED: the proxy asks for a sign-in (407)', async () => {
    const p = await proxy({ auth: { kind: 'basic', username: 'jdoe', password: 'pw' } });
    const result = await throughProxy(p.url);
    expectFailedAt(result, 'proxy', 'PROXY_AUTH_REQUIRED');
    expect(result.problem?.explanation).toContain(p.url);
  });

  it('PROXY_AUTH_UNSUPPORTED: the proxy offers only Negotiate/Kerberos', async () => {
    const p = await proxy({ auth: { kind: 'negotiate' } });
    expectFailedAt(await throughProxy(p.url), 'proxy', 'PROXY_AUTH_UNSUPPORTED');
  });

  it('PROXY_REFUSED: the proxy refuses to connect to the instance (403)', async () => {
    const p = await proxy({ refuseWith: 403 });
    const result = await throughProxy(p.url);
    expectFailedAt(result, 'proxy', 'PROXY_REFUSED');
    expect(result.problem?.detail.facts?.status).toBe('403');
  });
});

describe('DNS (an injected resolver on the real connect path)', () => {
  it.each([
    ['ENOTFOUND', 'DNS_NOT_FOUND'],
    ['EAI_AGAIN', 'DNS_UNAVAILABLE'],
  ] as const)('%s is %s at the dns step, naming the host', async (errorCode, code) => {
    const result = await runVerify(
      { address: 'https://acme.vezacloud.invalid', key: sandbox.keys.admin },
      { openTransport: loopbackTransport({ lookup: failingLookup(errorCode) }) },
    );
    expectFailedAt(result, 'dns', code);
    expect(result.problem?.detail.errorCode).toBe(errorCode);
    expect(result.problem?.explanation).toContain('acme.vezacloud.invalid');
  });
});

describe('TCP', () => {
  it('TCP_REFUSED: nothing listens on the port', async () => {
    const result = await runVerify({
      address: `https://veza.test:${await closedPort()}`,
      key: sandbox.keys.admin,
    });
    expectFailedAt(result, 'tcp', 'TCP_REFUSED');
  });

  it('TCP_RESET: the server cuts the connection as soon as the request arrives', async () => {
    const server = await startTcpServer((socket) =>
      socket.once('data', () => socket.resetAndDestroy()),
    );
    servers.push(server);
    const result = await runVerify({
      address: `http://127.0.0.1:${server.port}`,
      key: sandbox.keys.admin,
    });
    expectFailedAt(result, 'http', 'TCP_RESET');
    // Plain http on loopback: there was no TLS to pass.
    expect(statusOf(result).tls).toBe('skipped');
  });

  // A port where connect() hangs, as behind a firewall that drops packets (full backlog).
  describe.skipIf(!canListenWithFullBacklog)('connect timeout (full backlog)', () => {
    let listener: Awaited<ReturnType<typeof startFullBacklogListener>>;
    let port = 0;
    beforeAll(async () => {
      listener = await startFullBacklogListener();
      port = listener.port;
    });
    afterAll(() => listener.close());

    it('TCP_TIMEOUT: a server that never accepts fails the tcp step', async () => {
      const result = await runVerify({
        address: `https://veza.test:${port}`,
        key: sandbox.keys.admin,
        network: { timeouts: { connectMs: 400 } },
      });
      expectFailedAt(result, 'tcp', 'TCP_TIMEOUT');
    });
  });
});

// NETWORK_UNREACHABLE cannot happen on a working loopback, and tests may not send anything
// elsewhere. A new network namespace (unshare -rn, no privileges needed) has its loopback
// down, so the kernel itself answers ENETUNREACH for 127.0.0.1: verify() runs there, in a
// child process, and nothing leaves the machine.
const canUnshare = spawnSync('unshare', ['-rn', 'true']).status === 0;

/** verify() in a child process started through `launcher` (a namespace), its verdict as JSON. */
function verifyInChild(
  launcher: string[],
  address: string,
  key: string,
  env: Record<string, string> = {},
): Promise<VerificationResult> {
  return new Promise((resolve, reject) => {
    const [program = '', ...before] = launcher;
    const child = spawn(
      program,
      [
        ...before,
        process.execPath,
        '--import',
        'tsx',
        path.join(repoRoot, 'test/integration/doctor/children/verify-in-child.ts'),
        address,
        '--key-stdin',
      ],
      { cwd: repoRoot, env: { ...process.env, ...env } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child ${code}: ${err}`));
      const result = JSON.parse(out) as VerificationResult;
      recordProducedCode(result.outcome);
      resolve(result);
    });
    child.stdin.end(key);
  });
}

describe.skipIf(!canUnshare)('network unreachable (a network namespace with no network)', () => {
  const verifyWithoutNetwork = (address: string, key: string) =>
    verifyInChild(['unshare', '-rn'], address, key);

  it('NETWORK_UNREACHABLE: the kernel has no route to the instance', async () => {
    const result = await verifyWithoutNetwork(sandbox.url, sandbox.keys.admin);
    expectFailedAt(result, 'tcp', 'NETWORK_UNREACHABLE');
    expect(result.problem?.detail.errorCode).toBe('ENETUNREACH');
    expect(JSON.stringify(result)).not.toContain(sandbox.keys.admin);
  });

  it('the classifier names the real socket error of that namespace the same way', async () => {
    // The raw error object as Node's net module gives it, captured in the namespace.
    const child = spawnSync(
      'unshare',
      [
        '-rn',
        process.execPath,
        '-e',
        "require('net').connect(443,'127.0.0.1').on('error',e=>process.stdout.write(JSON.stringify({...e,message:e.message})))",
      ],
      { encoding: 'utf8' },
    );
    const raw = JSON.parse(child.stdout) as { code: string; message: string };
    expect(raw.code).toBe('ENETUNREACH');
    const error = Object.assign(new Error(raw.message), raw);
    const classified = classifyNetworkError(error, { url: 'https://127.0.0.1/' });
    expect(classified).toMatchObject({ code: 'NETWORK_UNREACHABLE', stage: 'tcp' });
  });
});

// A name with an IPv6 and an IPv4 address, both on this machine's loopback (an injected
// resolver on the real connect path): each is tried, as browsers do, and a failure says how
// each one failed.
describe('a name with both kinds of address', () => {
  const dual = (addresses: string[]) =>
    loopbackTransport({ lookup: mappedLookup({ 'veza.dual.test': addresses }) });
  const verifyDual = (port: number, addresses: string[], target = sandbox) =>
    runVerify(
      {
        address: `https://veza.dual.test:${port}`,
        key: target.keys.admin,
        network: { caFile: target.caFile, timeouts: { connectMs: 1500 } },
      },
      { openTransport: dual(addresses) },
    );

  it('connects through the IPv4 address when the IPv6 one refuses', async () => {
    // The sandbox listens on 127.0.0.1 only, so ::1 refuses its port.
    const result = await verifyDual(sandbox.port, ['::1', '127.0.0.1']);
    expect(result.outcome).toBe('OK_PERSONAL_KEY');
  });

  it('TCP_REFUSED: both addresses refuse, and the problem names each', async () => {
    const result = await verifyDual(await closedPort(), ['::1', '127.0.0.1']);
    expectFailedAt(result, 'tcp', 'TCP_REFUSED');
    expect(result.problem?.explanation).toContain(
      "It tried both of the name's addresses: ::1 (IPv6) refused the connection; 127.0.0.1 (IPv4) refused the connection.",
    );
  });

  describe.skipIf(!canListenWithFullBacklog)('an address that never answers', () => {
    let silent: Awaited<ReturnType<typeof startFullBacklogListener>>;
    let sandbox6: Sandbox;
    beforeAll(async () => {
      // The same port on both: silence on 127.0.0.1, the simulated Veza on ::1.
      const { ca, server } = await makeLoopbackTls(['veza.dual.test']);
      sandbox6 = await startSandbox({
        host: '::1',
        https: true,
        caFile: true,
        tls: { cert: server.cert, key: server.key, caPem: ca.cert },
      });
      silent = await startFullBacklogListener(sandbox6.port);
    });
    afterAll(async () => {
      silent.close();
      await sandbox6.close();
    });

    it('is left for the next address after a moment: the check passes through ::1', async () => {
      const result = await verifyDual(sandbox6.port, ['127.0.0.1', '::1'], sandbox6);
      expect(result.outcome).toBe('OK_PERSONAL_KEY');
    });

    it('TCP_TIMEOUT: one refuses and one never answers, and the problem says which did what', async () => {
      const stopped = await closedPort();
      const quiet = await startFullBacklogListener(stopped).catch(() => undefined);
      if (!quiet) return; // the port was taken again in between: nothing to learn this time
      try {
        const result = await verifyDual(stopped, ['::1', '127.0.0.1']);
        expectFailedAt(result, 'tcp', 'TCP_TIMEOUT');
        expect(result.problem?.explanation).toContain(
          "It tried both of the name's addresses: ::1 (IPv6) refused the connection; 127.0.0.1 (IPv4) did not answer.",
        );
      } finally {
        quiet.close();
      }
    });
  });
});

// A name that leads to a private address (10/8 here) that never answers: off the company
// network, that is what a laptop sees. Only inside a namespace this test makes, where
// 10.77.0.1 is an address of its own loopback and its /etc/hosts says where veza.corp.test is.
describe.skipIf(!canMakeNamespaces)('on the company network only (a namespace of its own)', () => {
  it('COMPANY_NETWORK_ONLY: the private address and the VPN, not a firewall', async () => {
    const namespace = namespaceLauncher({
      hosts: { 'veza.corp.test': ['10.77.0.1'] },
      silent: { address: '10.77.0.1', port: 8443 },
      addresses: ['10.77.0.1/32'],
    });
    try {
      const result = await verifyInChild(
        namespace.launcher,
        'https://veza.corp.test:8443',
        sandbox.keys.admin,
        {
          VEZA_TEST_SYSTEM_RESOLVER: '1',
          VEZA_TEST_NETWORK: JSON.stringify({ timeouts: { connectMs: 800 } }),
        },
      );
      expectFailedAt(result, 'tcp', 'COMPANY_NETWORK_ONLY');
      expect(result.problem?.explanation).toContain(
        'The name veza.corp.test:8443 leads to 10.77.0.1. That is a private address',
      );
      expect(result.problem?.fix[0]).toMatch(/^Turn on your company VPN/);
      expect(JSON.stringify(result)).not.toContain(sandbox.keys.admin);
    } finally {
      namespace.remove();
    }
  });

  it('a private address that refuses is a refusal: the network was reached', async () => {
    const namespace = namespaceLauncher({
      hosts: { 'veza.corp.test': ['10.77.0.1'] },
      silent: { address: '10.77.0.1', port: 8443 },
      addresses: ['10.77.0.1/32'],
    });
    try {
      const result = await verifyInChild(
        namespace.launcher,
        'https://veza.corp.test:9443',
        sandbox.keys.admin,
        { VEZA_TEST_SYSTEM_RESOLVER: '1' },
      );
      expectFailedAt(result, 'tcp', 'TCP_REFUSED');
    } finally {
      namespace.remove();
    }
  });
});
