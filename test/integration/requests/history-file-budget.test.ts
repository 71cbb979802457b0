import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBodyFiles } from '../../../src/main/core/requests/body-files';
import {
  historyFileName,
  historyFileVersion,
  openHistoryStore,
} from '../../../src/main/core/requests/history-store';
import {
  historyFileBudgetBytes,
  type HistoryEntry,
} from '../../../src/shared/requests/request-records';
import { startHttpServer, type TestServer } from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// Bounds everywhere (issue 14): besides its 200 entries, history.json stays within a byte
// budget. Adding an entry that would pass it drops the oldest entries, and their answers' body
// files, as the entry cap does; the newest entry is always kept.

const profileId = randomUUID();
function entry(requestBodyChars: number, body?: HistoryEntry['body']): HistoryEntry {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    profileId,
    instanceName: 'Sandbox',
    method: 'POST',
    target: '/api/v1/assessments/query_spec:nodes',
    status: 200,
    size: 2,
    spec: {
      method: 'POST',
      path: '/api/v1/assessments/query_spec:nodes',
      query: [],
      headers: [],
      body: 'x'.repeat(requestBodyChars),
    },
    ...(body ? { body } : {}),
  };
}

describe('the history store', () => {
  const folder = tempFolder();
  afterAll(() => folder.dispose());
  const file = path.join(folder.dir, historyFileName);

  it('drops the oldest entries and their body files when the file would pass its budget', async () => {
    const bodies = createBodyFiles(folder.dir);
    const budget = 200_000;
    const history = await openHistoryStore(folder.dir, bodies, undefined, budget);
    const added: HistoryEntry[] = [];
    // About 40 KB each: four fit in 200,000 bytes, five do not.
    for (let i = 0; i < 8; i += 1) {
      const ref = await bodies.write(Buffer.alloc(50_000, 120));
      const next = entry(40_000, { kind: 'file', ref, size: 50_000 });
      await history.add(next);
      added.push(next);
      expect((await stat(file)).size).toBeLessThanOrEqual(budget);
    }
    const kept = added.slice(-4).reverse();
    expect(history.list().map((e) => e.id)).toEqual(kept.map((e) => e.id));
    for (const gone of added.slice(0, 4)) {
      expect(() => history.get(gone.id)).toThrow('RESPONSE_BODY_GONE');
    }
    const refOf = (e: HistoryEntry) => (e.body?.kind === 'file' ? e.body.ref : '');
    expect((await readdir(bodies.folder)).sort()).toEqual(
      kept.map((e) => `${refOf(e)}.body`).sort(),
    );

    // The same when the file is read again.
    const reopened = await openHistoryStore(folder.dir, bodies, undefined, budget);
    expect(reopened.list().map((e) => e.id)).toEqual(kept.map((e) => e.id));
  });

  it('keeps the newest entry even when it alone is over the budget', async () => {
    const bodies = createBodyFiles(folder.dir);
    const history = await openHistoryStore(folder.dir, bodies, undefined, 200_000);
    const huge = entry(250_000);
    await history.add(huge);
    expect(history.list().map((e) => e.id)).toEqual([huge.id]);
    expect(await readdir(bodies.folder)).toEqual([]);
    // The next one pushes it out.
    const small = entry(10);
    await history.add(small);
    expect(history.list().map((e) => e.id)).toEqual([small.id]);
  });
});

describe('through the app, at the real budget of 20 MB', () => {
  let h: ProfileHarness | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await h?.close();
    await server?.close();
  });

  it('a send onto a history.json just under 20 MB drops the oldest entry and its body', async () => {
    expect(historyFileBudgetBytes).toBe(20 * 1024 * 1024);
    const home = await mkdtemp(path.join(os.tmpdir(), 'veza-history-budget-'));
    const bodies = createBodyFiles(home);
    // 150 entries, newest first, filling the file to 100 bytes short of the budget; the oldest
    // has its answer's body in a file.
    const oldestRef = await bodies.write(Buffer.alloc(30_000, 120));
    const items = Array.from({ length: 150 }, (_, i) =>
      entry(130_000, i === 149 ? { kind: 'file', ref: oldestRef, size: 30_000 } : undefined),
    );
    const text = (list: HistoryEntry[]) =>
      `${JSON.stringify({ version: historyFileVersion, items: list })}\n`;
    const short = historyFileBudgetBytes - 100 - Buffer.byteLength(text(items));
    expect(short).toBeGreaterThan(0);
    const newest = items[0] as HistoryEntry;
    newest.spec.body = `${newest.spec.body}${'x'.repeat(short)}`;
    expect(Buffer.byteLength(text(items))).toBe(historyFileBudgetBytes - 100);
    await writeFile(path.join(home, historyFileName), text(items));

    server = await startHttpServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end('{"values":[]}');
    });
    h = await openProfileHarness(home);
    expect((await h.call('history.list', {})).value.total).toBe(150);
    const made = await h.call('profiles.create', {
      draft: {
        name: 'Local',
        address: `http://127.0.0.1:${server.port}`,
        colour: '#2563eb',
        production: false,
        notes: '',
      },
    });
    expect(made.ok, JSON.stringify(made.problem)).toBe(true);
    const sent = await h.call('requests.send', {
      profileId: made.value.id,
      spec: { method: 'GET', path: '/api/v1/providers', query: [], headers: [] },
      requestId: randomUUID(),
    });
    expect(sent.ok, JSON.stringify(sent.problem)).toBe(true);

    expect((await stat(path.join(home, historyFileName))).size).toBeLessThanOrEqual(
      historyFileBudgetBytes,
    );
    const listing = (await h.call('history.list', {})).value;
    expect(listing.total).toBe(150);
    expect(listing.entries[0].id).toBe(sent.value.historyId);
    expect(listing.entries.map((e: { id: string }) => e.id)).not.toContain(items[149]?.id);
    const gone = await h.call('history.get', { id: items[149]?.id });
    expect(gone.problem?.code).toBe('RESPONSE_BODY_GONE');
    expect(await readdir(bodies.folder)).toEqual([]);
  });
});
