import { createHash, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { ProblemError } from '../../problem-error';

/** The certificate authorities one call trusts, ready for tls.connect. */
export interface TrustStore {
  /** Stable identity of the CA set, so connections are shared only under the same trust. */
  key: string;
  /** undefined = Node's bundled roots only (its built-in store, the cheapest to use). */
  secureContext?: tls.SecureContext;
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

/** Reads a PEM file of one or more certificates; anything else is CA_FILE_INVALID. */
export async function readCaFile(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw ProblemError.of('CA_FILE_INVALID', {
      raw: `The CA file could not be read (${code ?? 'error'}).`,
      errorCode: code,
      facts: { file: path },
    });
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (!blocks.length) {
    throw ProblemError.of('CA_FILE_INVALID', {
      raw: 'The CA file contains no PEM certificate (-----BEGIN CERTIFICATE-----).',
      facts: { file: path },
    });
  }
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw ProblemError.of('CA_FILE_INVALID', {
        raw: `Certificate ${index + 1} in the CA file cannot be read: ${(error as Error).message}`,
        facts: { file: path },
      });
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
    store = { key, secureContext: tls.createSecureContext({ ca: all }) };
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

/** Bundled roots + OS store (where offered) + the profile's CA file. */
export async function loadTrustStore(caFile: string): Promise<TrustStore> {
  const cached = byFile.get(caFile);
  if (cached && Date.now() - cached.readAt < FILE_TTL_MS) return cached.store;
  const store = trustStoreOf(await readCaFile(caFile));
  byFile.set(caFile, { readAt: Date.now(), store });
  return store;
}
