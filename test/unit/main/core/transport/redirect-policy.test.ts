import { describe, expect, it } from 'vitest';
import { followRedirect } from '../../../../../src/main/core/transport/redirect-policy';
import { sameOrigin } from '../../../../../src/main/core/transport';

const from = (method: string) => ({
  method,
  url: new URL('https://veza.test/a/b'),
  body: Buffer.from('x'),
});

describe('followRedirect', () => {
  it.each([
    [303, 'POST', 'GET', false],
    [303, 'HEAD', 'HEAD', false],
    [301, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [302, 'PUT', 'PUT', true],
    [307, 'POST', 'POST', true],
    [308, 'DELETE', 'DELETE', true],
  ])('%i after %s -> %s (body kept: %s)', (status, method, next, keepsBody) => {
    const hop = followRedirect(from(method), status, '/c');
    expect(hop?.method).toBe(next);
    expect(hop?.url.href).toBe('https://veza.test/c');
    expect(!!hop?.body).toBe(keepsBody);
  });

  it('resolves relative locations, ignores non-redirects and non-http schemes', () => {
    expect(followRedirect(from('GET'), 302, 'd')?.url.href).toBe('https://veza.test/a/d');
    expect(followRedirect(from('GET'), 200, '/x')).toBeUndefined();
    expect(followRedirect(from('GET'), 304, '/x')).toBeUndefined();
    expect(followRedirect(from('GET'), 302, undefined)).toBeUndefined();
    expect(followRedirect(from('GET'), 302, 'file:///etc/passwd')).toBeUndefined();
  });
});

describe('sameOrigin', () => {
  it('compares scheme, host and port, with default ports spelled out', () => {
    expect(sameOrigin('https://veza.test', 'https://VEZA.test:443/x')).toBe(true);
    expect(sameOrigin('https://veza.test', 'http://veza.test')).toBe(false);
    expect(sameOrigin('https://veza.test', 'https://veza.test:8443')).toBe(false);
    expect(sameOrigin('https://veza.test', 'https://evil.veza.test')).toBe(false);
  });
});
