import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoInstance, type DemoInstance } from '../../../src/main/core/demo/demo-instance';
import { createDoctorService } from '../../../src/main/core/doctor/doctor-service';
import { createInstanceClient } from '../../../src/main/core/veza/instance-client';
import { openProfileService } from '../../../src/main/core/profiles/open-profile-service';
import { createKeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import { createTransport } from '../../../src/main/core/transport';
import { fakeLookup } from '../../support/network/lookups';

// "Try the demo instance" with the real keychain and the real simulated Veza on 127.0.0.1.
let folder: string;
const demos: DemoInstance[] = [];

async function openApp() {
  const profiles = await openProfileService({ folder, secrets: createKeytarSecretStore() });
  const demo = createDemoInstance({ folder, profiles });
  demos.push(demo);
  const doctor = createDoctorService({
    profiles,
    instances: createInstanceClient({ profiles }),
    openTransport: () => createTransport({ env: {}, lookup: fakeLookup([]) }),
  });
  return { profiles, demo, doctor };
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'veza-demo-'));
});
afterEach(async () => {
  await Promise.all(demos.splice(0).map((demo) => demo.stop()));
  await rm(folder, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the demo instance', () => {
  it('adds a clearly labelled profile on 127.0.0.1 whose key works and lives in the keychain', async () => {
    const { profiles, demo, doctor } = await openApp();
    const profile = await demo.start();
    expect(profile.name).toBe('Demo (simulated Veza)');
    expect(profile.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(profile.production).toBe(false);
    expect(profile.notes).toMatch(/simulated/);
    expect(profile.key?.length).toBeGreaterThan(16);
    const result = await doctor.verify(profile.id);
    expect(result).toMatchObject({ ok: true, outcome: 'OK_PERSONAL_KEY' });
    const key = (await profiles.readKey(profile.id)) as string;
    for (const file of await filesUnder(folder))
      expect(await readFile(file, 'utf8')).not.toContain(key);
  });

  it('starting again keeps one demo profile', async () => {
    const { profiles, demo } = await openApp();
    const first = await demo.start();
    const second = await demo.start();
    expect(second.id).toBe(first.id);
    expect(profiles.state().profiles.filter((p) => p.name.startsWith('Demo'))).toHaveLength(1);
  });

  it('comes back after a restart with a new port and a new key that work', async () => {
    const before = await openApp();
    const first = await before.demo.start();
    const oldKey = await before.profiles.readKey(first.id);
    await before.demo.stop();

    const after = await openApp();
    await after.demo.resumeIfPresent();
    const profile = after.profiles.get(first.id);
    expect(profile?.baseUrl).not.toBe(first.baseUrl);
    expect(await after.profiles.readKey(first.id)).not.toBe(oldKey);
    expect((await after.doctor.verify(first.id)).outcome).toBe('OK_PERSONAL_KEY');
  });

  it('a user’s own instance named like the demo is left alone', async () => {
    const { profiles, demo } = await openApp();
    await profiles.create({
      name: 'Demo (simulated Veza)',
      address: 'https://acme.vezacloud.com',
      colour: '#2457c5',
      production: true,
      notes: '',
    });
    const profile = await demo.start();
    expect(profile.name).toBe('Demo (simulated Veza) (2)');
    expect(profiles.state().profiles).toHaveLength(2);
  });

  it('resumeIfPresent does nothing when no demo was made', async () => {
    const { profiles, demo } = await openApp();
    await demo.resumeIfPresent();
    expect(profiles.state().profiles).toEqual([]);
  });
});
