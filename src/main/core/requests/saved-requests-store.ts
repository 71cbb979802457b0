import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { clipText } from '../../../shared/ipc/bounds';
import {
  exportedRequestSchema,
  savedImportNoteMax,
  savedImportNotesMax,
  savedRequestSchema,
  savedRequestsExportFormat,
  savedRequestsMax,
  type SavedImportResult,
  type SavedRequest,
} from '../../../shared/requests/request-records';
import { isCredentialHeader, type RequestSpec } from '../../../shared/requests/request-spec';
import { specContainsKey, stripSecrets } from '../../../shared/requests/strip-secrets';
import { openVersionedListFile } from '../persistence/versioned-list-file';
import { ProblemError } from '../problem-error';
import type { Problem } from '../../../shared/problems/problem';

export const savedRequestsFileName = 'saved-requests.json';
export const savedRequestsFileVersion = 1;

export interface SavedRequestsDeps {
  folder: string;
  /** Every key saved in the keychain, to refuse a request that holds one. Main only. */
  knownKeys: () => Promise<string[]>;
  now?: () => Date;
  /**
   * The most saved requests Veza Desk keeps: the contract's bound (saved.list answers at most
   * that many). Lower only in tests.
   */
  maxRequests?: number;
}

const counted = (n: number) => n.toLocaleString('en-US');
const requests = (n: number) => `${counted(n)} request${n === 1 ? '' : 's'}`;

/**
 * An import's notes within the contract: each clipped to its length, and at most
 * savedImportNotesMax of them, the last saying how many more there were.
 */
function boundedNotes(notes: readonly string[], max = savedImportNotesMax): string[] {
  const clipped = notes.map((note) => clipText(note, savedImportNoteMax));
  if (clipped.length <= max) return clipped;
  const kept = clipped.slice(0, max - 1);
  return [...kept, `… and ${counted(clipped.length - kept.length)} more.`];
}

/** One imported entry, checked and cleaned; answers undefined when it must be left out. */
function readImported(
  value: unknown,
  position: number,
  keys: readonly string[],
  notes: string[],
): { name: string; folder: string; spec: RequestSpec } | undefined {
  // Credential headers are taken out before the schema, which would refuse the whole entry.
  const credentialRows: string[] = [];
  const raw = value as { spec?: { headers?: unknown } };
  if (raw && typeof raw === 'object' && raw.spec && Array.isArray(raw.spec.headers)) {
    raw.spec.headers = raw.spec.headers.filter((row: unknown) => {
      const name = row && typeof row === 'object' ? (row as { name?: unknown }).name : undefined;
      if (typeof name !== 'string' || !isCredentialHeader(name)) return true;
      credentialRows.push(`header "${name.trim()}"`);
      return false;
    });
  }
  const parsed = exportedRequestSchema.safeParse(value);
  if (!parsed.success) {
    notes.push(`Request ${position} was left out: it is not a valid request.`);
    return undefined;
  }
  const { spec, removed } = stripSecrets(parsed.data.spec);
  // Named, never quoted: the values may be keys.
  const allRemoved = [...credentialRows, ...removed];
  if (allRemoved.length > 0)
    notes.push(
      `"${parsed.data.name}": removed ${allRemoved.join(', ')} (Veza Desk adds the key from the keychain).`,
    );
  if (specContainsKey(spec, keys)) {
    notes.push(`"${parsed.data.name}" was left out: it contains an API key.`);
    return undefined;
  }
  return { ...parsed.data, spec };
}

/**
 * Saved requests: named, in folders, in saved-requests.json. A saved request is data only:
 * saving or importing never sends anything, and nothing in it is ever run. No secrets: rows
 * named like one are removed, and a request holding a saved key is refused.
 */
export async function openSavedRequestsStore(deps: SavedRequestsDeps) {
  const now = deps.now ?? (() => new Date());
  const maxRequests = deps.maxRequests ?? savedRequestsMax;
  /** SAVED_REQUESTS_LIMIT_REACHED: `saved` requests are kept; `leftOut` says what was not. */
  const limitReached = (saved: number, leftOut: string): ProblemError =>
    ProblemError.of('SAVED_REQUESTS_LIMIT_REACHED', {
      facts: { limit: counted(maxRequests), count: counted(saved), leftOut },
      raw: `${saved} saved requests; at most ${maxRequests} are kept`,
    });
  const list = await openVersionedListFile(
    path.join(deps.folder, savedRequestsFileName),
    savedRequestsFileVersion,
    savedRequestSchema,
    savedRequestsMax,
  );
  return {
    loadProblem: list.loadProblem as Problem | undefined,
    list: (): SavedRequest[] => [...list.items()],

    async save(input: {
      id?: string;
      name: string;
      folder: string;
      spec: RequestSpec;
    }): Promise<SavedRequest> {
      const { spec } = stripSecrets(input.spec);
      if (specContainsKey(spec, await deps.knownKeys())) throw ProblemError.of('KEY_IN_REQUEST');
      const saved = savedRequestSchema.parse({
        id: input.id ?? randomUUID(),
        name: input.name,
        folder: input.folder,
        spec,
        savedAt: now().toISOString(),
      });
      return list.commit((items) => {
        const exists = items.some((item) => item.id === saved.id);
        // Saving over a request is always possible; a new one only while there is room.
        if (!exists && items.length >= maxRequests)
          throw limitReached(items.length, 'The request was not saved.');
        return {
          items: exists
            ? items.map((item) => (item.id === saved.id ? saved : item))
            : [...items, saved],
          value: saved,
        };
      });
    },

    remove: (id: string): Promise<void> =>
      list.commit((items) => ({ items: items.filter((item) => item.id !== id), value: undefined })),

    /** The export file's text: names, folders and specs only, built field by field. */
    exportText(): string {
      return `${JSON.stringify(
        {
          format: savedRequestsExportFormat,
          version: 1,
          exportedAt: now().toISOString(),
          requests: list.items().map(({ name, folder, spec }) => ({ name, folder, spec })),
        },
        null,
        2,
      )}\n`;
    },

    /**
     * Adds the requests of an exported file (already parsed as its envelope). Beyond the most
     * Veza Desk keeps, the first ones that fit are added and a note says how many were left
     * out; when none fits, the import is refused (SAVED_REQUESTS_LIMIT_REACHED), nothing saved.
     */
    async importEntries(entries: readonly unknown[]): Promise<SavedImportResult> {
      const keys = await deps.knownKeys();
      const read = entries.map((entry, index) => {
        const notes: string[] = [];
        return { request: readImported(entry, index + 1, keys, notes), notes };
      });
      const ready = read.flatMap(({ request }) => request ?? []);
      // Nothing to add: the file stays as it is (not even rewritten).
      if (ready.length === 0)
        return { cancelled: false, imported: 0, notes: boundedNotes(read.flatMap((r) => r.notes)) };
      const at = now().toISOString();
      const imported = await list.commit((items) => {
        const room = Math.max(0, maxRequests - items.length);
        if (room === 0) {
          throw limitReached(
            items.length,
            ready.length === 1
              ? 'The request in the file was not added.'
              : `None of the ${requests(ready.length)} in the file were added.`,
          );
        }
        const fitting = ready.slice(0, room);
        return {
          items: [
            ...items,
            ...fitting.map((entry) => ({ ...entry, id: randomUUID(), savedAt: at })),
          ],
          value: fitting.length,
        };
      });
      const leftOut = ready.length - imported;
      // The notes of requests left out for want of room are not news: the first note covers them.
      const added = new Set(ready.slice(0, imported));
      const notes = read.flatMap(({ request, notes: its }) =>
        request === undefined || added.has(request) ? its : [],
      );
      const limitNote =
        leftOut === 0
          ? []
          : [
              `Only the first ${requests(imported)} of the ${counted(ready.length)} in the file ${imported === 1 ? 'was' : 'were'} added; the other ${counted(leftOut)} (the last ones in the file) ${leftOut === 1 ? 'was' : 'were'} left out, because Veza Desk keeps at most ${counted(maxRequests)} saved requests. To add them, press Delete next to requests you no longer need, then import them again.`,
            ];
      return { cancelled: false, imported, notes: boundedNotes([...limitNote, ...notes]) };
    },
  };
}

export type SavedRequestsStore = Awaited<ReturnType<typeof openSavedRequestsStore>>;
