import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { keychainService } from '../../../src/main/core/secrets/keytar-secret-store';
import {
  builtMainEntry,
  electronExecutableName,
  launchTarget,
} from '../../electron/support/launch-target';
import { repoRoot } from '../../support/run-tsx';
import { readLaunch, recordingStandIn } from './support/recording-stand-in';

// test/electron/smoke.spec.ts, run with Playwright as the release workflow runs it, against
// stand-in binaries (shell scripts, as in npm-start.test.ts) instead of Electron: they record
// how they were started and exit, so this proves the spec's set-up (which executable, which
// arguments, which environment) and that it fails in plain words when the app cannot start.
// The real app is driven on GitHub's runners (.github/workflows/release.yml).

const work = mkdtempSync(path.join(os.tmpdir(), 'veza-desk-smoke-setup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in executable that records its cwd, argv and environment, says so and exits 3. */
function writeStandIn(file: string, record: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    recordingStandIn(record, 3, 'stand-in Electron: launch recorded, this is not the app'),
    { mode: 0o755 },
  );
  return file;
}

/** The environment with none of the settings that choose what the spec starts. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VEZA_DESK_|ELECTRON_|PLAYWRIGHT_|PW_|npm_config_electron)/i.test(name),
    ),
  );
  return { ...env, ...extra };
}

interface SpecResult {
  title: string;
  status: string;
  errors: string[];
  stdout: string;
  annotations: { type: string; description?: string }[];
}

/** Runs the smoke spec through Playwright's CLI (JSON reporter) and flattens its results. */
function runSpec(
  env: Record<string, string>,
): Promise<{ code: number | null; results: SpecResult[]; raw: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/@playwright/test/cli.js'),
        'test',
        '--project',
        'electron',
        '--reporter',
        'json',
        '--output',
        path.join(work, 'playwright-output'),
        'test/electron/smoke.spec.ts',
      ],
      { cwd: repoRoot, env: cleanEnv(env), stdio: 'pipe' },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      type Suite = {
        suites?: Suite[];
        specs?: {
          title: string;
          tests: {
            annotations: { type: string; description?: string }[];
            results: {
              status: string;
              errors: { message?: string }[];
              stdout: { text?: string }[];
            }[];
          }[];
        }[];
      };
      let report: { suites: Suite[] };
      try {
        report = JSON.parse(stdout) as { suites: Suite[] };
      } catch {
        reject(new Error(`Playwright printed no JSON report:\n${stdout}\n${stderr}`));
        return;
      }
      const results: SpecResult[] = [];
      const walk = (suite: Suite) => {
        for (const spec of suite.specs ?? []) {
          for (const test of spec.tests) {
            const last = test.results.at(-1);
            results.push({
              title: spec.title,
              status: last?.status ?? 'none',
              errors: (last?.errors ?? []).map((error) => error.message ?? ''),
              stdout: (last?.stdout ?? []).map((part) => part.text ?? '').join(''),
              annotations: test.annotations,
            });
          }
        }
        for (const inner of suite.suites ?? []) walk(inner);
      };
      for (const suite of report.suites) walk(suite);
      resolve({ code, results, raw: stdout + stderr });
    });
  });
}

/**
 * A set-up that cannot start the app fails the run: the first test fails with the reason, and
 * the others (serial, one app for the file) do not run. None passes.
 */
function expectFailedFirst(results: SpecResult[]): void {
  expect(results[0]?.status).toBe('failed');
  expect(results.map((result) => result.status)).not.toContain('passed');
}

const accounts = async () =>
  (await keytar.findCredentials(keychainService)).map(({ account }) => account).sort();

describe.skipIf(process.platform === 'win32')(
  'the Electron smoke spec’s set-up, with stand-ins',
  () => {
    it(
      'VEZA_DESK_APP_PATH: starts that built app with Playwright’s switches and a fresh data folder, no entry argument; says plainly that it could not start',
      { timeout: 120_000 },
      async () => {
        const record = path.join(work, 'built.launch');
        const app = writeStandIn(path.join(work, 'dist', 'linux-unpacked', 'veza-desk'), record);
        const before = await accounts();
        const { code, results, raw } = await runSpec({ VEZA_DESK_APP_PATH: app });
        expect(code, raw).not.toBe(0);

        const launch = readLaunch(record);
        // Playwright's _electron attaches through these two (the smoke build accepts them).
        expect(launch.args).toContain('--inspect=0');
        expect(launch.args).toContain('--remote-debugging-port=0');
        // A packaged app runs its own app.asar: nothing else is passed.
        expect(launch.args.filter((arg) => !arg.startsWith('--'))).toEqual([]);
        expect(launch.args).not.toContain(builtMainEntry);
        // Its own, fresh data folder, removed afterwards.
        const home = launch.env.VEZA_DESK_HOME ?? '';
        expect(path.basename(home)).toMatch(/^veza-desk-electron-/);
        expect(path.dirname(home)).toBe(path.resolve(os.tmpdir()));
        expect(existsSync(home)).toBe(false);
        // The keychain this test process sees is the one the app was given (the D-Bus session).
        expect(launch.env.DBUS_SESSION_BUS_ADDRESS).toBe(process.env.DBUS_SESSION_BUS_ADDRESS);

        // The run failed with the reason in plain words, the stand-in's words too.
        expect(results.length).toBeGreaterThanOrEqual(5);
        expectFailedFirst(results);
        const errors = results.flatMap((result) => result.errors).join('\n');
        expect(errors).toContain(`The smoke test could not start ${app} (VEZA_DESK_APP_PATH)`);
        expect(errors).toContain('stand-in Electron: launch recorded, this is not the app');
        expect(results.map((result) => result.stdout).join('')).toContain(
          `smoke test: starting the built app ${app} (from VEZA_DESK_APP_PATH), data folder ${home}`,
        );
        // And nothing was left in the keychain.
        expect(await accounts()).toEqual(before);
      },
    );

    it(
      'without VEZA_DESK_APP_PATH: node_modules’ Electron (ELECTRON_OVERRIDE_DIST_PATH) with the built main entry',
      { timeout: 120_000 },
      async () => {
        const record = path.join(work, 'package.launch');
        const dist = path.join(work, 'override-dist');
        // Where node_modules/electron's index.js would look in that folder (path.txt, or electron).
        const binary = writeStandIn(path.join(dist, electronExecutableName()), record);
        const { code, results, raw } = await runSpec({ ELECTRON_OVERRIDE_DIST_PATH: dist });
        expect(code, raw).not.toBe(0);
        expectFailedFirst(results);
        const launch = readLaunch(record);
        expect(launch.args).toContain('--inspect=0');
        expect(launch.args.at(-1)).toBe(builtMainEntry);
        expect(path.basename(launch.env.VEZA_DESK_HOME ?? '')).toMatch(/^veza-desk-electron-/);
        const errors = results.flatMap((result) => result.errors).join('\n');
        expect(errors).toContain(
          `The smoke test could not start ${binary} (ELECTRON_OVERRIDE_DIST_PATH, with the built main entry; is the app built? npm run build)`,
        );
      },
    );

    it(
      'a VEZA_DESK_APP_PATH that does not exist fails (never skips), naming it',
      { timeout: 120_000 },
      async () => {
        const missing = path.join(work, 'not-built', 'veza-desk');
        const { code, results, raw } = await runSpec({ VEZA_DESK_APP_PATH: missing });
        expect(code, raw).not.toBe(0);
        expectFailedFirst(results);
        expect(results.flatMap((result) => result.errors).join('\n')).toContain(
          `VEZA_DESK_APP_PATH is ${missing}, which does not exist. Build the smoke-test app first (npm run build:smoke)`,
        );
      },
    );

    const here = launchTarget(cleanEnv({}));
    it.skipIf(here.kind !== 'missing')(
      'with no Electron binary and no built app: every test is skipped, with the reason',
      { timeout: 120_000 },
      async () => {
        const { code, results, raw } = await runSpec({});
        expect(code, raw).toBe(0);
        expect(results.length).toBeGreaterThanOrEqual(5);
        for (const result of results) {
          expect(result.status).toBe('skipped');
          expect(result.annotations).toContainEqual(
            expect.objectContaining({
              type: 'skip',
              description: expect.stringContaining('No Electron binary on this machine') as string,
            }),
          );
        }
      },
    );
  },
);
