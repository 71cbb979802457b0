// Child process for keychain-unavailable.test.ts: the real main side, started in an
// environment whose keychain cannot be reached. Reads the key from stdin; prints the answers.
import { openProfileHarness } from '../../../support/profile-harness';
import { makeDraft } from '../../../support/profile-fixtures';

async function main(): Promise<void> {
  const home = process.argv[2] as string;
  let key = '';
  for await (const chunk of process.stdin) key += String(chunk);
  const h = await openProfileHarness(home);
  const create = await h.call('profiles.create', {
    draft: makeDraft(),
    key: { apiKey: key, acceptAsIs: false },
  });
  const plain = await h.call('profiles.create', { draft: makeDraft({ name: 'Without key' }) });
  const setKey = await h.call('profiles.setKey', {
    id: plain.value.id,
    key: { apiKey: key, acceptAsIs: false },
  });
  h.env.VEZA_URL = 'https://env.vezacloud.com';
  h.env.VEZA_TOKEN = key;
  const imported = await h.call('profiles.importFromEnv');
  const list = await h.call('profiles.list');
  process.stdout.write(JSON.stringify({ create, plain, setKey, imported, list, events: h.events }));
}

void main();
