import os from 'node:os';
import path from 'node:path';

export const productName = 'Veza Desk';

/**
 * Where Veza Desk keeps its files when VEZA_DESK_HOME does not say otherwise: the same folder
 * Electron's app.getPath('userData') gives for productName "Veza Desk", so the app and the
 * CLI read the same profiles.
 */
export function defaultDataFolder(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), productName);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', productName);
  }
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), productName);
}

/** VEZA_DESK_HOME (tests, portable use) or the per-OS default. */
export function resolveDataFolder(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.VEZA_DESK_HOME;
  return override ? path.resolve(override) : defaultDataFolder(platform, env, home);
}
