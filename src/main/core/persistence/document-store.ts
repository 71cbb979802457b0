import { watch, type FSWatcher } from 'node:fs';
import { link, mkdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { ProblemError } from '../problem-error';
import {
  parseDocumentText,
  readDocumentText,
  serializeDocument,
  type DocumentFormat,
  type FileState,
} from './document-file';
import { withFolderLock } from './folder-lock';
import { setAsideFile } from './set-aside-file';
import { holdFileAt, readAndHoldText, type HeldFile } from './held-file';
import { removeDeadWritersTempFiles, tempFileFor, writeFileAtomic } from './write-file-atomic';

export interface DocumentStatus {
  /** Changes are refused: the file is from a newer Veza Desk, unreadable, or only inspected. */
  readOnly: boolean;
  /** What the user is told once: the file was damaged and set aside, or is too new. */
  problem?: Problem;
}

/**
 * One file the app keeps, the same way for every file: atomic writes, the previous version
 * kept (if the format asks), a damaged file set aside and never overwritten, a newer file left
 * untouched (read-only, with a message), and several processes on one data folder: every change
 * is made under the folder's lock on the file as it is on disk then, so nobody's change is lost.
 */
export interface DocumentStore<D> {
  readonly file: string;
  current(): D;
  status(): DocumentStatus;
  /**
   * Applies one change to the file as it is now and saves it. Changes run one at a time (those
   * that arrive while a write is in flight are saved together); memory follows only once the
   * file holds the change, so a refused or failed write changes nothing.
   */
  commit<R>(change: (document: D) => { document: D; value: R }): Promise<R>;
  /** Reads the file again if another process changed it; answers whether it did. */
  refresh(): Promise<boolean>;
  /** Stops watching the file. */
  close(): void;
}

export interface OpenDocumentOptions<D> {
  /** Only look (the CLI's read-only commands): nothing on disk is moved or written. */
  inspectOnly?: boolean;
  /**
   * Watch the file and call this when another process changed it (the app shows profiles a
   * CLI added without a restart). Not called for this store's own writes.
   */
  onExternalChange?: (document: D) => void;
  /** Problem codes for this file; the generic ones name the file. */
  problems?: { damaged?: Problem['code']; tooNew?: Problem['code'] };
}

type Pending<D> = {
  change: (document: D) => { document: D; value: unknown };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

const unwritable = (file: string, error: unknown): ProblemError =>
  error instanceof ProblemError
    ? error
    : ProblemError.of('FILE_UNWRITABLE', {
        errorCode: (error as NodeJS.ErrnoException).code,
        facts: { file: path.basename(file) },
      });

/**
 * Keeps the file being replaced as "<name>.bak". A hard link costs no copy: after the atomic
 * rename of the new file the old content is reachable under the backup name only.
 */
async function keepBackup(file: string): Promise<void> {
  const backup = `${file}.bak`;
  const temp = tempFileFor(backup);
  try {
    await link(file, temp);
    await rename(temp, backup);
  } catch (error) {
    await unlink(temp).catch(() => {});
    // No hard links on this file system (some network or FAT drives): copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const previous = await readFile(file).catch(() => undefined);
      if (previous) await writeFileAtomic(backup, previous);
    }
  }
}

export async function openDocumentStore<D>(
  folder: string,
  format: DocumentFormat<D>,
  options: OpenDocumentOptions<D> = {},
): Promise<DocumentStore<D>> {
  const file = path.join(folder, format.fileName);
  const codes = {
    damaged: options.problems?.damaged ?? 'DATA_FILE_DAMAGED',
    tooNew: options.problems?.tooNew ?? 'DATA_FILE_TOO_NEW',
  };
  const facts = { file: format.fileName };
  let document: D = format.empty();
  /**
   * The file's text as this store last read or wrote it (undefined: no file). Compared with
   * what is on disk before every change: a stat stamp is not enough, since file times tick in
   * milliseconds and a freed inode number comes straight back, so two quick writes of the same
   * size by two processes can look alike.
   */
  let known: string | undefined;
  /** That same file, held open: when it is still the file on disk, it need not be read again. */
  let held: HeldFile | undefined;
  const hold = (next: HeldFile | undefined) => {
    held?.release();
    held = next;
  };
  let status: DocumentStatus = { readOnly: options.inspectOnly === true };

  /** Writes the file's new text, and holds it (held-file.ts). */
  const replaceWith = async (text: string): Promise<void> => {
    await writeFileAtomic(file, text);
    known = text;
    // Still under the lock: the file there now is the one just written.
    hold(await holdFileAt(file).catch(() => undefined));
  };

  const write = async (next: D): Promise<void> => {
    if (format.backup) await keepBackup(file);
    await replaceWith(serializeDocument(format, next));
  };

  /** What a state on disk means for the store; damaged files are handled by `recover`. */
  const adopt = (state: FileState<D>): boolean => {
    switch (state.kind) {
      case 'missing':
        document = format.empty();
        return true;
      case 'unreadable':
        status = {
          readOnly: true,
          problem: makeProblem('FILE_UNREADABLE', { raw: `${format.fileName}: ${state.error}` }),
        };
        return true;
      case 'too-new':
        status = {
          readOnly: true,
          problem: makeProblem(codes.tooNew, {
            facts,
            raw: `${format.fileName} has version ${state.version}; this Veza Desk reads up to ${format.version}`,
          }),
        };
        return true;
      case 'ok':
        if (state.leftOut > 0) return false;
        document = state.document;
        return true;
      case 'damaged':
        return false;
    }
  };

  /**
   * A damaged file, or one with entries that fail their schema: keep what can be kept (its
   * valid entries, else the backup), set the original aside under a new name, write the rest.
   */
  const recover = async (state: FileState<D>): Promise<void> => {
    let kept = state.kind === 'ok' ? state.document : format.empty();
    let from = state.kind === 'ok' ? 'its valid entries' : 'nothing';
    // The same, in the user's words (the problem's explanation).
    let keptInWords =
      state.kind === 'ok'
        ? `everything in it that could still be read (${state.leftOut} ${state.leftOut === 1 ? 'entry' : 'entries'} could not)`
        : 'nothing from it: it starts again empty';
    const reason =
      state.kind === 'ok'
        ? `${state.leftOut} entr${state.leftOut === 1 ? 'y' : 'ies'} could not be read`
        : state.kind === 'damaged'
          ? state.reason
          : state.kind;
    if (state.kind === 'damaged' && format.backup) {
      const backup = parseDocumentText(await readDocumentText(`${file}.bak`), format);
      if (backup.kind === 'ok') {
        kept = backup.document;
        from = `${format.fileName}.bak`;
        keptInWords = 'the copy saved before its last change';
      }
    }
    let where = 'left in place (only looked at)';
    let aside = `${format.fileName} (it was only looked at)`;
    let readOnly = options.inspectOnly === true;
    if (!options.inspectOnly) {
      try {
        aside = await setAsideFile(file);
        where = `set aside as ${aside}`;
        await replaceWith(serializeDocument(format, kept));
      } catch (error) {
        // Could not move it: keep it untouched and change nothing rather than overwrite it.
        where = `could not be set aside (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
        aside = `${format.fileName} (it could not be moved, so nothing is saved into it)`;
        readOnly = true;
      }
    }
    document = kept;
    status = {
      readOnly,
      problem: makeProblem(codes.damaged, {
        facts: { ...facts, aside, kept: keptInWords },
        raw: `${format.fileName}: ${reason}; ${where}; kept ${from}`,
      }),
    };
  };

  /** Reads the file as it is now (and holds it). */
  const readNow = async () => {
    const { read, held: now } = await readAndHoldText(file);
    // Only looking: no change will need to know whether it is still this file.
    if (options.inspectOnly) now?.release();
    else hold(now);
    return read;
  };

  const load = async (): Promise<void> => {
    const read = await readNow();
    known = read.kind === 'text' ? read.text : undefined;
    const state = parseDocumentText(read, format);
    if (!adopt(state)) await recover(state);
  };

  try {
    if (options.inspectOnly) await load();
    else {
      await mkdir(folder, { recursive: true });
      await withFolderLock(file, async () => {
        await removeDeadWritersTempFiles(folder);
        await load();
      });
    }
  } catch (error) {
    // The data folder cannot be made, locked or used: say so, and stay usable read-only.
    status = { readOnly: true, problem: unwritable(file, error).problem };
  }

  /** Under the lock: the file as another process may have left it, before changing it. */
  const catchUp = async (): Promise<boolean> => {
    if (held && (await held.isStill(file))) return false;
    const read = await readNow();
    const text = read.kind === 'text' ? read.text : undefined;
    if (text === known && read.kind !== 'error') return false;
    known = text;
    const state = parseDocumentText(read, format);
    if (state.kind === 'ok' && state.leftOut === 0) {
      document = state.document;
      return true;
    }
    if (state.kind === 'missing') {
      document = format.empty();
      return true;
    }
    // Another process left it damaged (set aside, as at start) or newer (never written over).
    if (!adopt(state)) await recover(state);
    return true;
  };

  let pending: Pending<D>[] = [];
  let writing = false;
  const writeBatches = async (): Promise<void> => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      // Each change's answer, given once the lock is released: whoever is told "saved" may
      // at once start another process that changes the file.
      const answers: Array<() => void> = [];
      try {
        await withFolderLock(file, async () => {
          await catchUp();
          if (status.readOnly)
            throw new ProblemError(status.problem ?? makeProblem('INTERNAL_ERROR'));
          let next = document;
          const applied: Array<{ entry: Pending<D>; value: unknown }> = [];
          for (const entry of batch) {
            try {
              const result = entry.change(next);
              next = result.document;
              applied.push({ entry, value: result.value });
            } catch (error) {
              answers.push(() => entry.reject(error));
            }
          }
          if (applied.length === 0) return;
          try {
            await write(next);
          } catch (error) {
            const problem = unwritable(file, error);
            for (const { entry } of applied) answers.push(() => entry.reject(problem));
            return;
          }
          document = next;
          for (const { entry, value } of applied) answers.push(() => entry.resolve(value));
        });
      } catch (error) {
        // The lock could not be had, or the file turned read-only: nothing of this batch landed.
        const problem = unwritable(file, error);
        answers.length = 0;
        for (const entry of batch) answers.push(() => entry.reject(problem));
      }
      for (const answer of answers) answer();
    }
    writing = false;
  };

  const refresh = async (): Promise<boolean> => {
    if (writing) return false;
    const changed = await catchUp().catch(() => false);
    if (changed) options.onExternalChange?.(document);
    return changed;
  };

  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (options.onExternalChange && !options.inspectOnly) {
    try {
      // The folder, not the file: an atomic write replaces the file, which ends a file watch.
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name !== format.fileName) return;
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), 50);
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      // No watching here (some network drives): changes show at the next change or start.
    }
  }

  return {
    file,
    current: () => document,
    status: () => status,
    commit<R>(change: (current: D) => { document: D; value: R }): Promise<R> {
      if (status.readOnly) {
        return Promise.reject(
          new ProblemError(
            status.problem ??
              makeProblem('FILE_UNWRITABLE', { facts, raw: `${format.fileName}: only looked at` }),
          ),
        );
      }
      return new Promise<R>((resolve, reject) => {
        pending.push({
          change: change as Pending<D>['change'],
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        if (!writing) void writeBatches();
      });
    },
    refresh,
    close: () => {
      clearTimeout(timer);
      watcher?.close();
      hold(undefined);
    },
  };
}
