import keytar from 'keytar';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../../src/sandbox/tls/certificates';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { startEchoServer } from '../../support/echo-server';
import { startInterceptingProxy } from '../../support/network/intercepting-proxy';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import {
  keychainBinding,
  keychainKey,
  makeDraft,
  writeProfilesExport,
} from '../../support/profile-fixtures';

// A key is bound to the address and trust settings it was saved for, in the keychain entry
// itself: neither a typo in the address nor an edited profiles.json can send it elsewhere.
let veza: Sandbox;
let spy: Awaited<ReturnType<typeof startEchoServer>>;
beforeAll(async () => {
  veza = await startSandbox({ host: '127.0.0.1' });
  spy = await startEchoServer();
});
afterAll(async () => {
  await veza.close();
  await spy.close();
});

/** Every Authorization header the spy server (a stranger's server) ever received. */
const authorizationsAtSpy = () => spy.received.map((request) => request.headers.authorization);

let h: ProfileHarness;
let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'veza-binding-'));
  h = await openProfileHarness(home);
  spy.received.length = 0;
});
afterEach(() => h.close());

async function demoInstance(name = 'Acme') {
  const created = await h.call('profiles.create', {
    draft: makeDraft({ name, address: veza.url }),
    key: { apiKey: veza.keys.admin, acceptAsIs: false },
  });
  expect(created.ok).toBe(true);
  return created.value.id as string;
}

/** Every way main sends the key: Verify, a request of the workspace, the team keys list. */
async function everyCallWithTheKey(id: string) {
  const verified = await h.call('doctor.verify', { id });
  const sent = await h.call('requests.send', {
    profileId: id,
    spec: { method: 'GET', path: '/api/v1/users/self', query: [], headers: [] },
    requestId: crypto.randomUUID(),
  });
  const listed = await h.call('keys.listTeamKeys', { profileId: id });
  return { verified, sent, listed };
}

function expectBoundElsewhere(outcome: Awaited<ReturnType<typeof everyCallWithTheKey>>) {
  expect(outcome.verified.value).toMatchObject({ ok: false, outcome: 'KEY_BOUND_ELSEWHERE' });
  expect(outcome.verified.value.steps.find((s: { id: string }) => s.id === 'key').status).toBe(
    'failed',
  );
  expect(outcome.sent).toMatchObject({ ok: false, problem: { code: 'KEY_BOUND_ELSEWHERE' } });
  expect(outcome.listed).toMatchObject({ ok: false, problem: { code: 'KEY_BOUND_ELSEWHERE' } });
}

describe('a key goes only where it was saved for', () => {
  it('binds a new key to its instance in the keychain entry', async () => {
    const id = await demoInstance();
    expect(await keychainKey(id)).toBe(veza.keys.admin);
    expect(await keychainBinding(id)).toEqual({ origin: veza.url });
  });

  it('an address changed in the app keeps the key at the old one until the user confirms', async () => {
    const id = await demoInstance();
    const typo = spy.origin;
    const edited = await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: typo }),
    });
    expect(edited.ok).toBe(true);

    const outcome = await everyCallWithTheKey(id);
    expectBoundElsewhere(outcome);
    // Nothing reached the stranger's server: not the key, not even a request.
    expect(authorizationsAtSpy()).toEqual([]);
    const problem = outcome.verified.value.problem;
    expect(problem.explanation).toContain(veza.url);
    expect(problem.explanation).toContain(typo);
    expect(problem.fix.join(' ')).toContain('Use the key for the new address');
    expect(JSON.stringify(outcome)).not.toContain(veza.keys.admin);

    // Put back: the key works again without being asked for.
    await h.call('profiles.update', { id, draft: makeDraft({ name: 'Acme', address: veza.url }) });
    expect((await h.call('doctor.verify', { id })).value.ok).toBe(true);
  });

  it('"Use the key for the new address" carries it over, only for the address the user saw', async () => {
    const id = await demoInstance();
    await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: spy.origin }),
    });
    const stale = await h.call('profiles.rebindKey', { id, address: veza.url });
    expect(stale).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
    expect(authorizationsAtSpy()).toEqual([]);

    const confirmed = await h.call('profiles.rebindKey', { id, address: spy.origin });
    expect(confirmed.ok).toBe(true);
    await h.call('doctor.verify', { id });
    expect(authorizationsAtSpy()).toContain(`Bearer ${veza.keys.admin}`);
  });

  it('an edit with keyFollows (the user confirmed in the edit dialog) takes the key along', async () => {
    const id = await demoInstance();
    const moved = await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: spy.origin }),
      keyFollows: true,
    });
    expect(moved.ok).toBe(true);
    expect(await keychainBinding(id)).toEqual({ origin: spy.origin });
  });

  it('renaming, recolouring or marking production never unbinds the key', async () => {
    const id = await demoInstance();
    await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Renamed', address: veza.url, colour: '#aa0000', production: true }),
    });
    expect((await h.call('doctor.verify', { id })).value.ok).toBe(true);
  });

  it('an address changed in profiles.json while the app was closed sends the key nowhere', async () => {
    const id = await demoInstance();
    await h.close({ keepFolder: true });
    const file = path.join(home, 'profiles.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.profiles[0].baseUrl = spy.origin;
    await writeFile(file, JSON.stringify(saved));

    h = await openProfileHarness(home);
    expectBoundElsewhere(await everyCallWithTheKey(id));
    expect(authorizationsAtSpy()).toEqual([]);
  });

  it('a proxy or CA file written into profiles.json does not get the key either', async () => {
    const id = await demoInstance();
    await h.close({ keepFolder: true });
    const file = path.join(home, 'profiles.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.profiles[0].network = { proxy: { mode: 'manual', url: spy.origin } };
    await writeFile(file, JSON.stringify(saved));
    h = await openProfileHarness(home);
    const verified = await h.call('doctor.verify', { id });
    expect(verified.value.outcome).toBe('KEY_BOUND_ELSEWHERE');
    expect(verified.value.problem.explanation).toContain('the proxy');
    expect(spy.received).toEqual([]);
  });

  it('a key saved by an earlier Veza Desk (bare in the keychain) is bound on first use', async () => {
    const id = await demoInstance();
    await keytar.setPassword('veza-desk', id, veza.keys.admin);
    expect(await keychainBinding(id)).toBeUndefined();
    expect((await h.call('doctor.verify', { id })).value.ok).toBe(true);
    expect(await keychainBinding(id)).toEqual({ origin: veza.url });
    await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: spy.origin }),
    });
    expect((await h.call('doctor.verify', { id })).value.outcome).toBe('KEY_BOUND_ELSEWHERE');
    expect(spy.received).toEqual([]);
  });

  it('the page cannot pin a certificate, nor name a CA file main did not choose', async () => {
    const id = await demoInstance();
    const pin = 'AB:'.repeat(31) + 'AB';
    const pinned = await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: veza.url, network: { pinnedCertSha256: pin } }),
    });
    expect(pinned).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
    const createdPinned = await h.call('profiles.create', {
      draft: makeDraft({ name: 'Other', network: { pinnedCertSha256: pin } }),
    });
    expect(createdPinned.ok).toBe(false);
    const caFile = path.join(home, 'ca.pem');
    const typed = await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: veza.url, network: { caFile } }),
    });
    expect(typed).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
    h.dialogs.nextOpen = caFile;
    expect((await h.call('profiles.chooseCaFile')).value).toEqual({
      cancelled: false,
      path: caFile,
    });
    const chosen = await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Acme', address: veza.url, network: { caFile } }),
    });
    expect(chosen.ok).toBe(true);
    expect(h.profiles.get(id)?.network?.pinnedCertSha256).toBeUndefined();
  });
});

describe('imports bring no trust silently', () => {
  it('a shared file with a TLS-intercepting proxy and its pin never gets the key to the proxy', async () => {
    const interceptor = await issueCertificate({
      commonName: 'acme.vezacloud.invalid',
      hosts: ['acme.vezacloud.invalid'],
    });
    const proxy = await startInterceptingProxy(interceptor);
    try {
      const shared = path.join(home, 'shared-profiles.json');
      await writeProfilesExport(shared, [
        {
          name: 'Acme',
          baseUrl: 'https://acme.vezacloud.invalid',
          colour: '#2457c5',
          production: true,
          notes: '',
          network: {
            proxy: { mode: 'manual', url: proxy.url },
            pinnedCertSha256: interceptor.fingerprint256,
            caFile: '/etc/ssl/certs/attacker.pem',
          },
        },
      ]);
      h.dialogs.nextOpen = shared;
      const imported = await h.call('profiles.importFile');
      expect(imported.ok).toBe(true);
      const [profile] = imported.value.imported;
      expect(profile.network?.proxy).toBeUndefined();
      expect(profile.network?.pinnedCertSha256).toBeUndefined();
      expect(profile.network?.caFile).toBeUndefined();
      expect(imported.value.withheld).toEqual([
        {
          profileId: profile.id,
          name: 'Acme',
          proxyUrl: proxy.url,
          caFile: '/etc/ssl/certs/attacker.pem',
          pinnedCertSha256: interceptor.fingerprint256,
        },
      ]);

      // The user pastes the instance's key and verifies: the proxy is not in force.
      const key = veza.keys.admin;
      await h.call('profiles.setKey', { id: profile.id, key: { apiKey: key, acceptAsIs: false } });
      const first = await h.call('doctor.verify', { id: profile.id });
      expect(first.value.ok).toBe(false);
      expect(proxy.log).toEqual([]);

      // Even accepted, the proxy meets the usual certificate checks: no pin came with the file.
      const accepted = await h.call('profiles.settleImportedNetwork', {
        id: profile.id,
        accept: true,
      });
      expect(accepted.value.network.proxy).toEqual({ mode: 'manual', url: proxy.url });
      expect(accepted.value.importedNetwork).toBeUndefined();
      const second = await h.call('doctor.verify', { id: profile.id });
      expect(second.value.ok).toBe(false);
      expect(proxy.decrypted.join('\n')).not.toContain(key);
      expect(proxy.decrypted.join('\n').toLowerCase()).not.toContain('authorization');
    } finally {
      await proxy.close();
    }
  });

  it('turning the imported settings down keeps the instance as it was', async () => {
    const shared = path.join(home, 'shared.json');
    await writeProfilesExport(shared, [
      {
        name: 'Lab',
        baseUrl: veza.url,
        colour: '#2457c5',
        production: false,
        notes: '',
        network: { proxy: { mode: 'manual', url: spy.origin }, timeouts: { connectMs: 5000 } },
      },
    ]);
    h.dialogs.nextOpen = shared;
    const [profile] = (await h.call('profiles.importFile')).value.imported;
    expect(profile.network).toEqual({ timeouts: { connectMs: 5000 } });
    expect(profile.importedNetwork).toMatchObject({ proxyUrl: spy.origin });
    const declined = await h.call('profiles.settleImportedNetwork', {
      id: profile.id,
      accept: false,
    });
    expect(declined.value.network).toEqual({ timeouts: { connectMs: 5000 } });
    expect(declined.value.importedNetwork).toBeUndefined();
  });
});
