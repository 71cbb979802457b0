import { readFile, stat } from 'node:fs/promises';

/**
 * How one kind of file in the data folder is read and written: `{ "version": n, ...body }`.
 * The store (document-store.ts) does everything else the same way for every file.
 */
export interface DocumentFormat<D> {
  /** The file's name in the data folder, e.g. "profiles.json". */
  fileName: string;
  /** Bump when an older Veza Desk could not read the file safely. */
  version: number;
  empty: () => D;
  /**
   * The document in the file's data (its version already checked), with the entries that fail
   * their schema left out and counted. Undefined when the data is not this kind of file.
   */
  read: (data: Record<string, unknown>) => { document: D; leftOut: number } | undefined;
  /** The body written next to `version`. */
  write: (document: D) => Record<string, unknown>;
  /** Keep the previous file as "<name>.bak", to recover from when the file is damaged. */
  backup?: boolean;
  /** Pretty-printed (files people may open), or one line (large files such as the history). */
  pretty?: boolean;
}

/** What is on disk, read once. */
export type FileState<D> =
  | { kind: 'missing' }
  | { kind: 'unreadable'; error: string }
  | { kind: 'too-new'; version: number }
  | { kind: 'damaged'; reason: string }
  | { kind: 'ok'; document: D; leftOut: number };

/** Identifies one version of the file: an atomic write makes a new inode, an edit a new mtime. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs);

/** The file's stamp, or undefined when it does not exist (or cannot be looked at). */
export async function stampOf(file: string): Promise<FileStamp | undefined> {
  try {
    const info = await stat(file);
    return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

export function serializeDocument<D>(format: DocumentFormat<D>, document: D): string {
  const data = { version: format.version, ...format.write(document) };
  return `${format.pretty === false ? JSON.stringify(data) : JSON.stringify(data, null, 2)}\n`;
}

/** Reads and checks the file; never throws, never changes anything on disk. */
export async function readDocumentFile<D>(
  file: string,
  format: DocumentFormat<D>,
): Promise<FileState<D>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', error: code ?? 'unknown error' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: `not valid JSON (${text.length} bytes)` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'damaged', reason: `not a ${format.fileName} file` };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'damaged', reason: 'no valid version' };
  }
  if (version > format.version) return { kind: 'too-new', version };
  const read = format.read(data as Record<string, unknown>);
  if (!read) return { kind: 'damaged', reason: `not a ${format.fileName} file` };
  return { kind: 'ok', ...read };
}
