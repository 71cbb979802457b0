import { createHash, X509Certificate } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import tls from 'node:tls';
import { ProblemError } from '../../problem-error';

/** The certificate authorities one call trusts, ready for tls.connect. */
export interface TrustStore {
  /** Stable identity of the CA set, so connections are shared only under the same trust. */
  key: string;
  /** undefined = Node's bundled roots only (its built-in store, the cheapest to use). */
  secureContext?: tls.SecureContext;
  /** The certificate authorities in secureContext (undefined: Node's bundled roots). */
  ca?: readonly string[];
}

// Node 24 / Electron 45 read the OS store (`tls.getCACertificates('system')`); Node 20 does
// not have it, and then the OS store is simply not consulted.
type GetCaCertificates = (kind: 'default' | 'system' | 'bundled' | 'extra') => string[];
let systemCertificates: string[] | undefined;
function readSystemCertificates(): string[] {
  if (!systemCertificates) {
    const get = (tls as unknown as { getCACertificates?: GetCaCertificates }).getCACertificates;
    try {
      systemCertificates = get?.('system') ?? [];
    } catch {
      systemCertificates = [];
    }
  }
  return systemCertificates;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** A CA file holds a few certificates of a few KB each: anything larger is not one. */
export const MAX_CA_FILE_BYTES = 1024 * 1024;

function invalid(raw: string, path: string, errorCode?: string): ProblemError {
  return ProblemError.of('CA_FILE_INVALID', {
    raw,
    ...(errorCode && { errorCode }),
    facts: { file: path },
  });
}

/** Why a file is not a certificate file, in words for an admin; undefined if it may be one. */
function refusalOf(stats: Stats): string | undefined {
  if (stats.isDirectory()) return 'The CA file is a folder, not a certificate file.';
  if (stats.isFIFO())
    return 'The CA file is a special file (a named pipe), not a certificate file.';
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return 'The CA file is a special file (a device), not a certificate file.';
  if (stats.isSocket()) return 'The CA file is a special file (a socket), not a certificate file.';
  if (!stats.isFile()) return 'The CA file is a special file, not a certificate file.';
  if (stats.size > MAX_CA_FILE_BYTES)
    return 'The CA file is larger than 1 MB: it is not a certificate file.';
  return undefined;
}

const UNREADABLE: Record<string, string> = {
  ENOENT: 'There is no CA file at this place any more',
  ENOTDIR: 'There is no CA file at this place any more',
  EACCES: 'Veza Desk is not allowed to open the CA file',
  EPERM: 'Veza Desk is not allowed to open the CA file',
};

function unreadable(error: unknown, path: string): ProblemError {
  const code = (error as NodeJS.ErrnoException).code;
  const words = (code && UNREADABLE[code]) ?? 'The CA file could not be read';
  return invalid(`${words} (${code ?? 'error'}).`, path, code);
}

/**
 * Reads at most MAX_CA_FILE_BYTES + 1 bytes of a regular file. The path is checked before it
 * is opened (opening a device may itself do something), opened non-blocking (a named pipe
 * would otherwise wait for a writer) and checked again through the handle (the path may have
 * been swapped in between). `state.abandoned` stops the reading once the caller gave up.
 */
async function readRegularFile(path: string, state: { abandoned: boolean }): Promise<Buffer> {
  const refusal = refusalOf(await stat(path));
  if (refusal) throw invalid(refusal, path);
  // O_NONBLOCK is undefined on Windows, where opening a pipe path does not wait anyway.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = refusalOf(await handle.stat());
    if (opened) throw invalid(opened, path);
    const buffer = Buffer.alloc(MAX_CA_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length && !state.abandoned) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // The file grew after it was checked.
    if (length > MAX_CA_FILE_BYTES)
      throw invalid('The CA file is larger than 1 MB: it is not a certificate file.', path);
    return buffer.subarray(0, length);
  } finally {
    await handle.close().catch(() => {});
  }
}

/** The file's bytes, or CA_FILE_INVALID when they do not arrive within `timeoutMs`. */
async function readWithin(path: string, timeoutMs: number): Promise<Buffer> {
  const state = { abandoned: false };
  const reading = readRegularFile(path, state).catch((error: unknown) => {
    throw error instanceof ProblemError ? error : unreadable(error, path);
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      state.abandoned = true;
      const seconds = Math.round(timeoutMs / 100) / 10;
      reject(
        invalid(
          `The CA file could not be read within ${seconds} s: the disk or network drive it is on may be slow or unavailable.`,
          path,
        ),
      );
    }, timeoutMs);
  });
  // Once given up, whatever the reading ends with is nobody's concern (its handle closes itself).
  reading.catch(() => {});
  try {
    return await Promise.race([reading, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads a PEM file of one or more certificates; anything else is CA_FILE_INVALID: a file that
 * is not a regular file of at most 1 MB, or that cannot be read within `timeoutMs` (the
 * call's connect timeout), is refused without waiting or reading it whole.
 */
export async function readCaFile(path: string, timeoutMs: number): Promise<string[]> {
  const text = (await readWithin(path, timeoutMs)).toString('utf8');
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (!blocks.length) {
    throw invalid('The CA file contains no PEM certificate (-----BEGIN CERTIFICATE-----).', path);
  }
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw invalid(
        `Certificate ${index + 1} in the CA file cannot be read: ${(error as Error).message}`,
        path,
      );
    }
  }
  return blocks;
}

const contexts = new Map<string, TrustStore>();

function trustStoreOf(extra: readonly string[]): TrustStore {
  const system = readSystemCertificates();
  if (!extra.length && !system.length) return { key: 'bundled' };
  const all = [...new Set([...tls.rootCertificates, ...system, ...extra])];
  const key = createHash('sha256').update(all.join('\n')).digest('hex');
  let store = contexts.get(key);
  if (!store) {
    // Building a context from ~150 roots costs milliseconds: once per distinct CA set.
    store = { key, secureContext: tls.createSecureContext({ ca: all }), ca: all };
    contexts.set(key, store);
  }
  return store;
}

let defaultStore: TrustStore | undefined;
/** Bundled roots + OS store (where offered): what a profile without a CA file trusts. */
export function defaultTrustStore(): TrustStore {
  defaultStore ??= trustStoreOf([]);
  return defaultStore;
}

// A CA file is read again at most every few seconds: edits to it are picked up without
// reading and hashing ~150 roots on every request.
const FILE_TTL_MS = 5_000;
const byFile = new Map<string, { readAt: number; store: TrustStore }>();

/**
 * Bundled roots + OS store (where offered) + the profile's CA file, read within `timeoutMs`
 * (the call's connect timeout).
 */
export async function loadTrustStore(caFile: string, timeoutMs: number): Promise<TrustStore> {
  const cached = byFile.get(caFile);
  if (cached && Date.now() - cached.readAt < FILE_TTL_MS) return cached.store;
  const store = trustStoreOf(await readCaFile(caFile, timeoutMs));
  byFile.set(caFile, { readAt: Date.now(), store });
  return store;
}
