import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Where the electron package would run its binary from, without triggering its download. */
function electronBinary(): string | undefined {
  try {
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
    const executable = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test.describe('the whole app in Electron', () => {
  test.skip(
    !binary,
    'No Electron binary on this machine (it downloads on first launch, and this machine cannot reach its download server). Runs wherever `npm start` has run once.',
  );

  test('starts hardened, shows the shell and answers an IPC call', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [path.resolve(__dirname, '../../out/main/index.js')],
      env: { ...process.env, VEZA_DESK_HOME: home },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('navigation', { name: 'Instances' })).toBeVisible();
      expect(window.url()).toBe('app://veza-desk/index.html');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const [first] = BrowserWindow.getAllWindows();
        if (!first) throw new Error('no window');
        const contents = first.webContents;
        const preferences = (
          contents as unknown as { getLastWebPreferences(): Record<string, unknown> }
        ).getLastWebPreferences();
        return {
          sandbox: preferences.sandbox,
          contextIsolation: preferences.contextIsolation,
          nodeIntegration: preferences.nodeIntegration,
        };
      });
      expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      await window.getByRole('button', { name: 'About Veza Desk' }).click();
      await expect(
        window
          .getByRole('dialog', { name: 'About Veza Desk' })
          .getByText(/^\d+\.\d+\.\d+$/)
          .first(),
      ).toBeVisible();
    } finally {
      await app.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
