import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// .github/workflows/release.yml runs only on GitHub's runners (they have Electron's binary;
// this machine has none). Here it is read as YAML and checked: when it runs, which jobs and
// steps, that the smoke test drives the built app, that the release is a tag-only draft, and
// that no secret is printed and no job may write more than it needs.
const root = path.resolve(__dirname, '../../..');
const text = readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: { os: string; platform: string }[] } };
  defaults?: { run?: { shell?: string } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: {
    push: { branches?: string[]; tags?: string[] };
    pull_request: unknown;
  };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(text) as Workflow;
const { build, release } = workflow.jobs as { build: Job; release: Job };

const step = (job: Job, id: string): Step => {
  const found = job.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step ${id} in ${job.name}`);
  return found;
};
const ids = (job: Job) => job.steps.map((candidate) => candidate.id);

describe('the release workflow', () => {
  it('runs on every push (branches and v* tags) and on pull requests', () => {
    expect(workflow.on.push.branches).toEqual(['**']);
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect('pull_request' in workflow.on).toBe(true);
  });

  it('has two jobs: the build on three OSes, and the release after it', () => {
    expect(Object.keys(workflow.jobs).sort()).toEqual(['build', 'release']);
    expect(build['runs-on']).toBe('${{ matrix.os }}');
    expect(build.strategy?.matrix.include).toEqual([
      { os: 'ubuntu-latest', platform: 'linux' },
      { os: 'macos-latest', platform: 'mac' },
      { os: 'windows-latest', platform: 'win' },
    ]);
    // One shell for every OS, so the same run: lines work on Windows.
    expect(build.defaults?.run?.shell).toBe('bash');
  });

  it('builds, tests and smoke-tests in order: every step there', () => {
    const order = [
      'checkout',
      'setup-node',
      'npm-ci',
      'build-app',
      'tests',
      'installers',
      'smoke-build',
      'smoke-app',
      'keytar-for-node',
      'smoke-test',
      'smoke-ran',
      'upload',
    ];
    const positions = order.map((id) => ids(build).indexOf(id));
    expect(
      positions.every((position) => position >= 0),
      String(ids(build)),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    expect(step(build, 'checkout').uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(step(build, 'setup-node').uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(step(build, 'setup-node').with).toEqual({ 'node-version': 24, cache: 'npm' });
    expect(step(build, 'npm-ci').run).toBe('npm ci');
    expect(step(build, 'tests').run).toContain('npx vitest run');
    expect(step(build, 'tests').run).toContain('bash test/support/with-keychain.sh npx vitest run');
    // Off Linux the integration suites' peers (nginx, squid, faketime...) are missing.
    expect(step(build, 'tests').run).toContain('npx vitest run test/unit');
    expect(step(build, 'build-app').run).toBe('npx electron-vite build');
    expect(step(build, 'installers').run).toBe(
      'npx electron-builder --config build/electron-builder.yml --${{ matrix.platform }} --publish never',
    );
    expect(step(build, 'smoke-build').run).toMatch(
      /^npx electron-builder --config build\/electron-builder\.smoke\.yml --dir --publish never /,
    );
    expect(step(build, 'upload').uses).toMatch(/^actions\/upload-artifact@v\d+$/);
    expect(step(build, 'upload').with?.name).toBe('installers-${{ matrix.platform }}');
    const uploaded = String(step(build, 'upload').with?.path);
    for (const pattern of [
      'dist/*.dmg',
      'dist/*.zip',
      'dist/*.exe',
      'dist/*.AppImage',
      'dist/*.deb',
    ])
      expect(uploaded).toContain(pattern);
    expect(step(build, 'upload').with?.['if-no-files-found']).toBe('error');
  });

  it('installs what Linux needs: keytar’s libsecret, gnome-keyring, D-Bus, a virtual display', () => {
    const apt = step(build, 'apt');
    expect(apt.if).toBe("runner.os == 'Linux'");
    for (const name of ['libsecret-1-dev', 'gnome-keyring', 'dbus-x11', 'xvfb'])
      expect(apt.run).toContain(name);
    // And every package .ci/run installs for the suites (chromium is for e2e, not run there).
    const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const ciPackages = /apt-get install[^\n]*\\\n([^\n]+)\\\n([^\n>]+)/.exec(ciRun);
    const listed = `${ciPackages?.[1] ?? ''} ${ciPackages?.[2] ?? ''}`
      .split(/\s+/)
      .filter((name) => name !== '' && name !== 'chromium');
    expect(listed).toContain('squid');
    for (const name of listed) expect(apt.run, name).toContain(name);
  });

  it('wires the smoke test to the built app’s executable, in each OS’s keychain', () => {
    const find = step(build, 'smoke-app').run ?? '';
    expect(find).toContain('node scripts/smoke-app-path.mjs');
    expect(find).toContain('echo "VEZA_DESK_APP_PATH=$app_path" >> "$GITHUB_ENV"');
    expect(find).toContain('test -f "$app_path"');
    const smoke = step(build, 'smoke-test').run ?? '';
    // Linux: a private D-Bus session with gnome-keyring unlocked, and a virtual display.
    expect(smoke).toContain(
      'bash test/support/with-keychain.sh xvfb-run --auto-servernum npx playwright test --project electron',
    );
    // macOS (login keychain) and Windows (Credential Manager): as they are.
    expect(smoke).toContain('\n  npx playwright test --project electron');
    // The smoke build is for this runner's processor, where smoke-app-path.mjs looks.
    expect(step(build, 'smoke-build').run).toContain('"--$(node -p process.arch)"');
    // A skipped smoke test fails the job.
    expect(step(build, 'smoke-ran').run).toContain('test-results/playwright.json');
    // The playwright project the workflow names exists and holds the smoke spec.
    const config = readFileSync(path.join(root, 'playwright.config.ts'), 'utf8');
    expect(config).toContain("{ name: 'electron', testMatch: 'electron/**/*.spec.ts' }");
  });

  it('finds the smoke app where scripts/smoke-app-path.mjs says, for each runner', async () => {
    const script = (await import(
      pathToFileURL(path.join(root, 'scripts/smoke-app-path.mjs')).href
    )) as { smokeAppPath(platform: string, arch: string, root: string): string };
    // GitHub's runners: ubuntu and windows x64, macos arm64.
    expect(script.smokeAppPath('linux', 'x64', root)).toMatch(/linux-unpacked[\\/]veza-desk$/);
    expect(script.smokeAppPath('win32', 'x64', root)).toMatch(
      /win-unpacked[\\/]Veza Desk Smoke Test\.exe$/,
    );
    expect(script.smokeAppPath('darwin', 'arm64', root)).toMatch(
      /mac-arm64[\\/]Veza Desk Smoke Test\.app[\\/]Contents[\\/]MacOS[\\/]Veza Desk Smoke Test$/,
    );
  });

  it('makes a draft GitHub release only for a v* tag, after every OS built and passed', () => {
    expect(release.needs).toBe('build');
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(step(release, 'download').uses).toMatch(/^actions\/download-artifact@v\d+$/);
    expect(step(release, 'download').with).toMatchObject({
      pattern: 'installers-*',
      'merge-multiple': true,
    });
    const draft = step(release, 'draft-release');
    expect(draft.uses).toMatch(/^softprops\/action-gh-release@v\d+$/);
    expect(draft.with).toMatchObject({ draft: true, files: 'installers/*' });
  });

  it('asks for the least: read-only, and contents: write only for the release job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(build.permissions).toBeUndefined();
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(step(build, 'checkout').with).toEqual({ 'persist-credentials': false });
  });

  it('never prints a secret: secrets only in env:, never in a run: line or a name', () => {
    const everyStep = Object.values(workflow.jobs).flatMap((job) => job.steps);
    for (const candidate of everyStep) {
      expect(candidate.run ?? '', candidate.id).not.toMatch(/secrets\.|GITHUB_TOKEN|github\.token/);
      expect(candidate.name ?? '', candidate.id).not.toMatch(/secrets\./);
      // No secret variable is echoed or printed by name either.
      expect(candidate.run ?? '', candidate.id).not.toMatch(
        /\$\{?(CSC_|WIN_CSC_|APPLE_|GH_TOKEN|GITHUB_TOKEN)/,
      );
      for (const [name, value] of Object.entries(candidate.with ?? {}))
        expect(String(value), `${candidate.id} with.${name}`).not.toMatch(/secrets\./);
    }
    // Exactly the signing secrets, and only in the installer step's env.
    const withSecrets = everyStep.filter((candidate) =>
      JSON.stringify(candidate).includes('secrets.'),
    );
    expect(withSecrets.map((candidate) => candidate.id)).toEqual(['installers']);
    expect(step(build, 'installers').env).toEqual({
      CSC_LINK: '${{ secrets.CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.CSC_KEY_PASSWORD }}',
      WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      WIN_CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
      APPLE_ID: '${{ secrets.APPLE_ID }}',
      APPLE_APP_SPECIFIC_PASSWORD: '${{ secrets.APPLE_APP_SPECIFIC_PASSWORD }}',
      APPLE_TEAM_ID: '${{ secrets.APPLE_TEAM_ID }}',
    });
    // The smoke build is never signed: no secret near it.
    expect(step(build, 'smoke-build').env).toBeUndefined();
    expect(build.env ?? {}).not.toHaveProperty('CSC_LINK');
    expect(text).not.toMatch(/echo[^\n]*secrets/);
  });
});
