import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

/** Whether python3 is there to run the listener below. */
export const canListenWithFullBacklog = spawnSync('python3', ['-c', 'pass']).status === 0;

/**
 * A port on 127.0.0.1 where connect() hangs: a listening socket whose accept queue is full
 * drops new SYNs on Linux, exactly like a firewall that drops packets. Node always accepts, so
 * the listener is a tiny Python process that never calls accept().
 */
export async function startFullBacklogListener(port = 0): Promise<{ port: number; close(): void }> {
  const listener = spawn('python3', [
    '-c',
    `import socket,sys\ns=socket.socket()\ns.bind(('127.0.0.1',${port}))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\nsys.stdin.read()`,
  ]);
  const bound = await new Promise<number>((resolve, reject) => {
    listener.stdout.once('data', (data) => resolve(Number(String(data).trim())));
    listener.once('exit', () => reject(new Error(`python3 could not listen on port ${port}`)));
  });
  // Fill the queue (backlog 0 still queues one) so the next SYN is dropped.
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 2; i += 1)
    fillers.push(net.connect(bound, '127.0.0.1').on('error', () => {}));
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    port: bound,
    close: () => {
      for (const socket of fillers) socket.destroy();
      listener.kill();
    },
  };
}
