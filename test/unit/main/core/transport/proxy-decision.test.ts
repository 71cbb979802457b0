import { describe, expect, it } from 'vitest';
import { isExemptFromProxy, parsePacResult } from '../../../../../src/main/core/transport';
import { proxyFromEnv } from '../../../../../src/main/core/transport/proxy/env-proxy';
import { explainProxyStatus } from '../../../../../src/main/core/transport/proxy/explain-proxy-status';

describe('parsePacResult (Electron session.resolveProxy answers)', () => {
  it.each([
    ['DIRECT', null],
    ['', null],
    ['PROXY proxy.corp:8080', 'http://proxy.corp:8080'],
    ['PROXY proxy.corp:8080; DIRECT', 'http://proxy.corp:8080'],
    ['  proxy a:1 ;PROXY b:2', 'http://a:1'],
    ['HTTPS secure.corp:443', 'https://secure.corp:443'],
    ['SOCKS5 socks.corp:1080; PROXY b:3128', 'http://b:3128'],
    ['SOCKS socks.corp:1080', null],
    ['DIRECT; PROXY never.used:1', null],
    ['PROXY [::1]:8080', 'http://[::1]:8080'],
  ])('%j -> %j', (answer, expected) => {
    expect(parsePacResult(answer)).toBe(expected);
  });
});

describe('NO_PROXY', () => {
  const url = (u: string) => new URL(u);
  it.each([
    ['https://veza.test/', '*', true],
    ['https://veza.test/', 'veza.test', true],
    ['https://api.veza.test/', 'veza.test', true],
    ['https://api.veza.test/', '.veza.test', true],
    ['https://api.veza.test/', '*.veza.test', true],
    ['https://notveza.test/', 'veza.test', false],
    ['https://veza.test/', 'other.test, veza.test', true],
    ['https://veza.test/', 'other.test veza.test', true],
    ['https://veza.test:8443/', 'veza.test:8443', true],
    ['https://veza.test/', 'veza.test:8443', false],
    ['https://veza.test/', 'veza.test:443', true],
    ['http://10.1.2.3/', '10.1.2.3', true],
    ['http://10.1.2.3/', '10.0.0.0/8', true],
    ['http://11.1.2.3/', '10.0.0.0/8', false],
    ['http://[::1]:80/', '::1', true],
    ['http://[fd00::5]/', 'fd00::/8', true],
    ['http://[::1]:80/', '[::1]:80', true],
    ['https://VEZA.TEST/', 'veza.test', true],
    ['https://veza.test/', '', false],
  ])('%s with NO_PROXY=%j -> %s', (target, noProxy, exempt) => {
    expect(isExemptFromProxy(url(target), noProxy)).toBe(exempt);
  });
});

describe('proxy from the environment', () => {
  it('reads either case, picks by scheme, adds http:// to bare host:port, honours NO_PROXY', () => {
    const env = {
      HTTPS_PROXY: 'proxy:3128',
      http_proxy: 'http://plain:80',
      NO_PROXY: 'internal.test',
    };
    expect(proxyFromEnv(new URL('https://veza.test/'), env)).toBe('http://proxy:3128');
    expect(proxyFromEnv(new URL('http://veza.test/'), env)).toBe('http://plain:80');
    expect(proxyFromEnv(new URL('https://internal.test/'), env)).toBeNull();
    expect(proxyFromEnv(new URL('https://veza.test/'), {})).toBeNull();
    expect(
      proxyFromEnv(new URL('https://veza.test/'), {
        https_proxy: 'http://lower:1',
        HTTPS_PROXY: 'http://upper:2',
      }),
    ).toBe('http://lower:1');
  });
});

describe('a proxy 407 and its sign-in methods', () => {
  it.each([
    [{ status: 407, authenticate: ['Basic realm="x"'] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 407, authenticate: ['NTLM', 'Negotiate'] }, 'PROXY_AUTH_UNSUPPORTED'],
    [{ status: 407, authenticate: ['Negotiate', 'Basic realm="x"'] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 407, authenticate: ['Kerberos'] }, 'PROXY_AUTH_UNSUPPORTED'],
    [{ status: 407, authenticate: [] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 403, authenticate: [] }, 'PROXY_REFUSED'],
    [{ status: 502, authenticate: [] }, 'PROXY_REFUSED'],
  ])('%j -> %s', (response, code) => {
    expect(explainProxyStatus(response)).toBe(code);
  });
});
