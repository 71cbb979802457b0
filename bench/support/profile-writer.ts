// Child process for many-writers.bench.ts: opens the profile store in the given folder, says
// "ready", waits for "go" on stdin, then commits `count` new profiles one after another and
// prints "ack <id>" after each (the change is on disk and the lock released).
import { randomUUID } from 'node:crypto';
import { openProfileStore } from '../../src/main/core/profiles/profile-store';

async function main(): Promise<void> {
  const [folder = '', tag = '0', count = '50'] = process.argv.slice(2);
  const store = await openProfileStore(folder);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  for (let i = 0; i < Number(count); i += 1) {
    const at = new Date().toISOString();
    const id = randomUUID();
    await store.commit((profiles) => ({
      profiles: [
        ...profiles,
        {
          id,
          name: `writer ${tag} #${i}`,
          baseUrl: `https://w${tag}-${i}.vezacloud.com`,
          colour: '#2457c5',
          production: false,
          notes: '',
          createdAt: at,
          updatedAt: at,
        },
      ],
      value: undefined,
    }));
    process.stdout.write(`ack ${id}\n`);
  }
  process.exit(0);
}

void main();
