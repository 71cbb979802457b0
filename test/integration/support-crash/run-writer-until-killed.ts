import { spawnTsx } from '../../support/run-tsx';

// The crash runner shared by profiles/crash.test.ts and persistence/crash-per-store.test.ts:
// a writer child prints "ack <id>" after each write it has made durable, and is killed
// (SIGKILL) somewhere in the middle of its writes.

/** Runs the writer until it is killed (SIGKILL) after a random delay; answers the acked ids. */
export function runWriterUntilKilled(script: string, args: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const writer = spawnTsx(script, args, process.env);
    const acked: string[] = [];
    // Writes are fast (a few milliseconds), so the kill is aimed by count plus a random delay:
    // it lands anywhere in the write cycle of a write ~15-75 writes in. A killed writer most
    // often holds the data folder's lock: the next run finds its pid gone and takes the lock
    // over within a few attempts (tens of ms), without waiting for it to go stale (10 s).
    const killAfter = 15 + Math.floor(Math.random() * 60);
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    writer.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        acked.push(line.slice(4));
        if (acked.length === killAfter)
          timer = setTimeout(() => writer.kill('SIGKILL'), Math.random() * 3);
      }
    });
    writer.on('error', reject);
    writer.on('close', () => {
      clearTimeout(timer);
      resolve(acked);
    });
  });
}
