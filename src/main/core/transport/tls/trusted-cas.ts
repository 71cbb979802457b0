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

const contexts = new Map<string, tls.SecureContext>();

/** Bundled roots + OS store (where offered) + the profile's CA file. */
export async function loadTrustStore(caFile: string | undefined): Promise<TrustStore> {
  const extra = caFile ? await readCaFile(caFile) : [];
  const system = readSystemCertificates();
  if (!extra.length && !system.length) return { key: 'bundled' };
  const all = [...new Set([...tls.rootCertificates, ...system, ...extra])];
  const key = createHash('sha256').update(all.join('\n')).digest('hex');
  let secureContext = contexts.get(key);
  if (!secureContext) {
    // Building a context from ~150 roots costs milliseconds: once per distinct CA set.
    secureContext = tls.createSecureContext({ ca: all });
    contexts.set(key, secureContext);
  }
  return { key, secureContext };
}
