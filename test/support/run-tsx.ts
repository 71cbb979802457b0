import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
/**
 * Starts a TypeScript file in its own Node process, with the given environment. Node itself
 * loads tsx (--import), so the process we hold is the one running the script: a signal sent
 * to it is not absorbed by a wrapper process.
 */
export function spawnTsx(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs it to the end; answers exit code and output. */
export function runTsx(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnTsx(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(stdin);
  });
}

/** The environment of a desktop session whose keychain cannot be reached: no bus, no display. */
export function withoutKeychain(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/veza-desk-test-bus';
  return env;
}
