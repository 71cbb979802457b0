// Child process for document-store.test.ts: adds one profile named after how it ends, then
// ends normally ("exit") or is killed with SIGKILL ("kill"), which leaves its lock's holder
// file behind.
import { openProfileStore } from '../../../../src/main/core/profiles/profile-store';
import { makeStoredProfile } from '../../../support/profile-fixtures';

async function main(): Promise<void> {
  const [home = '', end = 'exit'] = process.argv.slice(2);
  const store = await openProfileStore(home);
  await store.commit((profiles) => ({
    profiles: [...profiles, makeStoredProfile({ name: end })],
    value: undefined,
  }));
  if (end === 'kill') process.kill(process.pid, 'SIGKILL');
}

void main();
