// What the profile store costs: saving 200 profiles through the store (the data folder's lock,
// reading the file to catch up with other processes, hard-link backup, atomic write) against
// (1) writeFileAtomic of the same bytes and (2) the write the store did before the lock
// (backup link + atomic write, no lock, no read), interleaved in one run.
import { link, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../src/main/core/persistence/write-file-atomic';
import { openProfileStore } from '../src/main/core/profiles/profile-store';
import { serializeProfiles } from '../src/main/core/profiles/profiles-file';
import type { Profile } from '../src/shared/profiles/profile';
import { median, report } from './support/figure';

const count = 200;
const writesPerRound = 20;

function makeProfiles(): Profile[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Instance ${i}`,
    baseUrl: `https://i${i}.vezacloud.com`,
    colour: '#2457c5',
    production: i % 7 === 0,
    notes: 'Some notes about who owns this instance and when to call them.',
    createdAt: at,
    updatedAt: at,
    key: { length: 48, last4: 'abcd', savedAt: at },
  }));
}

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-profiles-'));
  const storeFolder = path.join(folder, 'store');
  const bareFile = path.join(folder, 'bare', 'profiles.json');
  const beforeFile = path.join(folder, 'before', 'profiles.json');
  // The pre-lock write, as profiles-file.ts did it: keep the old file as .bak, write atomically.
  const writeBefore = async (text: string) => {
    const temp = `${beforeFile}.bak.tmp`;
    await link(beforeFile, temp).then(
      () => rename(temp, `${beforeFile}.bak`),
      () => {},
    );
    await writeFileAtomic(beforeFile, text);
  };
  const profiles = makeProfiles();
  const store = await openProfileStore(storeFolder);
  const ratios: number[] = [];
  const versusBefore: number[] = [];
  for (let round = 0; round < 15; round += 1) {
    let start = performance.now();
    for (let i = 0; i < writesPerRound; i += 1) {
      await store.commit(() => ({ profiles: [...profiles], value: undefined }));
    }
    const viaStore = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < writesPerRound; i += 1) {
      await writeFileAtomic(bareFile, serializeProfiles(profiles));
    }
    const bare = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < writesPerRound; i += 1) await writeBefore(serializeProfiles(profiles));
    const before = performance.now() - start;
    ratios.push(viaStore / bare);
    versusBefore.push(viaStore / before);
  }
  report({
    bench: 'profile-store',
    figure: `a change under the lock vs the write before the lock (${count} profiles)`,
    value: median(versusBefore),
    unit: 'ratio',
    bar: 1.5,
    lowerIsBetter: true,
  });
  report({
    bench: 'profile-store',
    figure: `save ${count} profiles vs bare atomic write`,
    value: median(ratios),
    unit: 'ratio',
    bar: 1.5,
    lowerIsBetter: true,
  });
  await rm(folder, { recursive: true, force: true });
}

void main();
