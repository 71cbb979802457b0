import { close, fstat, open, readFile, stat, type BigIntStats } from 'node:fs';
import { promisify } from 'node:util';
import type { DocumentText } from './document-file';

/**
 * A file this process last read or wrote, kept open so that it can tell cheaply whether the
 * file is still the one it knows (before every change, bench/profile-store.bench.ts). While it
 * is open its inode cannot be freed, so no later file can get the same inode number; writers
 * here only ever replace a file (write-file-atomic.ts), never change one in place, so the same
 * inode with the same size and times is the same content. A stat stamp alone would not do: file
 * times tick in milliseconds and a freed inode number comes straight back.
 *
 * Not on Windows, where a file held open cannot always be replaced: there the file is read and
 * compared every time.
 */
export interface HeldFile {
  /** Whether `file` is still, on disk, the file held here. */
  isStill(file: string): Promise<boolean>;
  release(): void;
}

const canHoldFiles = process.platform !== 'win32';

const openFile = promisify(open);
const fstatFile = promisify(fstat) as (
  fd: number,
  options: { bigint: true },
) => Promise<BigIntStats>;
const statFile = promisify(stat) as (
  file: string,
  options: { bigint: true },
) => Promise<BigIntStats>;
const readText = promisify(readFile) as (fd: number, encoding: 'utf8') => Promise<string>;
const closeQuietly = (fd: number) => close(fd, () => {});

// A raw descriptor, not a FileHandle: a store dropped without close() (tests, a CLI command)
// gives its descriptor back here, where a FileHandle would warn when collected.
const dropped = new FinalizationRegistry<number>(closeQuietly);

const stampOf = (info: BigIntStats): string =>
  `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;

function heldFile(fd: number, info: BigIntStats): HeldFile {
  const stamp = stampOf(info);
  let open = true;
  const held: HeldFile = {
    isStill: (file) =>
      statFile(file, { bigint: true }).then(
        (now) => open && stampOf(now) === stamp,
        () => false,
      ),
    release: () => {
      if (!open) return;
      open = false;
      dropped.unregister(held);
      closeQuietly(fd);
    },
  };
  dropped.register(held, fd, held);
  return held;
}

/** Holds `file` as it is now (the store just wrote it, under the folder's lock). */
export async function holdFileAt(file: string): Promise<HeldFile | undefined> {
  if (!canHoldFiles) return undefined;
  const fd = await openFile(file, 'r');
  try {
    return heldFile(fd, await fstatFile(fd, { bigint: true }));
  } catch (error) {
    closeQuietly(fd);
    throw error;
  }
}

/** Reads the file's text, and holds it where files can be held. Never throws. */
export async function readAndHoldText(
  file: string,
): Promise<{ read: DocumentText; held?: HeldFile }> {
  let fd: number;
  try {
    fd = await openFile(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { read: { kind: 'missing' } };
    return { read: { kind: 'error', error: code ?? 'unknown error' } };
  }
  try {
    // The stamp first, then the text through the same descriptor: the text is the held file's.
    const info = await fstatFile(fd, { bigint: true });
    const text = await readText(fd, 'utf8');
    if (!canHoldFiles) {
      closeQuietly(fd);
      return { read: { kind: 'text', text } };
    }
    return { read: { kind: 'text', text }, held: heldFile(fd, info) };
  } catch (error) {
    closeQuietly(fd);
    return {
      read: { kind: 'error', error: (error as NodeJS.ErrnoException).code ?? 'unknown error' },
    };
  }
}
