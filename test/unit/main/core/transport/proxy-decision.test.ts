import { describe, expect, it } from 'vitest';
import { isExemptFromProxy, parsePacResult } from '../../../../../src/main/core/transport';
import {
  chooseRoute,
  isLoopback,
  type Route,
} from '../../../../../src/main/core/transport/proxy/choose-route';
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
    expect(proxyFromEnv(new URL('https://veza.test/'), env)).toEqual({
      url: 'http://proxy:3128',
      variable: 'HTTPS_PROXY',
    });
    expect(proxyFromEnv(new URL('http://veza.test/'), env)).toEqual({
      url: 'http://plain:80',
      variable: 'http_proxy',
    });
    expect(proxyFromEnv(new URL('https://internal.test/'), env)).toBeNull();
    expect(proxyFromEnv(new URL('https://veza.test/'), {})).toBeNull();
    expect(
      proxyFromEnv(new URL('https://veza.test/'), {
        https_proxy: 'http://lower:1',
        HTTPS_PROXY: 'http://upper:2',
      }),
    ).toEqual({ url: 'http://lower:1', variable: 'https_proxy' });
  });
});

// Loopback is never proxied, as curl and Chromium do: this computer's own servers (the demo
// instance is plain http on 127.0.0.1) are reached directly whatever proxy is configured.
const loopbackTargets = [
  'http://localhost:41234/api/v1/users/self',
  'https://LOCALHOST/',
  'http://localhost./',
  'http://demo.localhost:8080/',
  'https://a.b.localhost/',
  'http://127.0.0.1:41234/',
  'https://127.0.0.1/',
  'http://127.8.9.10/',
  'http://127.255.255.255:1/',
  'http://127.1/',
  'http://0x7f.0.0.1/',
  'http://[::1]:41234/',
  'https://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::ffff:127.0.0.1]:41234/',
  'https://[::ffff:127.3.2.1]/',
];
const notLoopback = [
  'http://veza.test/',
  'https://veza.test/',
  'https://localhost.veza.test/',
  'https://notlocalhost/',
  'http://128.0.0.1/',
  'http://126.255.255.255/',
  'http://10.0.0.1/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://[::2]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[fe80::1]/',
];

describe('loopback hosts', () => {
  it.each(loopbackTargets)('%s is loopback', (target) => {
    expect(isLoopback(new URL(target))).toBe(true);
  });
  it.each(notLoopback)('%s is not', (target) => {
    expect(isLoopback(new URL(target))).toBe(false);
  });
});

describe('loopback is never proxied', () => {
  const proxyUrl = 'http://proxy.corp.test:3128';
  const proxied: Route = { kind: 'proxy', origin: proxyUrl, source: 'manual', secrets: [] };
  const env = {
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    http_proxy: proxyUrl,
    ALL_PROXY: proxyUrl,
    NO_PROXY: 'other.test',
  };
  const manual = { proxy: { mode: 'manual' as const, url: proxyUrl } };
  const manualWithUser = {
    proxy: { mode: 'manual' as const, url: 'http://jdoe@proxy.corp.test:3128' },
  };

  const direct: Route = { kind: 'direct' };

  it.each(loopbackTargets)(
    '%s: direct despite a manual proxy, with or without a user',
    (target) => {
      const asked: unknown[] = [];
      const proxyPassword = async (who: unknown) => {
        asked.push(who);
        return 'pw';
      };
      // Decided at once: nothing is asked, not even the keychain for the proxy password.
      expect(chooseRoute(new URL(target), manual, { env, proxyPassword })).toEqual(direct);
      expect(chooseRoute(new URL(target), manualWithUser, { env, proxyPassword })).toEqual(direct);
      expect(asked).toEqual([]);
    },
  );

  it.each(loopbackTargets)(
    '%s: direct despite a system proxy, which is not even asked',
    (target) => {
      const asked: string[] = [];
      const resolveSystemProxy = async (url: string) => {
        asked.push(url);
        return 'PROXY proxy.corp.test:3128';
      };
      const deps = { env, resolveSystemProxy };
      expect(chooseRoute(new URL(target), undefined, deps)).toEqual(direct);
      expect(chooseRoute(new URL(target), { proxy: { mode: 'system' } }, deps)).toEqual(direct);
      expect(asked).toEqual([]);
    },
  );

  it.each(loopbackTargets)(
    '%s: direct despite HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and a NO_PROXY naming something else',
    (target) => {
      expect(chooseRoute(new URL(target), undefined, { env })).toEqual(direct);
      expect(chooseRoute(new URL(target), { proxy: { mode: 'system' } }, { env })).toEqual(direct);
    },
  );

  it.each(notLoopback)('%s still goes through each proxy source', async (target) => {
    const url = new URL(target);
    expect(await chooseRoute(url, manual, { env: {} })).toEqual(proxied);
    const resolveSystemProxy = async () => 'PROXY proxy.corp.test:3128';
    expect(await chooseRoute(url, undefined, { env: {}, resolveSystemProxy })).toEqual({
      ...proxied,
      source: 'system',
    });
    expect(await chooseRoute(url, undefined, { env })).toEqual({
      ...proxied,
      source: 'environment',
      variable: url.protocol === 'https:' ? 'https_proxy' : 'http_proxy',
    });
  });
});

describe('a proxy 407 and its sign-in methods', () => {
  it.each([
    [{ status: 407, authenticate: ['Basic realm="x"'] }, 'PROXY_AUTH_REQUIRED'],
    // NTLM is signed in with the proxy URL's user and the keychain password.
    [{ status: 407, authenticate: ['NTLM', 'Negotiate'] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 407, authenticate: ['NTLM'] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 407, authenticate: ['Negotiate'] }, 'PROXY_AUTH_UNSUPPORTED'],
    [{ status: 407, authenticate: ['Negotiate', 'Basic realm="x"'] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 407, authenticate: ['Kerberos'] }, 'PROXY_AUTH_UNSUPPORTED'],
    [{ status: 407, authenticate: [] }, 'PROXY_AUTH_REQUIRED'],
    [{ status: 403, authenticate: [] }, 'PROXY_REFUSED'],
    [{ status: 502, authenticate: [] }, 'PROXY_REFUSED'],
  ])('%j -> %s', (response, code) => {
    expect(explainProxyStatus(response)).toBe(code);
  });
});
