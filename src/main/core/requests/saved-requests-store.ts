import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  exportedRequestSchema,
  savedRequestSchema,
  savedRequestsExportFormat,
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
  const list = await openVersionedListFile(
    path.join(deps.folder, savedRequestsFileName),
    savedRequestsFileVersion,
    savedRequestSchema,
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

    /** Adds the requests of an exported file (already parsed as its envelope). */
    async importEntries(entries: readonly unknown[]): Promise<SavedImportResult> {
      const keys = await deps.knownKeys();
      const notes: string[] = [];
      const ready = entries.flatMap(
        (entry, index) => readImported(entry, index + 1, keys, notes) ?? [],
      );
      const at = now().toISOString();
      await list.commit((items) => ({
        items: [...items, ...ready.map((entry) => ({ ...entry, id: randomUUID(), savedAt: at }))],
        value: undefined,
      }));
      return { cancelled: false, imported: ready.length, notes };
    },
  };
}

export type SavedRequestsStore = Awaited<ReturnType<typeof openSavedRequestsStore>>;
