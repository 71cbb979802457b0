import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { ProblemError } from '../problem-error';
import { setAsideFile } from './set-aside-file';
import { writeFileAtomic } from './write-file-atomic';

/**
 * A small JSON file in the data folder holding one versioned list (`{ version, items }`),
 * for history and saved requests. Loading never fails: a damaged file is set aside (as the
 * profiles file is) and the list starts empty; invalid entries are left out; a file from a
 * newer Veza Desk is left untouched and the list is kept in memory only.
 */
export interface VersionedListFile<T> {
  readonly file: string;
  /** The problem met while loading, to show once. */
  readonly loadProblem?: Problem;
  items(): readonly T[];
  /** Applies one change and saves it; changes run one at a time, memory follows the disk. */
  commit<R>(change: (items: readonly T[]) => { items: T[]; value: R }): Promise<R>;
}

type Loaded<T> = { items: T[]; readOnly: boolean; problem?: Problem };

async function load<T>(file: string, version: number, item: z.ZodType<T>): Promise<Loaded<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { items: [], readOnly: false };
    return {
      items: [],
      readOnly: true,
      problem: makeProblem('FILE_UNREADABLE', { raw: `${path.basename(file)}: ${code}` }),
    };
  }
  let data: { version?: unknown; items?: unknown } | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) data = parsed;
  } catch {
    // Damaged: handled below.
  }
  const fileVersion = data?.version;
  if (typeof fileVersion === 'number' && Number.isInteger(fileVersion) && fileVersion > version) {
    return { items: [], readOnly: true };
  }
  if (!data || fileVersion !== version || !Array.isArray(data.items)) {
    const where = await setAsideFile(file).catch(() => undefined);
    return {
      items: [],
      readOnly: where === undefined,
      problem: makeProblem('DATA_FILE_DAMAGED', {
        facts: { file: path.basename(file) },
        raw: where ? `set aside as ${where}` : 'could not be set aside; left untouched',
      }),
    };
  }
  const items = data.items.flatMap((entry) => {
    const parsed = item.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  return { items, readOnly: false };
}

export async function openVersionedListFile<T>(
  file: string,
  version: number,
  item: z.ZodType<T>,
): Promise<VersionedListFile<T>> {
  const loaded = await load(file, version, item);
  let items: readonly T[] = loaded.items;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    file,
    ...(loaded.problem ? { loadProblem: loaded.problem } : {}),
    items: () => items,
    commit<R>(change: (current: readonly T[]) => { items: T[]; value: R }): Promise<R> {
      const run = async (): Promise<R> => {
        const next = change(items);
        if (!loaded.readOnly) {
          try {
            await writeFileAtomic(file, `${JSON.stringify({ version, items: next.items })}\n`);
          } catch (error) {
            throw ProblemError.of('FILE_UNWRITABLE', {
              errorCode: (error as NodeJS.ErrnoException).code,
              facts: { file: path.basename(file) },
            });
          }
        }
        items = next.items;
        return next.value;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => {});
      return result;
    },
  };
}
