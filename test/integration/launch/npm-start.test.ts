import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/run-tsx';
import { readLaunch, recordingStandIn, type Launch } from './support/recording-stand-in';
import { makeZip } from './support/zip';

// `npm start` and `npm run dev` as a new user runs them: the real package.json scripts, through
// npm, in a copy of the project (so this file's builds never empty the out/ folder other tests
// read, and Electron's installer writes into a copy of node_modules/electron, never the real
// one). Electron's binary is a stand-in shell script that records how it was started. Nothing
// here contacts a host other than 127.0.0.1 or looks up an outside name.

const electronVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

let work: string;
let project: string;
let electronCopy: string;
const realElectron = path.join(repoRoot, 'node_modules/electron');
let realElectronBefore: string[];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a terminal with no Electron, npm or proxy settings of its own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(npm_|electron_|https?_proxy$|no_proxy$|all_proxy$|VEZA_|NODE_OPTIONS$)/i.test(name),
    ),
  );
  // npm checks the registry for a newer npm now and then: not from a test.
  return { ...env, npm_config_update_notifier: 'false', ...extra };
}

function npm(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: project, env: cleanEnv(env), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function writeStandIn(dir: string, record: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'electron');
  writeFileSync(file, recordingStandIn(record), { mode: 0o755 });
  return file;
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

/** What electron-vite hands Electron: the project folder, whose package.json names the entry. */
function expectBuiltEntry(launch: Launch, builtAfter: number): void {
  expect(launch.args[0]).toBe('.');
  expect(path.resolve(launch.cwd)).toBe(path.resolve(project));
  const main = (
    JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as {
      main: string;
    }
  ).main;
  expect(path.normalize(main)).toBe(path.normalize('out/main/index.js'));
  const entry = path.join(launch.cwd, main);
  expect(existsSync(entry)).toBe(true);
  expect(statSync(entry).mtimeMs).toBeGreaterThanOrEqual(builtAfter - 1000);
  expect(readFileSync(entry, 'utf8')).toContain('BrowserWindow');
}

beforeAll(() => {
  realElectronBefore = listing(realElectron);
  work = mkdtempSync(path.join(os.tmpdir(), 'veza-launch-'));
  project = path.join(work, 'project');
  mkdirSync(project);
  const tsconfigs = readdirSync(repoRoot).filter((name) => /^tsconfig.*\.json$/.test(name));
  for (const entry of ['package.json', 'electron.vite.config.ts', ...tsconfigs, 'src', 'scripts'])
    cpSync(path.join(repoRoot, entry), path.join(project, entry), { recursive: true });
  // node_modules: every package linked to the real one, except electron, which is copied
  // (a few small files: no binary, no path.txt) so its installer can write into the copy.
  const modules = path.join(project, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (entry === 'electron' || entry === '.vite') continue;
    symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(modules, entry));
  }
  electronCopy = path.join(modules, 'electron');
  mkdirSync(electronCopy);
  for (const file of readdirSync(realElectron)) {
    if (['dist', 'path.txt', 'node_modules'].includes(file)) continue;
    cpSync(path.join(realElectron, file), path.join(electronCopy, file), { recursive: true });
  }
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // The real node_modules/electron is as it was.
  expect(listing(realElectron)).toEqual(realElectronBefore);
});

describe.skipIf(process.platform === 'win32')('npm start and npm run dev', () => {
  it('with no Electron binary and no network: says what was tried, from where, what to do, and stops before building', async () => {
    const port = await closedPort();
    const cache = mkdtempSync(path.join(work, 'empty-cache-'));
    const run = await npm(['run', 'start'], {
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: cache,
    });
    const output = run.stdout + run.stderr;
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("npm start: Electron's binary is not installed");
    expect(run.stderr).toContain(`fetching ${zipName}`);
    expect(run.stderr).toContain(`from 127.0.0.1:${port}`);
    expect(run.stderr).toContain('the connection was refused (ECONNREFUSED)');
    for (const advice of [
      'HTTPS_PROXY',
      'ELECTRON_MIRROR',
      'electron_config_cache',
      'ELECTRON_OVERRIDE_DIST_PATH',
    ])
      expect(run.stderr).toContain(advice);
    // Where an offline copy goes: the cache folder @electron/get reads.
    const urlFolder = createHash('sha256')
      .update(`http://127.0.0.1:${port}/v${electronVersion}`)
      .digest('hex');
    expect(run.stderr).toContain(path.join(cache, urlFolder, zipName));
    // Plain words: no stack trace, no electron-vite "Electron uninstall".
    expect(output).not.toMatch(/^\s+at .+[(:]\d+/m);
    expect(output).not.toContain('Electron uninstall');
    expect(output).not.toContain('TypeError');
    // It stopped before the build, and left nothing behind.
    expect(existsSync(path.join(project, 'out'))).toBe(false);
    expect(existsSync(path.join(electronCopy, 'path.txt'))).toBe(false);
    expect(existsSync(path.join(electronCopy, 'dist'))).toBe(false);
    expect(readdirSync(cache)).toEqual([]);
  }, 60_000);

  it('npm run dev: the same message, naming its own command', async () => {
    const port = await closedPort();
    const run = await npm(['run', 'dev'], {
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: mkdtempSync(path.join(work, 'empty-cache-')),
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("npm run dev: Electron's binary is not installed");
    expect(run.stderr).toContain(`from 127.0.0.1:${port}`);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
  }, 60_000);

  it('ELECTRON_OVERRIDE_DIST_PATH: builds, then starts that binary with the built main entry, downloading nothing', async () => {
    const record = path.join(work, 'override.launch');
    const dist = path.join(work, 'override-dist');
    writeStandIn(dist, record);
    const started = Date.now();
    const run = await npm(['run', 'start'], {
      ELECTRON_OVERRIDE_DIST_PATH: dist,
      // A download would fail loudly here.
      ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
    });
    expect(run.stderr).not.toContain('Electron uninstall');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('downloading');
    const launch = readLaunch(record);
    expectBuiltEntry(launch, started);
    expect(existsSync(path.join(project, 'out/preload'))).toBe(true);
    expect(existsSync(path.join(project, 'out/renderer/index.html'))).toBe(true);
    // electron-vite was given the stand-in, and preview is not the dev server.
    expect(launch.env.ELECTRON_EXEC_PATH).toBe(path.join(dist, 'electron'));
    expect(launch.env.ELECTRON_RENDERER_URL).toBeUndefined();
    expect(existsSync(path.join(electronCopy, 'path.txt'))).toBe(false);
  }, 150_000);

  it('ELECTRON_EXEC_PATH: starts that binary, downloading nothing', async () => {
    const record = path.join(work, 'exec.launch');
    const binary = writeStandIn(path.join(work, 'exec-bin'), record);
    // Built by the test above: skip electron-vite's build (arguments after -- reach it).
    const run = await npm(['run', 'start', '--', '--skipBuild'], { ELECTRON_EXEC_PATH: binary });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const launch = readLaunch(record);
    expectBuiltEntry(launch, 0);
    expect(launch.env.ELECTRON_EXEC_PATH).toBe(binary);
  }, 60_000);

  it('a named binary that is missing: says so, downloads nothing', async () => {
    const run = await npm(['run', 'start'], {
      ELECTRON_OVERRIDE_DIST_PATH: path.join(work, 'nothing-here'),
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH is');
    expect(run.stdout).not.toContain('downloading');
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
  }, 60_000);

  it('npm run dev: starts the binary with the dev server address', async () => {
    const record = path.join(work, 'dev.launch');
    const dist = path.join(work, 'dev-dist');
    writeStandIn(dist, record);
    const run = await npm(['run', 'dev'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const launch = readLaunch(record);
    expect(launch.args[0]).toBe('.');
    expect(path.resolve(launch.cwd)).toBe(path.resolve(project));
    expect(launch.env.ELECTRON_RENDERER_URL).toMatch(
      /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+/,
    );
    expect(existsSync(path.join(project, 'out/main/index.js'))).toBe(true);
  }, 150_000);

  describe('the first launch downloads the binary with Electron’s own installer', () => {
    let mirror: Server;
    let mirrorUrl: string;
    const requests: string[] = [];
    const record = () => path.join(work, 'installed.launch');

    beforeAll(async () => {
      // A mirror on 127.0.0.1 serving a stand-in release zip and its checksum file, laid out
      // as Electron's releases are (v<version>/<file>).
      const zip = makeZip([
        { name: 'electron', data: recordingStandIn(record()), mode: 0o755 },
        { name: 'version', data: electronVersion },
      ]);
      const sha = createHash('sha256').update(zip).digest('hex');
      const files: Record<string, Buffer> = {
        [`/v${electronVersion}/${zipName}`]: zip,
        [`/v${electronVersion}/SHASUMS256.txt`]: Buffer.from(`${sha} *${zipName}\n`),
      };
      mirror = createServer((request, response) => {
        requests.push(request.url ?? '');
        const body = files[request.url ?? ''];
        if (!body) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-length': body.length }).end(body);
      });
      await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
      mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => mirror.close(() => resolve())));

    it('from ELECTRON_MIRROR into node_modules/electron, then starts it', async () => {
      const run = await npm(['run', 'start', '--', '--skipBuild'], {
        ELECTRON_MIRROR: mirrorUrl,
        electron_config_cache: mkdtempSync(path.join(work, 'cache-')),
        // This stand-in release is not in Electron's checksums.json: use the mirror's.
        electron_use_remote_checksums: '1',
      });
      expect(run.stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain(
        `downloading Electron ${electronVersion} for ${process.platform}-${process.arch}`,
      );
      expect(run.stdout).toContain(`Electron ${electronVersion} installed`);
      expect(requests).toContain(`/v${electronVersion}/${zipName}`);
      expect(readFileSync(path.join(electronCopy, 'path.txt'), 'utf8')).toBe('electron');
      const launch = readLaunch(record());
      expectBuiltEntry(launch, 0);
      expect(launch.env.ELECTRON_EXEC_PATH).toBe(path.join(electronCopy, 'dist', 'electron'));
    }, 120_000);

    it('the next start finds it installed and asks no one', async () => {
      rmSync(record());
      const before = requests.length;
      const run = await npm(['run', 'start', '--', '--skipBuild'], {
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).not.toContain('downloading');
      expect(requests.length).toBe(before);
      expectBuiltEntry(readLaunch(record()), 0);
    }, 60_000);
  });
});
