import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openSavedRequestsStore,
  savedRequestsFileName,
} from '../../../src/main/core/requests/saved-requests-store';
import {
  savedImportNoteMax,
  savedImportNotesMax,
  savedRequestsExportFormat,
  savedRequestsMax,
} from '../../../src/shared/requests/request-records';
import type { RequestSpec } from '../../../src/shared/requests/request-spec';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// Bounds everywhere (issue 14): the contract lists at most savedRequestsMax saved requests, so
// the store never keeps more. Saving and importing stop at the limit with
// SAVED_REQUESTS_LIMIT_REACHED, a refused import saves nothing, and an import's notes stay
// within the contract however odd the file. Through the real dispatcher, at the real limit
// (the saved requests written once, by the store itself, before main opens the folder).

const limit = savedRequestsMax;
let h: ProfileHarness | undefined;
let outside: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (outside) await rm(outside, { recursive: true, force: true });
  outside = undefined;
});

const spec = (n: number): RequestSpec => ({
  method: 'GET',
  path: `/api/v1/providers/${n}`,
  query: [],
  headers: [],
});
const exported = (name: string, n: number, headers: RequestSpec['headers'] = []) => ({
  name,
  folder: '',
  spec: { ...spec(n), headers },
});

/** The real main side on a data folder that already holds `count` saved requests. */
async function harnessWith(count: number): Promise<ProfileHarness> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'veza-saved-limit-'));
  if (count > 0) {
    const store = await openSavedRequestsStore({ folder: home, knownKeys: async () => [] });
    const seeded = await store.importEntries(
      Array.from({ length: count }, (_, i) => exported(`Seeded ${i + 1}`, i)),
    );
    expect(seeded.imported).toBe(count);
  }
  h = await openProfileHarness(home);
  outside = `${home}-files`;
  await mkdir(outside, { recursive: true });
  return h;
}

/** An export file the user picks for the next saved.importFile. */
async function exportFile(harness: ProfileHarness, requests: unknown[]): Promise<void> {
  const file = path.join(outside as string, `requests-${requests.length}.json`);
  await writeFile(
    file,
    JSON.stringify({
      format: savedRequestsExportFormat,
      version: 1,
      exportedAt: new Date().toISOString(),
      requests,
    }),
  );
  harness.dialogs.nextOpen = file;
}

const savedFile = (harness: ProfileHarness) =>
  readFile(path.join(harness.home, savedRequestsFileName), 'utf8');

const listed = async (harness: ProfileHarness): Promise<{ id: string; name: string }[]> => {
  const list = await harness.call('saved.list');
  expect(list.ok, JSON.stringify(list.problem)).toBe(true);
  return list.value.requests;
};

describe('at the most saved requests Veza Desk keeps', () => {
  it('lists them all; a new one and an import are refused in plain words, nothing saved', async () => {
    const harness = await harnessWith(limit);
    const requests = await listed(harness);
    expect(requests).toHaveLength(limit);
    const before = await savedFile(harness);

    const saved = await harness.call('saved.save', {
      name: 'One too many',
      folder: '',
      spec: spec(1),
    });
    expect(saved.ok).toBe(false);
    expect(saved.problem.code).toBe('SAVED_REQUESTS_LIMIT_REACHED');
    expect(saved.problem.explanation).toBe(
      'Veza Desk keeps at most 10,000 saved requests, and 10,000 are saved now. The request was not saved.',
    );
    expect(saved.problem.fix.join(' ')).toContain('press Delete next to each request');

    await exportFile(harness, [exported('Imported A', 1), exported('Imported B', 2)]);
    const imported = await harness.call('saved.importFile');
    expect(imported.ok).toBe(false);
    expect(imported.problem.code).toBe('SAVED_REQUESTS_LIMIT_REACHED');
    expect(imported.problem.explanation).toContain(
      'None of the 2 requests in the file were added.',
    );
    expect(await savedFile(harness)).toBe(before);
    expect(harness.events.filter((event) => event.name === 'savedRequests.changed')).toEqual([]);

    // Saving over one that is there is not adding one.
    const first = requests[0] as { id: string; name: string };
    const over = await harness.call('saved.save', {
      id: first.id,
      name: 'Renamed',
      folder: '',
      spec: spec(7),
    });
    expect(over.ok, JSON.stringify(over.problem)).toBe(true);
    expect(await listed(harness)).toHaveLength(limit);

    // Deleting one makes room for one.
    expect((await harness.call('saved.delete', { id: first.id })).ok).toBe(true);
    const fits = await harness.call('saved.save', { name: 'Fits now', folder: '', spec: spec(8) });
    expect(fits.ok, JSON.stringify(fits.problem)).toBe(true);
    expect(await listed(harness)).toHaveLength(limit);
  });

  it('an import adds what fits and says how many were left out', async () => {
    const harness = await harnessWith(limit - 3);
    const auth = [{ name: 'Authorization', value: 'Bearer not-a-saved-key', enabled: true }];
    await exportFile(harness, [
      exported('First', 1, auth),
      exported('Second', 2),
      exported('Third', 3),
      exported('Fourth', 4, auth),
      exported('Fifth', 5),
    ]);
    const result = await harness.call('saved.importFile');
    expect(result.ok, JSON.stringify(result.problem)).toBe(true);
    expect(result.value.imported).toBe(3);
    expect(result.value.notes).toEqual([
      'Only the first 3 requests of the 5 in the file were added; the other 2 (the last ones in the file) were left out, because Veza Desk keeps at most 10,000 saved requests. To add them, press Delete next to requests you no longer need, then import them again.',
      // Only the notes of requests that came in: "Fourth" was left out with the others.
      '"First": removed header "Authorization" (Veza Desk adds the key from the keychain).',
    ]);
    const names = (await listed(harness)).map((request) => request.name);
    expect(names).toHaveLength(limit);
    expect(names.slice(-3)).toEqual(['First', 'Second', 'Third']);
  });
});

describe('import notes stay within the contract', () => {
  it('past the most notes, the last says how many more; a note naming many rows is cut', async () => {
    const harness = await harnessWith(0);
    // One request with 3,000 credential header rows (every one removed and named in one note),
    // then 1,500 entries that are not requests (one note each).
    const manyRows = Array.from({ length: 3000 }, () => ({
      name: 'Authorization',
      value: 'Bearer x',
      enabled: true,
    }));
    const notRequests = Array.from({ length: 1500 }, (_, i) => ({ name: `Broken ${i + 1}` }));
    await exportFile(harness, [exported('Many rows', 1, manyRows), ...notRequests]);
    const result = await harness.call('saved.importFile');
    expect(result.ok, JSON.stringify(result.problem)).toBe(true);
    expect(result.value.imported).toBe(1);
    const notes: string[] = result.value.notes;
    expect(notes).toHaveLength(savedImportNotesMax);
    expect(notes.every((note) => note.length <= savedImportNoteMax)).toBe(true);
    expect(notes[0]?.startsWith('"Many rows": removed header "Authorization", header')).toBe(true);
    expect(notes[0]?.endsWith('…')).toBe(true);
    expect(notes[1]).toBe('Request 2 was left out: it is not a valid request.');
    // 1,501 notes: 999 shown, the 1,000th counts the other 502.
    expect(notes.at(-2)).toBe('Request 999 was left out: it is not a valid request.');
    expect(notes.at(-1)).toBe('… and 502 more.');
    expect(await listed(harness)).toHaveLength(1);
  });

  it('an import with nothing to add leaves the file as it was (not even written)', async () => {
    const harness = await harnessWith(0);
    const file = path.join(harness.home, savedRequestsFileName);
    await exportFile(harness, [{ name: 'Broken' }]);
    const result = await harness.call('saved.importFile');
    expect(result.value).toEqual({
      cancelled: false,
      imported: 0,
      notes: ['Request 1 was left out: it is not a valid request.'],
    });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
