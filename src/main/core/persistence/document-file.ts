import { readFile } from 'node:fs/promises';

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

export function serializeDocument<D>(format: DocumentFormat<D>, document: D): string {
  const data = { version: format.version, ...format.write(document) };
  return `${format.pretty === false ? JSON.stringify(data) : JSON.stringify(data, null, 2)}\n`;
}

/** The file's text as read once: there, missing, or not readable. */
export type DocumentText =
  { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'error'; error: string };

/** Reads the file's text; never throws. */
export async function readDocumentText(file: string): Promise<DocumentText> {
  try {
    return { kind: 'text', text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'error', error: code ?? 'unknown error' };
  }
}

/** Checks what was read: this format, its version, its entries. Changes nothing on disk. */
export function parseDocumentText<D>(read: DocumentText, format: DocumentFormat<D>): FileState<D> {
  if (read.kind === 'missing') return { kind: 'missing' };
  if (read.kind === 'error') return { kind: 'unreadable', error: read.error };
  const { text } = read;
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
  const parsed = format.read(data as Record<string, unknown>);
  if (!parsed) return { kind: 'damaged', reason: `not a ${format.fileName} file` };
  return { kind: 'ok', ...parsed };
}
