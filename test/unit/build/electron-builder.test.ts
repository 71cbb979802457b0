import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getRepositoryInfo } from 'app-builder-lib/out/util/repositoryInfo';
import { Arch, DebugLogger, getArtifactArchName } from 'builder-util';
import { parse } from 'yaml';
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
    const { resetAdHocDarwinSignature, ...fuses } = release.electronFuses ?? {};
    expect(fuses).toEqual(documented);
    // Not a fuse: re-signs a fuse-flipped macOS app ad hoc, or Apple silicon will not start it.
    expect(resetAdHocDarwinSignature).toBe(true);
  });

  it('is not the smoke-test build', async () => {
    expect(release.extraMetadata).toBeUndefined();
    const packageJson: unknown = JSON.parse(
      await readFile(path.join(root, 'package.json'), 'utf8'),
    );
    expect(isTestBuild(packageJson)).toBe(false);
  });

  it('builds the installers for each OS: dmg + zip for both Mac processors, NSIS, AppImage + deb', () => {
    expect(targetsOf(release.mac)).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(targetsOf(release.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(targetsOf(release.linux)).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    // The installer lets an admin choose where it goes; the deb brings the keychain library.
    expect(release.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
    });
    expect(release.deb?.depends).toContain('libsecret-1-0');
  });

  it('names the files as the README’s Download section does', () => {
    const patterns = {
      mac: release.mac?.artifactName,
      nsis: release.nsis?.artifactName,
      appImage: release.appImage?.artifactName,
      deb: release.deb?.artifactName,
    };
    expect(patterns).toEqual({
      mac: 'Veza-Desk-${version}-mac-${arch}.${ext}',
      nsis: 'Veza-Desk-Setup-${version}-win-${arch}.${ext}',
      appImage: 'Veza-Desk-${version}-linux-${arch}.${ext}',
      deb: 'veza-desk_${version}_${arch}.${ext}',
    });
    // As electron-builder expands ${arch} for each kind of file (x64 is x86_64 in an AppImage
    // name, amd64 in a deb's).
    const name = (pattern: string | null | undefined, arch: Arch, ext: string) =>
      String(pattern)
        .replace('${version}', '<version>')
        .replace('${arch}', getArtifactArchName(arch, ext))
        .replace('${ext}', ext);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const download = readme.split(/^## Download$/m)[1]?.split(/^## /m)[0] ?? '';
    for (const file of [
      name(patterns.mac, Arch.arm64, 'dmg'),
      name(patterns.mac, Arch.x64, 'dmg'),
      name(patterns.nsis, Arch.x64, 'exe'),
      name(patterns.deb, Arch.x64, 'deb'),
      name(patterns.appImage, Arch.x64, 'AppImage'),
    ])
      expect(download).toContain(`\`${file}\``);
    // The section comes first, before the developers' commands.
    expect(readme.indexOf('## Download')).toBeLessThan(readme.indexOf('## The two commands'));
    expect(readme.indexOf('## Download')).toBeGreaterThan(0);
  });

  it('keeps the app id and name, and has one icon for every OS, a 1024 px PNG in build/', async () => {
    expect(release.appId).toBe('com.vezadesk.app');
    expect(release.productName).toBe('Veza Desk');
    for (const os of [release.mac, release.win, release.linux]) {
      expect(os?.icon).toBe('build/icon.png');
    }
    const png = await readFile(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // electron-builder makes .icns and .ico from a PNG of at least 512 px (1024 for Retina).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('opens no kind of file and no URL scheme', () => {
    expect(release.fileAssociations).toEqual([]);
    expect(release.protocols).toEqual([]);
    for (const os of [release.mac, release.win, release.linux]) {
      expect(os?.fileAssociations).toBeUndefined();
      expect(os?.protocols).toBeUndefined();
    }
  });

  it('publishes to GitHub Releases of the repository package.json names, as drafts', async () => {
    expect(release.publish).toEqual([{ provider: 'github', releaseType: 'draft' }]);
    // No owner or repo here: electron-builder reads them from package.json's "repository".
    const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      repository: { type: string; url: string };
    };
    expect(packageJson.repository).toEqual({
      type: 'git',
      url: 'https://github.com/veza-desk/veza-desk.git',
    });
    const info = await getRepositoryInfo(root, packageJson as never);
    expect({ owner: info?.user, repo: info?.project }).toEqual({
      owner: 'veza-desk',
      repo: 'veza-desk',
    });
  });

  it('signs and notarises only with secrets from the environment, and holds none itself', async () => {
    expect(release.afterPack).toBe('./build/signing-notice.cjs');
    expect(release.afterSign).toBe('./build/notarize.cjs');
    // electron-builder's own notarisation is off: notarize.cjs does it, with its one log line.
    expect(release.mac?.notarize).toBe(false);
    const secretFields = [
      'cscLink',
      'cscKeyPassword',
      'certificateFile',
      'certificatePassword',
      'certificateSubjectName',
      'certificateSha1',
      'identity',
      'appleId',
      'appleIdPassword',
      'teamId',
      'password',
      'token',
    ];
    const found: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (secretFields.includes(key)) found.push(`${at}${key}`);
        walk(inner, `${at}${key}.`);
      }
    };
    for (const file of ['build/electron-builder.yml', 'build/electron-builder.smoke.yml']) {
      const text = await readFile(path.join(root, file), 'utf8');
      walk(parse(text), `${file}: `);
      // No certificate, password or token pasted in (base64 blobs, Apple's xxxx-xxxx-xxxx-xxxx).
      expect(text).not.toMatch(/[A-Za-z0-9+/]{60,}/);
      expect(text).not.toMatch(/\b[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}\b/);
      expect(text).not.toMatch(/gh[ps]_[A-Za-z0-9]{20,}/);
    }
    expect(found).toEqual([]);
  });
});

/** The targets of a platform's configuration, as { target, arch } objects. */
function targetsOf(platform: { target?: unknown } | null | undefined): unknown {
  return platform?.target;
}

describe('the signing hooks, without secrets', () => {
  const requireHook = createRequire(path.join(root, 'package.json'));
  const secretVariables = [
    'CSC_LINK',
    'CSC_KEY_PASSWORD',
    'WIN_CSC_LINK',
    'WIN_CSC_KEY_PASSWORD',
    'APPLE_ID',
    'APPLE_APP_SPECIFIC_PASSWORD',
    'APPLE_TEAM_ID',
  ];
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  const withoutSecrets = () => {
    for (const name of secretVariables) vi.stubEnv(name, '');
  };
  const logged = () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    return () => log.mock.calls.map((call) => call.join(' '));
  };

  it('notarize.cjs: without the Apple ID it says so in one line and notarises nothing', async () => {
    withoutSecrets();
    const hook = requireHook('./build/notarize.cjs') as {
      (context: unknown): Promise<void>;
      notarizeSignedApp(
        context: unknown,
        notarize: (options: unknown) => Promise<void>,
      ): Promise<void>;
    };
    const lines = logged();
    const notarize = vi.fn(() => Promise.resolve());
    const context = {
      electronPlatformName: 'darwin',
      appOutDir: '/tmp/out',
      packager: { appInfo: { productFilename: 'Veza Desk' } },
    };
    await expect(hook.notarizeSignedApp(context, notarize)).resolves.toBeUndefined();
    await expect(hook(context)).resolves.toBeUndefined();
    expect(notarize).not.toHaveBeenCalled();
    expect(lines()).toEqual([
      '  • Not notarising: APPLE_ID is not set',
      '  • Not notarising: APPLE_ID is not set',
    ]);
    // The next missing one is named when the Apple ID is there; other OSes say nothing.
    vi.stubEnv('APPLE_ID', 'someone@example.com');
    await hook.notarizeSignedApp(context, notarize);
    await hook.notarizeSignedApp({ ...context, electronPlatformName: 'win32' }, notarize);
    expect(lines().at(-1)).toBe('  • Not notarising: APPLE_APP_SPECIFIC_PASSWORD is not set');
    expect(lines()).toHaveLength(3);
    expect(notarize).not.toHaveBeenCalled();
  });

  it('notarize.cjs: with all three it notarises the app, and prints none of them', async () => {
    withoutSecrets();
    vi.stubEnv('APPLE_ID', 'someone@example.com');
    vi.stubEnv('APPLE_APP_SPECIFIC_PASSWORD', 'abcd-efgh-ijkl-mnop');
    vi.stubEnv('APPLE_TEAM_ID', 'TEAM123456');
    const hook = requireHook('./build/notarize.cjs') as {
      notarizeSignedApp(
        context: unknown,
        notarize: (options: unknown) => Promise<void>,
      ): Promise<void>;
    };
    const lines = logged();
    const notarize = vi.fn((_options: unknown) => Promise.resolve());
    await hook.notarizeSignedApp(
      {
        electronPlatformName: 'darwin',
        appOutDir: '/tmp/out',
        packager: { appInfo: { productFilename: 'Veza Desk' } },
      },
      notarize,
    );
    expect(notarize).toHaveBeenCalledWith({
      appPath: path.join('/tmp/out', 'Veza Desk.app'),
      appleId: 'someone@example.com',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'TEAM123456',
    });
    const text = lines().join('\n');
    for (const secret of ['someone@example.com', 'abcd-efgh-ijkl-mnop', 'TEAM123456'])
      expect(text).not.toContain(secret);
  });

  it('signing-notice.cjs: says in one line, per OS, that the app is not signed and why', async () => {
    withoutSecrets();
    const hook = requireHook('./build/signing-notice.cjs') as (context: unknown) => Promise<void>;
    const lines = logged();
    for (const os of ['darwin', 'win32', 'linux']) await hook({ electronPlatformName: os });
    expect(lines()).toEqual([
      '  • Not signing the macOS app: CSC_LINK is not set (so it is not notarised either; Gatekeeper will ask before the first start)',
      '  • Not signing the Windows app: WIN_CSC_LINK is not set (SmartScreen will warn before the first start)',
      '  • Linux packages (AppImage, deb) are not signed',
    ]);
  });

  it('signing-notice.cjs: names the variable it signs with, never its value', async () => {
    withoutSecrets();
    vi.stubEnv('CSC_LINK', 'data:application/x-pkcs12;base64,MIIKsecretcertificate');
    const hook = requireHook('./build/signing-notice.cjs') as (context: unknown) => Promise<void>;
    const lines = logged();
    await hook({ electronPlatformName: 'darwin' });
    await hook({ electronPlatformName: 'win32' });
    vi.stubEnv('WIN_CSC_LINK', 'C:\\certs\\secret.pfx');
    await hook({ electronPlatformName: 'win32' });
    expect(lines()).toEqual([
      '  • Signing the macOS app with the certificate in CSC_LINK',
      '  • Signing the Windows app with the certificate in CSC_LINK',
      '  • Signing the Windows app with the certificate in WIN_CSC_LINK',
    ]);
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
