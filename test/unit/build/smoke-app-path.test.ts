import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getConfig } from 'app-builder-lib/out/util/config/config';

// scripts/smoke-app-path.mjs tells the release workflow where the unpacked smoke-test app's
// executable is (VEZA_DESK_APP_PATH for test/electron/smoke.spec.ts). The folder layout is
// electron-builder's; the names must be the ones the smoke configuration builds with.
const root = path.resolve(__dirname, '../../..');

const script = (await import(
  pathToFileURL(path.join(root, 'scripts/smoke-app-path.mjs')).href
)) as {
  smokeAppPath(platform?: string, arch?: string, root?: string): string;
  smokeBuildNames(root?: string): { output: string; productName: string; linuxExecutable: string };
};

describe('the smoke-test app’s executable path', () => {
  it('uses the names electron-builder builds the smoke configuration with', async () => {
    const smoke = await getConfig(root, 'build/electron-builder.smoke.yml', null);
    expect(script.smokeBuildNames(root)).toEqual({
      output: smoke.directories?.output,
      productName: smoke.productName,
      linuxExecutable: smoke.linux?.executableName,
    });
    expect(script.smokeBuildNames(root)).toEqual({
      output: 'dist/smoke-test',
      productName: 'Veza Desk Smoke Test',
      linuxExecutable: 'veza-desk',
    });
  });

  it('for each OS and processor, in electron-builder’s folders', () => {
    const dist = path.join(root, 'dist/smoke-test');
    expect(script.smokeAppPath('linux', 'x64', root)).toBe(
      path.join(dist, 'linux-unpacked', 'veza-desk'),
    );
    expect(script.smokeAppPath('linux', 'arm64', root)).toBe(
      path.join(dist, 'linux-arm64-unpacked', 'veza-desk'),
    );
    expect(script.smokeAppPath('win32', 'x64', root)).toBe(
      path.join(dist, 'win-unpacked', 'Veza Desk Smoke Test.exe'),
    );
    expect(script.smokeAppPath('darwin', 'arm64', root)).toBe(
      path.join(
        dist,
        'mac-arm64',
        'Veza Desk Smoke Test.app',
        'Contents',
        'MacOS',
        'Veza Desk Smoke Test',
      ),
    );
    expect(script.smokeAppPath('darwin', 'x64', root)).toBe(
      path.join(
        dist,
        'mac',
        'Veza Desk Smoke Test.app',
        'Contents',
        'MacOS',
        'Veza Desk Smoke Test',
      ),
    );
    expect(() => script.smokeAppPath('aix', 'x64', root)).toThrow('No Veza Desk build for aix');
  });

  it('follows electron-builder’s own rule for the folder name', async () => {
    // platformPackager.computeAppOutDir: "<os><-arch unless the default, x64><-unpacked but on macOS>".
    const source = await readFile(
      path.join(root, 'node_modules/app-builder-lib/out/platformPackager.js'),
      'utf8',
    );
    expect(source).toContain(
      '`${this.platform.buildConfigurationKey}${(0, builder_util_1.getArchSuffix)(arch, this.platformSpecificBuildOptions.defaultArch)}${this.platform === index_1.Platform.MAC ? "" : "-unpacked"}`',
    );
  });
});
