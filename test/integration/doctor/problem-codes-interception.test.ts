import { afterEach, describe, expect, it } from 'vitest';
import { issueCertificate, type Issued } from '../../../src/sandbox/tls/certificates';
import {
  startInterceptingProxy,
  type InterceptingProxy,
} from '../../support/network/intercepting-proxy';
import { makeFakeKey } from '../../support/profile-fixtures';
import { expectFailedAt, runVerify } from './support/verify-harness';

// Something re-signs the secure connection: a company proxy that inspects secure traffic
// (whatever its certificate authority is called), or a developer's debugging tool. A real
// intercepting proxy on 127.0.0.1 presents a certificate for the instance's name from its own
// authority; the doctor names what intercepts and sends the key nowhere.
const proxies: InterceptingProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

async function leafFrom(authority: { commonName: string; organization?: string }): Promise<Issued> {
  const root = await issueCertificate({ ...authority, isCA: true });
  return issueCertificate({ commonName: 'veza.test', hosts: ['veza.test'], issuer: root });
}

async function verifyThrough(leaf: Issued) {
  const proxy = await startInterceptingProxy(leaf);
  proxies.push(proxy);
  const result = await runVerify({
    address: 'https://veza.test',
    key: makeFakeKey(),
    network: { proxy: { mode: 'manual', url: proxy.url } },
  });
  return { result, proxy };
}

describe('a connection someone re-signs', () => {
  it('TLS_PROXY_INSPECTION: through a proxy, an unknown authority is the proxy inspecting', async () => {
    const { result, proxy } = await verifyThrough(
      await leafFrom({ commonName: 'Corp Secure Gateway CA', organization: 'Acme Corp' }),
    );
    expectFailedAt(result, 'tls', 'TLS_PROXY_INSPECTION');
    expect(result.problem?.explanation).toContain(
      `(${proxy.url}, set in this instance's network settings)`,
    );
    expect(result.problem?.explanation).toContain('Corp Secure Gateway CA');
    expect(result.problem?.fix[0]).toContain(proxy.url);
    // The proxy saw the tunnel asked for, never a request (the key stayed here).
    expect(proxy.log).toEqual(['CONNECT veza.test:443']);
    expect(proxy.decrypted).toEqual([]);
  });

  it.each([
    ['DO_NOT_TRUST_FiddlerRoot', 'DO_NOT_TRUST', 'Fiddler'],
    ['Charles Proxy CA (2 Dec 2026, laptop)', 'XK72 Ltd', 'Charles Proxy'],
    ['PortSwigger CA', 'PortSwigger', 'Burp Suite'],
    ['mitmproxy', 'mitmproxy', 'mitmproxy'],
  ])('TLS_DEBUG_PROXY: an authority named %s is %s', async (commonName, organization, tool) => {
    const { result, proxy } = await verifyThrough(await leafFrom({ commonName, organization }));
    expectFailedAt(result, 'tls', 'TLS_DEBUG_PROXY');
    expect(result.problem?.title).toBe(`A debugging tool (${tool}) can see your secure traffic`);
    expect(result.problem?.explanation).toContain(
      'a program that developers use to watch and change web traffic',
    );
    expect(proxy.decrypted).toEqual([]);
  });
});
