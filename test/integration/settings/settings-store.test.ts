import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect(store.get()).toEqual({ keyRotationDays: 90, integrationsStaleHours: 24 });
    expect(await store.update({ keyRotationDays: 30 })).toEqual({
      keyRotationDays: 30,
      integrationsStaleHours: 24,
    });
    const file = JSON.parse(await readFile(path.join(folder, 'settings.json'), 'utf8'));
    expect(file).toEqual({ version: 1, keyRotationDays: 30, integrationsStaleHours: 24 });
    expect((await openSettingsStore(folder)).get()).toEqual({
      keyRotationDays: 30,
      integrationsStaleHours: 24,
    });
  });

  it('a damaged file or field falls back to the default, and the user is told', async () => {
    await writeFile(path.join(folder, 'settings.json'), '{"keyRotationDays": "soon"');
    const damaged = await openSettingsStore(folder);
    expect(damaged.get()).toEqual({ keyRotationDays: 90, integrationsStaleHours: 24 });
    expect(damaged.problem()).toMatchObject({ code: 'DATA_FILE_DAMAGED' });
    expect(damaged.problem()?.explanation).toContain('settings.json');
    expect(damaged.problem()?.explanation).toContain('nothing from it');
    await writeFile(path.join(folder, 'settings.json'), '{"version": 1, "keyRotationDays": -4}');
    const field = await openSettingsStore(folder);
    expect(field.get()).toEqual({ keyRotationDays: 90, integrationsStaleHours: 24 });
    expect(field.problem()?.explanation).toContain('1 entry could not');
    // Set aside, never overwritten.
    const aside = (await readdir(folder)).filter((name) => name.includes('.damaged-'));
    expect(aside).toHaveLength(2);
    expect(field.problem()?.explanation).toMatch(/as settings\.json\.damaged-/);
    // Opened again, the file is fine: nothing more to say.
    expect((await openSettingsStore(folder)).problem()).toBeUndefined();
  });

  it('over IPC, settings.get carries the problem to the window', async () => {
    await writeFile(path.join(folder, 'settings.json'), '{"version": 7, "keyRotationDays": 30}');
    const h = await openProfileHarness(folder);
    const answer = (await h.call('settings.get')).value;
    expect(answer.settings).toEqual({ keyRotationDays: 90, integrationsStaleHours: 24 });
    expect(answer.problem.code).toBe('DATA_FILE_TOO_NEW');
    expect((await h.call('settings.update', { keyRotationDays: 45 })).problem.code).toBe(
      'DATA_FILE_TOO_NEW',
    );
    expect(await readFile(path.join(folder, 'settings.json'), 'utf8')).toContain('"version": 7');
  });

  it('over IPC: settings.get and settings.update, with the bounds checked', async () => {
    const h = await openProfileHarness(folder);
    expect((await h.call('settings.get')).value).toEqual({
      settings: { keyRotationDays: 90, integrationsStaleHours: 24 },
    });
    expect((await h.call('settings.update', { keyRotationDays: 0 })).problem.code).toBe(
      'IPC_INVALID_ARGUMENT',
    );
    expect((await h.call('settings.update', { keyRotationDays: 45 })).value).toEqual({
      keyRotationDays: 45,
      integrationsStaleHours: 24,
    });
    expect((await h.call('settings.get')).value).toEqual({
      settings: { keyRotationDays: 45, integrationsStaleHours: 24 },
    });
  });

  it('the integrations stale threshold: 24 hours for a file from before it, saved, bounded', async () => {
    await writeFile(path.join(folder, 'settings.json'), '{"version": 1, "keyRotationDays": 30}');
    const h = await openProfileHarness(folder);
    expect((await h.call('settings.get')).value).toEqual({
      settings: { keyRotationDays: 30, integrationsStaleHours: 24 },
    });
    for (const integrationsStaleHours of [0, 8761, 1.5])
      expect((await h.call('settings.update', { integrationsStaleHours })).problem.code).toBe(
        'IPC_INVALID_ARGUMENT',
      );
    await h.call('settings.update', { integrationsStaleHours: 168 });
    expect((await openSettingsStore(folder)).get()).toEqual({
      keyRotationDays: 30,
      integrationsStaleHours: 168,
    });
  });
});
