import { describe, expect, it } from 'vitest';
import { chooseRoute, type Route } from '../../../../../src/main/core/transport/proxy/choose-route';

// The Windows user in a proxy URL, as the keychain is asked for its password.
describe('a Windows user in the proxy URL', () => {
  const target = new URL('https://acme.vezacloud.com/');
  const routeOf = async (url: string) => {
    const asked: { origin: string; username: string }[] = [];
    const route = (await chooseRoute(
      target,
      { proxy: { mode: 'manual', url } },
      {
        env: {},
        proxyPassword: async (who) => {
          asked.push(who);
          return 'pw-from-keychain';
        },
      },
    )) as Extract<Route, { kind: 'proxy' }>;
    return { route, asked };
  };

  it.each(['http://ACME%5Cjdoe@proxy.corp:3128', 'http://ACME\\jdoe@proxy.corp:3128'])(
    '%s: user ACME\\jdoe at http://proxy.corp:3128',
    async (url) => {
      const { route, asked } = await routeOf(url);
      expect(route.origin).toBe('http://proxy.corp:3128');
      expect(asked).toEqual([{ origin: 'http://proxy.corp:3128', username: 'ACME\\jdoe' }]);
      expect(route.user).toEqual({ username: 'ACME\\jdoe', password: 'pw-from-keychain' });
      expect(route.secrets).toContain('pw-from-keychain');
    },
  );

  it('a backslash in the path is left alone', async () => {
    const { route } = await routeOf('http://proxy.corp:3128/a\\b');
    expect(route.origin).toBe('http://proxy.corp:3128');
    expect(route.user).toBeUndefined();
  });
});
