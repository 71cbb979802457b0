import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { makeDraft } from '../../support/profile-fixtures';

// A lab instance with a certificate from a CA nobody trusts: the simulated Veza over https.
let lab: Sandbox;
let browserForm: string;
let fingerprint: string;
beforeAll(async () => {
  lab = await startSandbox({ https: true });
});
afterAll(() => lab.close());

// "Trust this certificate" and "Forget trusted certificate", through the real dispatcher.
describe('trusting a certificate for one instance', () => {
  let h: ProfileHarness;
  beforeEach(async () => {
    h = await openProfileHarness();
  });
  afterEach(() => h.close());

  /** Creates the instance and checks it once, so main has met (and refused) its certificate. */
  async function create(name: string, network?: object) {
    const created = await h.call('profiles.create', {
      draft: { ...makeDraft(), name, address: lab.url, ...(network ? { network } : {}) },
      key: { apiKey: lab.keys.admin, acceptAsIs: false },
    });
    expect(created.ok).toBe(true);
    const id = created.value.id as string;
    const checked = await h.call('doctor.verify', { id });
    browserForm = checked.value.certificate.sha256;
    fingerprint = browserForm.replace(/:/g, '').toLowerCase();
    return id;
  }

  it('trusts only the certificate main itself met for that instance', async () => {
    const id = await create('Lab');
    const unseen = await h.call('profiles.trustCertificate', { id, sha256: 'ab'.repeat(32) });
    expect(unseen).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
    const fresh = await h.call('profiles.create', {
      draft: { ...makeDraft(), name: 'Never checked' },
    });
    const never = await h.call('profiles.trustCertificate', {
      id: fresh.value.id,
      sha256: fingerprint,
    });
    expect(never).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
    expect(h.profiles.get(id)?.network).toBeUndefined();
    const trusted = await h.call('profiles.trustCertificate', { id, sha256: fingerprint });
    expect(trusted.ok).toBe(true);
    expect((await h.call('doctor.verify', { id })).value).toMatchObject({
      ok: true,
      outcome: 'OK_PERSONAL_KEY',
    });
  });

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
    for (const sha256 of [
      'ab'.repeat(31),
      'zz'.repeat(32),
      '',
      `${fingerprint}00`,
      fingerprint.slice(2) + 'ff',
    ]) {
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
