import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * What the Electron smoke test starts, and how:
 *
 * - VEZA_DESK_APP_PATH set: that executable, the unpacked smoke-test build
 *   (`node scripts/smoke-app-path.mjs` names it; the release workflow sets it). A packaged app
 *   takes no entry argument: its code is in its app.asar. A path that does not exist is an
 *   error, never a skip: on GitHub's runners a missing build must fail the job.
 * - otherwise Electron from node_modules/electron, found as its own index.js finds it
 *   (ELECTRON_OVERRIDE_DIST_PATH, else dist/ named by path.txt) but without its download, with
 *   the built main entry, out/main/index.js (npm run build). No binary: the test is skipped,
 *   with the reason.
 *
 * test/integration/launch/smoke-spec-setup.test.ts runs the spec against stand-in binaries
 * (shell scripts) to prove the path, arguments and environment it computes.
 */
export type LaunchTarget =
  | {
      kind: 'built app' | 'electron package';
      executablePath: string;
      /** For the electron package: the folder of Electron's release (electron-builder's electronDist). */
      distDir?: string;
      args: string[];
      /** Where the choice came from, for messages. */
      from: string;
    }
  | { kind: 'missing'; reason: string }
  | { kind: 'broken'; reason: string };

export const appPathVariable = 'VEZA_DESK_APP_PATH';

const projectRoot = path.resolve(__dirname, '../../..');
export const builtMainEntry = path.join(projectRoot, 'out/main/index.js');

/** The executable's path inside Electron's release folder, as node_modules/electron names it. */
export function electronExecutableName(): string {
  try {
    const packageDir = path.dirname(
      createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json'),
    );
    const pathFile = path.join(packageDir, 'path.txt');
    return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  } catch {
    return 'electron';
  }
}

export function launchTarget(env: NodeJS.ProcessEnv = process.env): LaunchTarget {
  const appPath = env[appPathVariable];
  if (appPath) {
    const executablePath = path.resolve(appPath);
    if (!existsSync(executablePath)) {
      return {
        kind: 'broken',
        reason: `${appPathVariable} is ${executablePath}, which does not exist. Build the smoke-test app first (npm run build:smoke) or unset ${appPathVariable}.`,
      };
    }
    return { kind: 'built app', executablePath, args: [], from: appPathVariable };
  }
  let packageDir: string;
  try {
    packageDir = path.dirname(
      createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    return { kind: 'missing', reason: 'The electron package is not installed (npm ci).' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH || undefined;
  const distDir = overrideDir ?? path.join(packageDir, 'dist');
  const executablePath = overrideDir || named ? path.join(distDir, named ?? 'electron') : undefined;
  if (!executablePath || !existsSync(executablePath)) {
    return {
      kind: 'missing',
      reason:
        'No Electron binary on this machine (it downloads on first launch, and this machine cannot reach its download server), and VEZA_DESK_APP_PATH names no built app. Runs on GitHub’s runners (.github/workflows/release.yml) and wherever `npm start` has run once.',
    };
  }
  return {
    kind: 'electron package',
    executablePath,
    distDir,
    args: [builtMainEntry],
    from: overrideDir ? 'ELECTRON_OVERRIDE_DIST_PATH' : 'node_modules/electron',
  };
}
