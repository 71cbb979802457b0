import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { makeDraft } from '../../support/profile-fixtures';

const fingerprint = 'ab'.repeat(32);
const browserForm = Array.from({ length: 32 }, () => 'AB').join(':');

// "Trust this certificate" and "Forget trusted certificate", through the real dispatcher.
describe('trusting a certificate for one instance', () => {
  let h: ProfileHarness;
  beforeEach(async () => {
    h = await openProfileHarness();
  });
  afterEach(() => h.close());

  async function create(name: string, network?: object) {
    const created = await h.call('profiles.create', {
      draft: { ...makeDraft(), name, ...(network ? { network } : {}) },
    });
    expect(created.ok).toBe(true);
    return created.value.id as string;
  }

  it('pins the fingerprint in the browser form on this profile only, keeping its other settings', async () => {
    const network = { proxy: { mode: 'none' }, timeouts: { connectMs: 5000 } };
    const id = await create('Lab', network);
    const other = await create('Other');
    const trusted = await h.call('profiles.trustCertificate', { id, sha256: fingerprint });
    expect(trusted.ok).toBe(true);
    expect(h.profiles.get(id)?.network).toEqual({ ...network, pinnedCertSha256: browserForm });
    expect(h.profiles.get(other)?.network).toBeUndefined();
    expect(h.profiles.get(id)?.name).toBe('Lab');
  });

  it('forgets the pinned certificate and nothing else', async () => {
    const id = await create('Lab', { proxy: { mode: 'system' } });
    await h.call('profiles.trustCertificate', { id, sha256: browserForm });
    const forgotten = await h.call('profiles.forgetCertificate', { id });
    expect(forgotten.ok).toBe(true);
    expect(h.profiles.get(id)?.network).toEqual({ proxy: { mode: 'system' } });
  });

  it('drops an emptied network block rather than saving {}', async () => {
    const id = await create('Lab');
    await h.call('profiles.trustCertificate', { id, sha256: fingerprint });
    await h.call('profiles.forgetCertificate', { id });
    expect(h.profiles.get(id)?.network).toBeUndefined();
  });

  it('refuses what is not a SHA-256 fingerprint, and changes nothing', async () => {
    const id = await create('Lab');
    for (const sha256 of ['ab'.repeat(31), 'zz'.repeat(32), '', `${fingerprint}00`]) {
      const answer = await h.call('profiles.trustCertificate', { id, sha256 });
      expect(answer.ok).toBe(false);
      expect(answer.problem.code).toBe('IPC_INVALID_ARGUMENT');
    }
    expect(h.profiles.get(id)?.network).toBeUndefined();
  });

  it('hands back the CA file the user chose in main’s own dialog, or says it was cancelled', async () => {
    h.dialogs.nextOpen = '/home/me/company-root.pem';
    expect((await h.call('profiles.chooseCaFile')).value).toEqual({
      cancelled: false,
      path: '/home/me/company-root.pem',
    });
    h.dialogs.nextOpen = undefined;
    expect((await h.call('profiles.chooseCaFile')).value).toEqual({ cancelled: true });
  });
});
