import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../support/run-tsx';

export const builtCli = path.join(repoRoot, 'out/main/cli.js');

/** The newest modification time of the sources the CLI is built from. */
function newestSource(): number {
  let newest = 0;
  for (const folder of ['src/cli', 'src/main/core', 'src/shared']) {
    for (const entry of readdirSync(path.join(repoRoot, folder), {
      withFileTypes: true,
      recursive: true,
    })) {
      if (entry.isFile())
        newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds out/main/cli.js once when it is missing or older than its sources, so the tests run
 * the file `npm install -g` would put on the PATH, never a stale one.
 */
export function ensureBuiltCli(): void {
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSource()) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'ignore' });
}

/** The environment of a terminal with none of the variables `check` reads set. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VEZA_|https?_proxy$|no_proxy$|all_proxy$|NODE_EXTRA_CA_CERTS$)/i.test(name),
    ),
  );
  return { ...env, ...extra };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node out/main/cli.js ...args` as a script would; `launcher` runs it through another
 * program first (e.g. ['faketime', '-f', '+2y'] for a computer whose clock is wrong).
 */
export function runBuiltCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
  launcher: readonly string[] = [],
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const [program, ...before] = [...launcher, process.execPath];
    const child = spawn(program as string, [...before, builtCli, ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
