import { describe, expect, it } from 'vitest';
import keytar from 'keytar';

// Proves the test wrapper (test/support/with-keychain.sh) gives tests a real Secret Service:
// keytar -> libsecret -> D-Bus -> gnome-keyring, the same path as a Linux desktop.
describe('the real keychain used by tests', () => {
  it('stores, reads back and deletes a secret', async () => {
    const service = 'veza-desk-harness-check';
    const secret = `probe-${Date.now()}`;
    await keytar.setPassword(service, 'probe', secret);
    expect(await keytar.getPassword(service, 'probe')).toBe(secret);
    expect(await keytar.findCredentials(service)).toEqual([{ account: 'probe', password: secret }]);
    expect(await keytar.deletePassword(service, 'probe')).toBe(true);
    expect(await keytar.getPassword(service, 'probe')).toBeNull();
  });

  it('runs inside the throw-away keyring, not the user’s own', () => {
    expect(process.env.VEZA_KEYCHAIN_READY).toBe('1');
    expect(process.env.XDG_DATA_HOME).toMatch(/veza-keychain-/);
  });
});
