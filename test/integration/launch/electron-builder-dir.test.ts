import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { launchTarget } from '../../electron/support/launch-target';
import { repoRoot } from '../../support/run-tsx';

// `electron-builder --config build/electron-builder.smoke.yml --dir`, attempted for real. It
// needs Electron's release for this OS: node_modules/electron's binary when it is there
// (electronDist), else a download, which here goes to a closed port on 127.0.0.1 (the mirror
// settings below), so it fails (after electron-builder's retries, about 30 s) and nothing
// leaves this machine. Without a binary the
// test is skipped with ctx.skip() and the reason, electron-builder's own words, in the test
// output. On GitHub's runners (Electron's binary installed) it builds the folder and finds
// the executable where scripts/smoke-app-path.mjs says.
// Native modules are not rebuilt for Electron (npmRebuild false): that would rewrite the
// keytar build every other test uses, and fetch Electron's headers.

const work = mkdtempSync(path.join(os.tmpdir(), 'veza-desk-builder-dir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * electron-builder's own words for a failed download of Electron (its error line, without the
 * stack trace), with the release it needed; undefined if it failed for another reason.
 */
function downloadFailure(output: string, mirrorHost: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- its colours, when it thinks it has a terminal
  output = output.replace(/\u001b\[[0-9;]*m/g, '');
  // Its logger writes "⨯ <message>  failedTask=..." on a terminal, "<message> {" otherwise.
  const failed = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.includes(mirrorHost) && !line.startsWith('at ') && !line.startsWith("'"))
    ?.replace(/^⨯\s*/, '')
    .split(/\s+failedTask=|\s+\{$/)[0];
  if (!failed) return undefined;
  const { version } = JSON.parse(
    readFileSync(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  return `electron-builder could not download Electron ${version} for ${process.platform}-${process.arch}: ${failed}`;
}

describe('electron-builder --dir (the smoke-test build)', () => {
  it(
    'builds the unpacked smoke-test app, or says why it cannot here',
    { timeout: 300_000 },
    async (ctx) => {
      const output = path.join(work, 'out');
      const mirror = `http://127.0.0.1:${await closedPort()}/`;
      // node_modules/electron's own binary, when it is there, is the release to pack.
      const local = launchTarget({ ...process.env, VEZA_DESK_APP_PATH: '' });
      const electronDist = local.kind === 'electron package' ? local.distDir : undefined;
      if (electronDist && !existsSync(path.join(repoRoot, 'out/main/index.js'))) {
        throw new Error(
          'out/main/index.js is missing: build the app first (npx electron-vite build)',
        );
      }
      // Without a local binary every download goes to the closed port (nothing leaves this
      // machine); with one (GitHub's runners) electron-builder fetches its own tools as usual
      // (rcedit on Windows, for instance).
      const closedMirrors = electronDist
        ? {}
        : {
            ELECTRON_MIRROR: mirror,
            ELECTRON_BUILDER_BINARIES_MIRROR: mirror,
            ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
          };
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...closedMirrors,
        ELECTRON_GET_USE_PROXY: '',
        // The smoke-test build is never signed.
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        CSC_LINK: '',
        WIN_CSC_LINK: '',
        CI: 'true',
      };
      const result = await run(
        [
          path.join(repoRoot, 'node_modules/electron-builder/cli.js'),
          '--config',
          'build/electron-builder.smoke.yml',
          '--dir',
          '--publish',
          'never',
          `-c.directories.output=${output}`,
          // This machine's processor only, where scripts/smoke-app-path.mjs looks.
          `--${process.arch}`,
          '-c.npmRebuild=false',
          ...(electronDist
            ? [`-c.electronDist=${electronDist}`]
            : [`-c.electronDownload.mirror=${mirror}`]),
        ],
        env,
      );
      if (result.code !== 0 && !electronDist) {
        const why = downloadFailure(result.output, new URL(mirror).host);
        if (why === undefined) {
          throw new Error(`electron-builder --dir failed for another reason:\n${result.output}`);
        }
        const reason = `No Electron binary for electron-builder --dir on this machine: node_modules/electron has none, and ${why} (downloads go to a closed port on 127.0.0.1 here). It builds on GitHub's runners (.github/workflows/release.yml).`;
        console.log(`skipped: ${reason}`);
        ctx.skip(reason);
      }
      expect(result.code, result.output).toBe(0);
      const script = (await import(
        pathToFileURL(path.join(repoRoot, 'scripts/smoke-app-path.mjs')).href
      )) as { smokeAppPath(platform: string, arch: string, root: string): string };
      // smokeAppPath's folder, relative to the output folder given here.
      const shipped = script.smokeAppPath(process.platform, process.arch, repoRoot);
      const relative = path.relative(path.join(repoRoot, 'dist/smoke-test'), shipped);
      expect(existsSync(path.join(output, relative)), relative).toBe(true);
      // The hook said whether it was signed.
      expect(result.output).toMatch(/Not signing|Signing the|are not signed/);
    },
  );
});
