import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createBodyFiles } from '../../../src/main/core/requests/body-files';
import { openHistoryStore } from '../../../src/main/core/requests/history-store';
import type { HistoryEntry } from '../../../src/shared/requests/request-records';
import { tempFolder } from '../../support/network/temp-folder';

// History keeps answers' bodies within a space budget: the oldest lose their body first, the
// entries themselves stay, and the newest answer is kept even when it alone is over budget.
const folder = tempFolder();
afterAll(() => folder.dispose());

const profileId = randomUUID();
async function entryWithBody(bodies: ReturnType<typeof createBodyFiles>, size: number) {
  const ref = await bodies.write(Buffer.alloc(size, 120));
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    profileId,
    instanceName: 'Sandbox',
    method: 'GET',
    target: '/api/v1/sandbox/large',
    status: 200,
    size,
    spec: { method: 'GET', path: '/api/v1/sandbox/large', query: [], headers: [] },
    body: { kind: 'file', ref, size },
  } satisfies HistoryEntry;
}

it('drops the oldest bodies beyond the budget, keeps their entries and the newest answer', async () => {
  const bodies = createBodyFiles(folder.dir);
  const history = await openHistoryStore(folder.dir, bodies, 250_000);
  const first = await entryWithBody(bodies, 100_000);
  const second = await entryWithBody(bodies, 100_000);
  const third = await entryWithBody(bodies, 100_000);
  for (const entry of [first, second, third]) await history.add(entry);

  const files = () => readdir(path.join(folder.dir, 'bodies'));
  expect(await files()).toEqual(
    expect.arrayContaining([`${second.body.ref}.body`, `${third.body.ref}.body`]),
  );
  expect(await files()).not.toContain(`${first.body.ref}.body`);
  expect(history.get(first.id).body).toBeUndefined();
  expect(history.get(third.id).body).toEqual(third.body);
  expect(history.list().map((entry) => [entry.id, entry.bodyRemoved ?? false])).toEqual([
    [third.id, false],
    [second.id, false],
    [first.id, true],
  ]);

  const huge = await entryWithBody(bodies, 400_000);
  await history.add(huge);
  expect(await files()).toEqual([`${huge.body.ref}.body`]);
  expect(history.get(huge.id).body).toEqual(huge.body);
  expect(history.list()).toHaveLength(4);

  // The trimmed entries stay trimmed when the history file is read again.
  const reopened = await openHistoryStore(folder.dir, bodies, 250_000);
  expect(reopened.list().filter((entry) => entry.bodyRemoved)).toHaveLength(3);
  expect(await files()).toEqual([`${huge.body.ref}.body`]);
});
