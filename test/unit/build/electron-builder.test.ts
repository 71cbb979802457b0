import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(
  await readFile(path.resolve(__dirname, '../../../build/electron-builder.yml'), 'utf8'),
) as {
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string };
  win: { target: string };
};

describe('packaged app', () => {
  it('flips the fuses that close Node back doors in a shipped app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps --inspect available so Playwright can drive the packaged app', () => {
    expect(config.electronFuses.enableNodeCliInspectArguments).toBe(true);
  });

  it('builds the installers for each OS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });
});
