import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWindowStateStore,
  defaultWindowState,
  fitToScreens,
} from '../../../../src/main/core/window-state-store';

describe('window state', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'veza-window-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('remembers size and position across restarts', async () => {
    await createWindowStateStore(folder).save({
      x: 40,
      y: 30,
      width: 1000,
      height: 700,
      maximized: true,
    });
    await expect(createWindowStateStore(folder).load()).resolves.toEqual({
      x: 40,
      y: 30,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('falls back to the default for a missing or damaged file', async () => {
    await expect(createWindowStateStore(folder).load()).resolves.toEqual(defaultWindowState);
    await writeFile(path.join(folder, 'window-state.json'), '{"width": 10');
    await expect(createWindowStateStore(folder).load()).resolves.toEqual(defaultWindowState);
    await writeFile(path.join(folder, 'window-state.json'), '{"width": 5, "height": 5}');
    await expect(createWindowStateStore(folder).load()).resolves.toEqual(defaultWindowState);
  });

  it('drops a position that is on no screen any more', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(
      fitToScreens({ x: 100, y: 100, width: 800, height: 600, maximized: false }, screens),
    ).toMatchObject({ x: 100, y: 100 });
    const offScreen = fitToScreens(
      { x: 3000, y: 100, width: 800, height: 600, maximized: false },
      screens,
    );
    expect(offScreen).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('writes the file readable by this user only', async () => {
    await createWindowStateStore(folder).save(defaultWindowState);
    const file = path.join(folder, 'window-state.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, ...defaultWindowState });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
