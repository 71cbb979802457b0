import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../src/main/core/settings/settings-store';
import { openProfileHarness } from '../../support/profile-harness';

describe('settings.json', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'veza-settings-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('defaults to a 90-day rotation reminder, saves a change and reads it back', async () => {
    const store = await openSettingsStore(folder);
    expect(store.get()).toEqual({ keyRotationDays: 90 });
    expect(await store.update({ keyRotationDays: 30 })).toEqual({ keyRotationDays: 30 });
    const file = JSON.parse(await readFile(path.join(folder, 'settings.json'), 'utf8'));
    expect(file).toEqual({ version: 1, keyRotationDays: 30 });
    expect((await openSettingsStore(folder)).get()).toEqual({ keyRotationDays: 30 });
  });

  it('a damaged file or field falls back to the default', async () => {
    await writeFile(path.join(folder, 'settings.json'), '{"keyRotationDays": "soon"');
    expect((await openSettingsStore(folder)).get()).toEqual({ keyRotationDays: 90 });
    await writeFile(path.join(folder, 'settings.json'), '{"keyRotationDays": -4}');
    expect((await openSettingsStore(folder)).get()).toEqual({ keyRotationDays: 90 });
  });

  it('over IPC: settings.get and settings.update, with the bounds checked', async () => {
    const h = await openProfileHarness(folder);
    expect((await h.call('settings.get')).value).toEqual({ keyRotationDays: 90 });
    expect((await h.call('settings.update', { keyRotationDays: 0 })).problem.code).toBe(
      'IPC_INVALID_ARGUMENT',
    );
    expect((await h.call('settings.update', { keyRotationDays: 45 })).value).toEqual({
      keyRotationDays: 45,
    });
    expect((await h.call('settings.get')).value).toEqual({ keyRotationDays: 45 });
  });
});
