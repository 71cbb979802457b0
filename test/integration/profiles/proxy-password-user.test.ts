import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyPasswords } from '../../../src/main/core/secrets/proxy-passwords';
import { chooseRoute } from '../../../src/main/core/transport/proxy/choose-route';
import { networkFromForm, networkFormOf } from '../../../src/shared/profiles/network-form';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// A Windows proxy user as people type it, http://ACME\jdoe@proxy:port: the form takes it, the
// keychain entry of its password and the transport read the same user (ACME\jdoe), so the
// password saved from the form is the one the transport asks for. The real keychain.
let h: ProfileHarness;
beforeAll(async () => {
  h = await openProfileHarness();
});
afterAll(() => h.close());

describe('a proxy user with a Windows domain', () => {
  it('is one user for the form, the keychain entry and the transport, with \\ or %5C', async () => {
    const typed = 'http://ACME\\jdoe@proxy.corp.test:8080';
    const form = { ...networkFormOf(undefined), proxyMode: 'manual' as const, proxyUrl: typed };
    expect(networkFromForm(form)).toEqual({
      network: { proxy: { mode: 'manual', url: typed } },
      problems: [],
    });
    const passwords = createProxyPasswords(h.secrets);
    await passwords.save(typed, 'winter-pass-1');
    try {
      expect(await passwords.has('http://ACME%5Cjdoe@proxy.corp.test:8080')).toBe(true);
      const asked: unknown[] = [];
      const route = await chooseRoute(
        new URL('https://acme.vezacloud.invalid/'),
        { proxy: { mode: 'manual', url: typed } },
        {
          env: {},
          proxyPassword: async (who) => {
            asked.push(who);
            return passwords.lookup(who);
          },
        },
      );
      expect(asked).toEqual([{ origin: 'http://proxy.corp.test:8080', username: 'ACME\\jdoe' }]);
      expect(route).toMatchObject({
        kind: 'proxy',
        secrets: expect.arrayContaining(['winter-pass-1']),
      });
    } finally {
      expect(await passwords.remove(typed)).toBe(true);
    }
  });
});
