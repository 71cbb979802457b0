import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { isTestBuild, testBuildMarker } from '../../../src/main/test-build-marker';

// The configurations as electron-builder itself reads them (its own loader resolves `extends`
// and merges), so what is checked here is what `electron-builder --config ...` builds.
const root = path.resolve(__dirname, '../../..');
const release = await getConfig(root, 'build/electron-builder.yml', null);
const smoke = await getConfig(root, 'build/electron-builder.smoke.yml', null);

/** Every fuse electron-builder can flip (FuseOptionsV1, except the signing option). */
const everyFuse = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

/** The fuses table of docs/security.md: fuse name -> on/off. */
async function documentedFuses(): Promise<Record<string, boolean>> {
  const doc = await readFile(path.join(root, 'docs/security.md'), 'utf8');
  const section = doc.split(/^## Fuses/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = [...section.matchAll(/^\|\s*`(\w+)`\s*\|\s*\**(on|off)\**\s*\|/gm)];
  return Object.fromEntries(rows.map(([, name, value]) => [name, value === 'on']));
}

/** Paths (a.b.c) where two plain JSON values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Array.isArray(a) !== Array.isArray(b)) return [at];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        at ? `${at}.${key}` : key,
      ),
    );
  }
  return Object.is(a, b) ? [] : [at];
}

describe('the release build', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(release, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('turns Node’s --inspect switches off, so nobody can open an inspector in main', () => {
    expect(release.electronFuses?.enableNodeCliInspectArguments).toBe(false);
  });

  it('sets every fuse, each as docs/security.md says', async () => {
    const documented = await documentedFuses();
    expect(Object.keys(documented).sort()).toEqual([...everyFuse].sort());
    expect(release.electronFuses).toEqual(documented);
  });

  it('is not the smoke-test build', async () => {
    expect(release.extraMetadata).toBeUndefined();
    const packageJson: unknown = JSON.parse(
      await readFile(path.join(root, 'package.json'), 'utf8'),
    );
    expect(isTestBuild(packageJson)).toBe(false);
  });

  it('builds the installers for each OS', () => {
    expect((release.linux as Configuration['linux'] & { target: string[] }).target).toEqual([
      'AppImage',
      'deb',
    ]);
    expect(release.mac?.target).toBe('dmg');
    expect(release.win?.target).toBe('nsis');
  });
});

describe('the smoke-test build (Playwright _electron)', () => {
  it('is a valid electron-builder configuration that extends the release one', async () => {
    await expect(validateConfiguration(smoke, new DebugLogger(false))).resolves.toBeUndefined();
    expect(smoke.extends).toBe('build/electron-builder.yml');
  });

  it('differs from the release only where it must', () => {
    expect(differences(release, smoke).sort()).toEqual(
      [
        // Its own identity, so it is never mistaken for a release nor shares its data folder.
        'appId',
        'directories.output',
        'extends',
        'extraMetadata',
        'productName',
        // The one fuse Playwright needs: it attaches with --inspect=0.
        'electronFuses.enableNodeCliInspectArguments',
      ].sort(),
    );
    expect(smoke.electronFuses?.enableNodeCliInspectArguments).toBe(true);
  });

  it('never looks like the release', () => {
    expect(smoke.appId).not.toBe(release.appId);
    expect(smoke.productName).not.toBe(release.productName);
    expect(smoke.productName).toMatch(/smoke test/i);
    expect(smoke.directories?.output).not.toBe(release.directories?.output);
    // app.getName(), and so the data folder, come from the packaged package.json.
    expect(smoke.extraMetadata?.productName).toBe(smoke.productName);
  });

  it('carries the marker that lets main accept Playwright’s switches', () => {
    expect(smoke.extraMetadata).toMatchObject(testBuildMarker);
    expect(isTestBuild({ name: 'veza-desk', ...smoke.extraMetadata })).toBe(true);
  });

  it('has a script that builds it as a folder, not an installer', async () => {
    const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(packageJson.scripts['build:smoke']).toMatch(
      /electron-builder --config build\/electron-builder\.smoke\.yml --dir$/,
    );
    for (const name of ['build:linux', 'build:mac', 'build:win']) {
      expect(packageJson.scripts[name]).toContain('--config build/electron-builder.yml ');
    }
  });
});

describe('the test-build marker', () => {
  it('is recognised only when the field has exactly its value', () => {
    expect(isTestBuild({ vezaDeskBuild: 'smoke-test' })).toBe(true);
    expect(isTestBuild({ vezaDeskBuild: 'release' })).toBe(false);
    expect(isTestBuild({ vezaDeskBuild: true })).toBe(false);
    expect(isTestBuild({})).toBe(false);
    expect(isTestBuild(null)).toBe(false);
    expect(isTestBuild('smoke-test')).toBe(false);
  });
});
