import path from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../../../shared/problems/problem';
import type { DocumentFormat } from './document-file';
import { openDocumentStore } from './document-store';

/**
 * A file in the data folder holding one versioned list (`{ version, items }`), for history and
 * saved requests: the document store (document-store.ts) with a list format. An entry that
 * fails its schema is left out and the file set aside; a file from a newer Veza Desk is left
 * untouched and every change refused with a message.
 */
export interface VersionedListFile<T> {
  readonly file: string;
  /** The problem met while loading, to show: damaged (set aside) or too new (read-only). */
  readonly loadProblem?: Problem;
  /** Changes are refused (too new, unreadable): nothing on disk may be removed on its account. */
  readonly readOnly: boolean;
  /** The file was read as it is, nothing left out: what it does not name is really gone. */
  readonly loadedWhole: boolean;
  items(): readonly T[];
  /** Applies one change to the list as it is on disk and saves it; memory follows the disk. */
  commit<R>(change: (items: readonly T[]) => { items: T[]; value: R }): Promise<R>;
}

export function listFormat<T>(
  fileName: string,
  version: number,
  item: z.ZodType<T>,
  /** More than the window may be sent (the contract's bound): the rest is left out. */
  maxItems: number,
): DocumentFormat<T[]> {
  return {
    fileName,
    version,
    empty: () => [],
    pretty: false,
    read: (data) => {
      if (data.version !== version || !Array.isArray(data.items)) return undefined;
      const items = data.items.slice(0, maxItems).flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
      return { document: items, leftOut: data.items.length - items.length };
    },
    write: (items) => ({ items }),
  };
}

export async function openVersionedListFile<T>(
  file: string,
  version: number,
  item: z.ZodType<T>,
  maxItems: number,
): Promise<VersionedListFile<T>> {
  const store = await openDocumentStore(
    path.dirname(file),
    listFormat(path.basename(file), version, item, maxItems),
  );
  const { problem, readOnly } = store.status();
  return {
    file,
    ...(problem ? { loadProblem: problem } : {}),
    readOnly,
    loadedWhole: problem === undefined,
    items: () => store.current(),
    commit: (change) =>
      store.commit((items) => {
        const next = change(items);
        return { document: next.items, value: next.value };
      }),
  };
}
