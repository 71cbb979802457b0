import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { defaultDataFolder, resolveDataFolder } from '../../../../src/main/core/data-folder';

describe('the data folder', () => {
  it('matches Electron’s userData for productName "Veza Desk" on each OS', () => {
    expect(defaultDataFolder('linux', {}, '/home/ann')).toBe('/home/ann/.config/Veza Desk');
    expect(defaultDataFolder('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe(
      '/cfg/Veza Desk',
    );
    expect(defaultDataFolder('darwin', {}, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Veza Desk',
    );
    expect(
      defaultDataFolder('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Veza Desk');
  });

  it('is overridden by VEZA_DESK_HOME', () => {
    expect(resolveDataFolder({ VEZA_DESK_HOME: 'rel/home' }, 'linux', '/home/ann')).toBe(
      path.resolve('rel/home'),
    );
    expect(resolveDataFolder({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Veza Desk');
  });
});
