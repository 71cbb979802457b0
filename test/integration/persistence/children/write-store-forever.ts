// Child process for crash-per-store.test.ts: adds entries to one of the data folder's stores
// (history, saved requests, settings) one after another and prints "ack <id>" once each is committed.
// The parent kills it with SIGKILL at a random moment.
import { randomUUID } from 'node:crypto';
import { createBodyFiles } from '../../../../src/main/core/requests/body-files';
import { openHistoryStore } from '../../../../src/main/core/requests/history-store';
import { openSavedRequestsStore } from '../../../../src/main/core/requests/saved-requests-store';
import { openSettingsStore } from '../../../../src/main/core/settings/settings-store';

const spec = () => ({ method: 'GET' as const, path: '/api/v1/roles', query: [], headers: [] });

async function main(): Promise<void> {
  const [kind = '', home = '', run = '0', count = '100'] = process.argv.slice(2);
  if (kind === 'history') {
    const history = await openHistoryStore(home, createBodyFiles(home));
    for (let i = 0; i < Number(count); i += 1) {
      const id = randomUUID();
      await history.add({
        id,
        at: new Date().toISOString(),
        profileId: randomUUID(),
        instanceName: `run ${run}`,
        method: 'GET',
        target: `/api/v1/roles?i=${i}`,
        status: 200,
        size: 2,
        spec: spec(),
      });
      process.stdout.write(`ack ${id}\n`);
    }
  } else if (kind === 'settings') {
    // Each write sets the reminder to the next day count; its "id" is that count.
    const settings = await openSettingsStore(home);
    const start = settings.get().keyRotationDays;
    for (let i = 1; i <= Number(count); i += 1) {
      const days = ((start + i - 1) % 3650) + 1;
      await settings.update({ keyRotationDays: days });
      process.stdout.write(`ack ${days}\n`);
    }
  } else {
    const saved = await openSavedRequestsStore({ folder: home, knownKeys: async () => [] });
    for (let i = 0; i < Number(count); i += 1) {
      const made = await saved.save({ name: `run ${run} #${i}`, folder: '', spec: spec() });
      process.stdout.write(`ack ${made.id}\n`);
    }
  }
}

void main();
