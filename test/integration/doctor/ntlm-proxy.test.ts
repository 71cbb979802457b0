import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { startSquid, type Squid } from '../../support/network/squid';
import { expectFailedAt, loopbackTransport, runVerify } from './support/verify-harness';

// The doctor behind a Windows sign-in proxy: a real squid speaking NTLM (its test helper),
// the user ACME\jdoe in the proxy URL and the password from the keychain lookup.
let sandbox: Sandbox;
let squid: Squid;
const password = 'Winter-pw-2d4f9!';

beforeAll(async () => {
  // Loopback is never proxied: the sandbox is reached by a test name squid resolves itself.
  const { ca, server } = await makeLoopbackTls(['veza.test']);
  sandbox = await startSandbox({
    https: true,
    caFile: true,
    tls: { cert: server.cert, key: server.key, caPem: ca.cert },
  });
  squid = await startSquid();
});
afterAll(async () => {
  await squid?.close();
  await sandbox?.close();
});

const throughSquid = (saved: string | undefined) =>
  runVerify(
    {
      address: `https://veza.test:${sandbox.port}`,
      key: sandbox.keys.admin,
      network: {
        caFile: sandbox.caFile,
        proxy: { mode: 'manual', url: `http://ACME%5Cjdoe@127.0.0.1:${squid.port}` },
      },
    },
    { openTransport: loopbackTransport({ proxyPassword: async () => saved }) },
  );

describe('verify through an NTLM proxy (squid)', () => {
  it('signs in with NTLM and passes every step, the proxy step naming the proxy', async () => {
    const result = await throughSquid(password);
    expect(result.outcome, JSON.stringify(result.problem)).toBe('OK_PERSONAL_KEY');
    const route = `proxy http://127.0.0.1:${squid.port} (set in this instance's network settings)`;
    expect(result.steps.find((step) => step.id === 'proxy')).toMatchObject({
      status: 'passed',
      note: route,
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('without a saved password the proxy step fails with PROXY_AUTH_REQUIRED', async () => {
    const result = await throughSquid(undefined);
    expectFailedAt(result, 'proxy', 'PROXY_AUTH_REQUIRED');
    expect(result.problem?.explanation).toContain(`http://127.0.0.1:${squid.port}`);
  });
});
