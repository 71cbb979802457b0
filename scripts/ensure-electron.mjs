#!/usr/bin/env node
// npm start / npm run dev: make sure Electron's binary is there, then run electron-vite.
//
//   node scripts/ensure-electron.mjs electron-vite preview   (npm start)
//   node scripts/ensure-electron.mjs electron-vite dev       (npm run dev)
//   node scripts/ensure-electron.mjs                          (only install the binary)
//
// Electron 45 has no install step during `npm ci`: its binary arrives when Electron's own
// installer (node_modules/electron/install.js, the `install-electron` command) runs, and
// electron-vite refuses to start ("Electron uninstall") until it has. So:
//   - ELECTRON_EXEC_PATH (electron-vite's own setting) or ELECTRON_OVERRIDE_DIST_PATH
//     (Electron's) set: use that binary, never download;
//   - the binary installed for this Electron version: go on;
//   - otherwise run Electron's installer, which downloads with @electron/get and so honours
//     ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache and the npm config forms of
//     them; HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured by turning on
//     ELECTRON_GET_USE_PROXY, @electron/get's switch for them.
// When the download fails, say in plain words what was tried, from where, and what to do, and
// exit non-zero. electron-vite then gets the binary as ELECTRON_EXEC_PATH.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));
const env = process.env;

const electronDir = path.dirname(requireFromProject.resolve('electron/package.json'));
const electronVersion = JSON.parse(
  readFileSync(path.join(electronDir, 'package.json'), 'utf8'),
).version;
// The same platform and arch choice as Electron's install.js.
const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
const command = commandName();

function commandName() {
  const event = env.npm_lifecycle_event;
  if (event === 'start') return 'npm start';
  if (event) return `npm run ${event}`;
  return 'this command';
}

/** Where the executable sits inside Electron's dist folder (install.js's getPlatformPath). */
function platformPath() {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function relative(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function fail(lines) {
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
  process.exit(1);
}

/** The binary given by the environment, or installed for this version; undefined if neither. */
function findBinary() {
  if (env.ELECTRON_EXEC_PATH) {
    if (existsSync(env.ELECTRON_EXEC_PATH)) return env.ELECTRON_EXEC_PATH;
    fail([
      `${command}: ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, and there is no file there.`,
      'Point it at an Electron executable, or unset it to use (or download) the one in node_modules/electron.',
    ]);
  }
  const pathTxt = readText(path.join(electronDir, 'path.txt'));
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // Electron's index.js: the override folder joined with path.txt's name, or "electron".
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, pathTxt || platformPath());
    if (existsSync(binary)) return binary;
    fail([
      `${command}: ELECTRON_OVERRIDE_DIST_PATH is ${env.ELECTRON_OVERRIDE_DIST_PATH}, and it holds no ${path.basename(binary)}.`,
      'Point it at the folder of an unpacked Electron release (the one holding the executable), or unset it.',
    ]);
  }
  // install.js's isInstalled(): dist/version matches this package, path.txt names the file.
  const distVersion = readText(path.join(electronDir, 'dist', 'version'))?.replace(/^v/, '');
  const binary = path.join(electronDir, 'dist', platformPath());
  if (distVersion === electronVersion && pathTxt === platformPath() && existsSync(binary)) {
    return binary;
  }
  return undefined;
}

/** @electron/get's mirror variables, read the same way (npm config, package.json, env). */
function mirrorVar(name, fallback) {
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    fallback
  );
}

function nodeArch() {
  if (arch === 'arm') return 'armv7l';
  return arch;
}

/** The address @electron/get downloads the zip from (its getArtifactRemoteURL). */
function downloadUrl() {
  const version = `v${electronVersion.replace(/^v/, '')}`;
  const file = `electron-${version}-${platform}-${nodeArch()}.zip`;
  const base = mirrorVar('mirror', 'https://github.com/electron/electron/releases/download/');
  const dir = mirrorVar('customDir', version).replace('{{ version }}', version.slice(1));
  return { url: `${base}${dir}/${mirrorVar('customFilename', file)}`, file };
}

/** Where @electron/get looks for an already downloaded zip (its Cache class, env-paths). */
function cachePath(url, file) {
  const home = os.homedir();
  let root = env.electron_config_cache;
  if (!root) {
    if (process.platform === 'darwin') root = path.join(home, 'Library', 'Caches', 'electron');
    else if (process.platform === 'win32')
      root = path.join(
        env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'),
        'electron',
        'Cache',
      );
    else root = path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
  }
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  parsed.pathname = path.posix.dirname(parsed.pathname);
  const folder = createHash('sha256').update(parsed.toString()).digest('hex');
  return path.join(path.resolve(root), folder, file);
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function proxyInUse() {
  return env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || '';
}

/** The proxy a request to `url` goes through (NO_PROXY as undici reads it), or ''. */
function proxyFor(url) {
  const proxy = new URL(url).protocol === 'http:' ? env.HTTP_PROXY || env.http_proxy : proxyInUse();
  if (!proxy) return '';
  const host = new URL(url).hostname.toLowerCase();
  const noProxy = (env.NO_PROXY || env.no_proxy || '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) =>
      entry
        .toLowerCase()
        .replace(/:\d+$/, '')
        .replace(/^\*?\./, ''),
    );
  if (noProxy.some((entry) => entry === '*' || host === entry || host.endsWith(`.${entry}`)))
    return '';
  return proxy;
}

/** Runs Electron's install.js; resolves with its exit code, stderr and the requests it made. */
function runInstaller() {
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'veza-electron-install-'));
  const reportFile = path.join(reportDir, 'requests.jsonl');
  const childEnv = { ...env, VEZA_ELECTRON_INSTALL_REPORT: reportFile };
  if (!childEnv.ELECTRON_GET_USE_PROXY && proxyInUse()) childEnv.ELECTRON_GET_USE_PROXY = 'true';
  const probe = pathToFileURL(
    fileURLToPath(new URL('electron-install-probe.mjs', import.meta.url)),
  );
  const child = spawn(
    process.execPath,
    ['--import', probe.href, path.join(electronDir, 'install.js')],
    { env: childEnv, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const started = Date.now();
  const heartbeat = setInterval(() => {
    process.stdout.write(`  still downloading (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }, 20_000);
  return new Promise((resolve) => {
    child.on('error', (error) => (stderr += `${error.message}\n`));
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      const requests = (readText(reportFile) ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      rmSync(reportDir, { recursive: true, force: true });
      resolve({ code: code ?? (signal ? 1 : 0), stderr, requests });
    });
  });
}

/** The installer's error in one plain sentence, from the request it made and its message. */
function explain(request, message) {
  const proxy = request ? proxyFor(request.url) : '';
  // A connection that failed went to the proxy, when there is one.
  const server = request ? hostOf(request.url) : 'the server';
  const where = proxy ? `the proxy ${hostOf(proxy)}` : server;
  const code = request?.code ?? /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/.exec(message)?.[1];
  const tunnel = /Proxy response \((\d+)\)/.exec(`${request?.cause ?? ''} ${request?.error ?? ''}`);
  if (tunnel)
    return `${where} answered ${tunnel[1]} when asked to connect to ${server}${tunnel[1] === '407' ? ': it wants a user name and password, put them into HTTPS_PROXY (http://user:password@proxy:port).' : ': it cannot reach it, or does not allow it.'}`;
  if (request?.status === 407)
    return 'the proxy asked for a user name and password (HTTP 407): put them into HTTPS_PROXY (http://user:password@proxy:port).';
  if (request?.status === 404)
    return `${server} answered 404 Not Found: it has no such file. With a mirror, check ELECTRON_MIRROR and ELECTRON_CUSTOM_DIR.`;
  if (request?.status >= 400)
    return `${server} answered ${request.status} ${request.statusText ?? ''}`.trim() + '.';
  switch (code) {
    case 'ECONNREFUSED':
      return `the connection was refused (ECONNREFUSED): nothing answered at ${where}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the name of ${where.replace(/:\d+$/, '')} could not be looked up (${code}): no DNS or no internet here.`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `the connection to ${where} timed out (${code}): a firewall may be dropping it.`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `the connection to ${where} was cut off (${code}).`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${where} cannot be reached from here (${code}): no route to it.`;
    case 'EACCES':
    case 'EPERM':
      return `it could not write into ${relative(electronDir)} (${code}, permission denied): run ${command} as the user who ran npm ci.`;
    case 'ERR_REQUIRE_ESM':
      return `Electron's installer needs Node.js 20.19 or newer (22.12+ recommended); this is ${process.version}.`;
    default:
      break;
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)/.test(code))
    return `the secure connection to ${where} failed (${code}): a proxy or firewall that inspects HTTPS? Set NODE_EXTRA_CA_CERTS to your company's root certificate file.`;
  if (/checksum/i.test(message))
    return `the file from ${where} did not match Electron's published checksum, so it was not used (a proxy that changes downloads, or a mirror with a different build).`;
  if (request?.error)
    return `the download from ${where} failed: ${request.cause ?? request.error}.`;
  return `Electron's installer stopped: ${message || 'no message'}.`;
}

async function install() {
  const { url, file } = downloadUrl();
  const proxy = proxyFor(url);
  console.log(
    `Electron's binary is not installed yet: downloading Electron ${electronVersion} for ${platform}-${arch}` +
      ` (about 100 MB, once) from ${hostOf(url)}${proxy ? ` through the proxy ${hostOf(proxy)}` : ''}...`,
  );
  const result = await runInstaller();
  const installed = result.code === 0 ? findBinary() : undefined;
  if (installed) {
    console.log(`Electron ${electronVersion} installed in ${relative(path.dirname(installed))}.`);
    return installed;
  }
  // The installer prints the error's stack: keep its first line, never the "at ..." frames.
  const message =
    result.stderr
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !line.startsWith('at ') && !line.startsWith('(node:')) ?? '';
  const failed = result.requests.find((r) => r.error || r.status >= 400) ?? result.requests.at(-1);
  const tried = failed?.url ?? url;
  const triedProxy = proxyFor(tried);
  const offline = cachePath(tried, file);
  fail([
    `${command}: Electron's binary is not installed, and downloading it did not work.`,
    '',
    `  Tried:  Electron's installer (${relative(path.join(electronDir, 'install.js'))}), fetching ${file}`,
    `          from ${hostOf(tried)}${triedProxy ? ` through the proxy ${hostOf(triedProxy)}` : ''} (${tried})`,
    `  Result: ${result.code === 0 ? 'the installer finished, but the binary is still missing.' : explain(failed, message)}`,
    '',
    `  What to do, then run ${command} again:`,
    '  - Behind a proxy:  export HTTPS_PROXY=http://proxy.example.com:8080  (NO_PROXY for exceptions)',
    '  - From a mirror:   export ELECTRON_MIRROR=https://your.mirror/electron/',
    `                     (and ELECTRON_CUSTOM_DIR if its folders are not named v${electronVersion})`,
    `  - Offline copy:    get ${file} on a machine that can download it and put it at`,
    `                     ${offline}`,
    '                     (electron_config_cache picks another cache folder),',
    '                     or unpack it and export ELECTRON_OVERRIDE_DIST_PATH=<that folder>.',
  ]);
  return undefined;
}

/** Runs electron-vite (or another command) with the binary as ELECTRON_EXEC_PATH. */
function run(binary, args) {
  const [name, ...rest] = args;
  const childEnv = { ...env, ELECTRON_EXEC_PATH: binary };
  const child =
    name === 'electron-vite'
      ? spawn(
          process.execPath,
          [
            path.join(
              path.dirname(requireFromProject.resolve('electron-vite/package.json')),
              'bin',
              'electron-vite.js',
            ),
            ...rest,
          ],
          { stdio: 'inherit', env: childEnv },
        )
      : spawn(name, rest, { stdio: 'inherit', env: childEnv, shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail([`${command}: could not run ${name}: ${error.message}`]));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = findBinary() ?? (await install());
if (process.argv.length > 2) run(binary, process.argv.slice(2));
else console.log(`Electron's binary: ${binary}`);
