import path from 'node:path';
import {
  historyBodyBudgetBytes,
  historyFileBudgetBytes,
  historyEntrySchema,
  historyListMax,
  type HistoryEntry,
  type HistorySummary,
} from '../../../shared/requests/request-records';
import type { Problem } from '../../../shared/problems/problem';
import { openVersionedListFile } from '../persistence/versioned-list-file';
import { ProblemError } from '../problem-error';
import type { BodyFiles } from './body-files';

export const historyFileName = 'history.json';
export const historyFileVersion = 1;
/** Oldest entries (and their body files) go beyond this many. */
export const historyMaxEntries = 200;

export interface HistoryStore {
  readonly loadProblem?: Problem;
  /**
   * Newest first; `query` matches method, path, instance name and status; `profileId` keeps
   * one instance's entries.
   */
  list(query?: string, profileId?: string): HistorySummary[];
  get(id: string): HistoryEntry;
  add(entry: HistoryEntry): Promise<void>;
  remove(id: string): Promise<void>;
  /** One instance's entries and their bodies, or everything without `profileId`. */
  clear(profileId?: string): Promise<void>;
}

function summaryOf(entry: HistoryEntry): HistorySummary {
  const { spec: _spec, headers: _headers, timings: _timings, body, ...summary } = entry;
  return summary.status !== undefined && !body ? { ...summary, bodyRemoved: true } : summary;
}

/** Newest first, file bodies count against the budget; the newest answer is always kept. */
function withinBodyBudget(
  entries: readonly HistoryEntry[],
  budget: number,
): { items: HistoryEntry[]; bodiless: HistoryEntry[] } {
  let total = 0;
  const bodiless: HistoryEntry[] = [];
  const items = entries.map((entry, index) => {
    if (entry.body?.kind !== 'file') return entry;
    total += entry.body.size;
    if (index === 0 || total <= budget) return entry;
    bodiless.push(entry);
    const { body: _body, ...rest } = entry;
    return rest;
  });
  return { items, bodiless };
}

/** What one entry takes in history.json (UTF-8 bytes of its JSON), worked out once per entry. */
const entrySizes = new WeakMap<HistoryEntry, number>();
function serializedSize(entry: HistoryEntry): number {
  let size = entrySizes.get(entry);
  if (size === undefined) {
    size = Buffer.byteLength(JSON.stringify(entry));
    entrySizes.set(entry, size);
  }
  return size;
}

/** history.json's text around its entries: `{"version":1,"items":[` … `]}` and a newline. */
const fileEnvelopeBytes = Buffer.byteLength(
  `${JSON.stringify({ version: historyFileVersion, items: [] })}\n`,
);

/**
 * Newest first, the entries whose file stays within `budget` bytes: the newest ones, up to the
 * first that would pass it. The newest entry is always kept, however large.
 */
function withinFileBudget(entries: readonly HistoryEntry[], budget: number): HistoryEntry[] {
  let total = fileEnvelopeBytes;
  let count = 0;
  for (const entry of entries) {
    // A comma between entries.
    total += serializedSize(entry) + (count > 0 ? 1 : 0);
    if (count > 0 && total > budget) break;
    count += 1;
  }
  return entries.slice(0, count);
}

function matches(entry: HistoryEntry, words: string[]): boolean {
  const text = [entry.method, entry.target, entry.instanceName, entry.status ?? entry.problemCode]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

const fileRef = (entry: HistoryEntry): string | undefined =>
  entry.body?.kind === 'file' ? entry.body.ref : undefined;

/**
 * Every request sent, in history.json in the data folder: method, path, status, time, size,
 * instance and the spec (which cannot hold a credential). Large bodies are files under
 * `bodies/`, removed with their entry and by "Clear history". The oldest entries go beyond
 * historyMaxEntries, or when history.json would pass `fileBudgetBytes`.
 */
export async function openHistoryStore(
  folder: string,
  bodies: BodyFiles,
  bodyBudgetBytes = historyBodyBudgetBytes,
  fileBudgetBytes = historyFileBudgetBytes,
): Promise<HistoryStore> {
  const list = await openVersionedListFile(
    path.join(folder, historyFileName),
    historyFileVersion,
    historyEntrySchema,
    historyListMax,
  );
  // Body files nobody points at (a crash between writing a body and its entry). Only when the
  // list was read whole: a damaged, unreadable or newer history.json says nothing about which
  // bodies are still wanted, so none is removed on its account.
  if (list.loadedWhole) {
    const referenced = new Set(list.items().flatMap((entry) => fileRef(entry) ?? []));
    await bodies.removeAllExcept(referenced);
  }

  const removeBodies = (entries: readonly HistoryEntry[]) =>
    Promise.all(entries.flatMap((entry) => fileRef(entry) ?? []).map((ref) => bodies.remove(ref)));

  const removeWhere = async (doomed: (entry: HistoryEntry) => boolean): Promise<void> => {
    const removed = await list.commit((items) => ({
      items: items.filter((entry) => !doomed(entry)),
      value: items.filter(doomed),
    }));
    await removeBodies(removed);
  };

  return {
    ...(list.loadProblem ? { loadProblem: list.loadProblem } : {}),
    list: (query = '', profileId) => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return list
        .items()
        .filter((entry) => profileId === undefined || entry.profileId === profileId)
        .filter((entry) => matches(entry, words))
        .map(summaryOf);
    },
    get: (id) => {
      const entry = list.items().find((candidate) => candidate.id === id);
      if (!entry) throw ProblemError.of('RESPONSE_BODY_GONE', { raw: `history entry ${id}` });
      return entry;
    },
    add: async (entry) => {
      const dropped = await list.commit((items) => {
        const all = [entry, ...items];
        const fitting = withinFileBudget(all.slice(0, historyMaxEntries), fileBudgetBytes);
        const kept = withinBodyBudget(fitting, bodyBudgetBytes);
        return { items: kept.items, value: [...all.slice(fitting.length), ...kept.bodiless] };
      });
      await removeBodies(dropped);
    },
    remove: (id) => removeWhere((entry) => entry.id === id),
    clear: async (profileId) => {
      if (profileId !== undefined) return removeWhere((entry) => entry.profileId === profileId);
      await list.commit(() => ({ items: [], value: undefined }));
      await bodies.removeAllExcept(new Set());
    },
  };
}
