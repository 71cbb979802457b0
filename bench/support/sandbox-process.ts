import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The sandbox running in a child process (bench/support/sandbox-server.ts). */
export interface SandboxProcess {
  url: string;
  key: string;
  /** The server process's RSS in bytes (after a full GC when asked). */
  rss(options?: { gc?: boolean }): Promise<number>;
  stop(): Promise<void>;
}

/** `latencyMs`: latency the sandbox adds to every request (the check-all benchmark). */
export async function startSandboxProcess(
  options: { latencyMs?: number } = {},
): Promise<SandboxProcess> {
  const child: ChildProcess = fork(
    path.join(__dirname, 'sandbox-server.ts'),
    [JSON.stringify(options)],
    {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await new Promise<{ url: string; key: string }>((resolve, reject) => {
    child.once('message', (message: { type: string; url: string; key: string }) =>
      resolve(message),
    );
    child.once('exit', (code) => reject(new Error(`sandbox process exited early (${code})`)));
  });
  return {
    ...ready,
    rss: ({ gc = false } = {}) =>
      new Promise((resolve) => {
        child.once('message', (message: { rss: number }) => resolve(message.rss));
        child.send({ type: 'rss', gc });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
