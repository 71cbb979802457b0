/**
 * Finding API keys in any bytes: as sent, URL-encoded (either hex case), base64 at each of
 * the three offsets a key can start at inside a larger base64 text (so an inline body sent as
 * base64 is searched too), base64url, and, for a key that is itself base64, its decoded bytes.
 * A hit names the key by a label and the form, never by its text.
 */

/** Keys shorter than this are not searched: they would match by chance. */
export const shortestSearchedKey = 12;

export interface KnownKey {
  key: string;
  /** Where the key came from, for a hit's message ("sandbox key admin", "keychain entry"). */
  source: string;
}

export interface KeyHit {
  /** The key's label: its number and source, never its text. */
  key: string;
  form: string;
}

interface Needle {
  keyIndex: number;
  form: string;
  bytes: Buffer;
}

/** The base64 text of `bytes` placed at `offset` (0..2) in a longer text, minus the edges. */
function base64Core(bytes: Buffer, offset: number): string {
  const text = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
  const start = offset === 0 ? 0 : 4;
  const end = (offset + bytes.length) % 3 === 0 ? text.length : text.length - 4;
  return text.slice(start, end);
}

export function formsOf(key: string): { form: string; bytes: Buffer }[] {
  const raw = Buffer.from(key);
  const encoded = encodeURIComponent(key);
  const forms: { form: string; bytes: Buffer }[] = [{ form: 'as is', bytes: raw }];
  if (encoded !== key) {
    forms.push({ form: 'URL-encoded', bytes: Buffer.from(encoded) });
    const lower = encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    if (lower !== encoded) forms.push({ form: 'URL-encoded', bytes: Buffer.from(lower) });
  }
  for (const offset of [0, 1, 2]) {
    const core = base64Core(raw, offset);
    forms.push({ form: 'base64', bytes: Buffer.from(core) });
    const url = core.replace(/\+/g, '-').replace(/\//g, '_');
    if (url !== core) forms.push({ form: 'base64url', bytes: Buffer.from(url) });
  }
  const decoded = Buffer.from(key, 'base64');
  if (decoded.toString('base64') === key && decoded.length >= shortestSearchedKey) {
    forms.push({ form: 'base64-decoded', bytes: decoded });
  }
  return forms.filter((form) => form.bytes.length >= 8);
}

const anchorLength = 8;
const tableBits = 24;

/** Rolling hash of `length` bytes from `at` (32 bits, base 257). */
function hashAt(bytes: Uint8Array, at: number): number {
  let hash = 0;
  for (let i = 0; i < anchorLength; i += 1)
    hash = (Math.imul(hash, 257) + (bytes[at + i] ?? 0)) | 0;
  return hash >>> 0;
}

/**
 * Many keys in many forms searched at once (Rabin-Karp on an 8-byte anchor): one pass over
 * each text whatever the number of keys.
 */
export class KeySearch {
  readonly keys: readonly KnownKey[];
  readonly skipped: number;
  readonly needleCount: number;
  private readonly table = new Uint8Array(1 << tableBits);
  private readonly byHash = new Map<number, Needle[]>();
  private readonly outgoing: number;

  constructor(keys: Iterable<KnownKey>) {
    const unique = new Map<string, KnownKey>();
    let skipped = 0;
    for (const known of keys) {
      if (known.key.length < shortestSearchedKey) skipped += 1;
      else if (!unique.has(known.key)) unique.set(known.key, known);
    }
    this.keys = [...unique.values()];
    this.skipped = skipped;
    let count = 0;
    this.keys.forEach((known, keyIndex) => {
      for (const { form, bytes } of formsOf(known.key)) {
        const hash = hashAt(bytes, 0);
        this.table[hash >>> (32 - tableBits)] = 1;
        const list = this.byHash.get(hash) ?? [];
        list.push({ keyIndex, form, bytes });
        this.byHash.set(hash, list);
        count += 1;
      }
    });
    this.needleCount = count;
    // 257^anchorLength mod 2^32: what the byte leaving the window weighed.
    let weight = 1;
    for (let i = 0; i < anchorLength; i += 1) weight = Math.imul(weight, 257);
    this.outgoing = weight;
  }

  label(keyIndex: number): string {
    return `key #${keyIndex + 1} (${this.keys[keyIndex]?.source ?? 'unknown'})`;
  }

  /** Every key form in `data`, each key and form once. */
  find(data: Buffer | string): KeyHit[] {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const hits = new Map<string, KeyHit>();
    if (bytes.length < anchorLength || this.byHash.size === 0) return [];
    let hash = hashAt(bytes, 0);
    for (let at = 0; ; at += 1) {
      if (this.table[hash >>> (32 - tableBits)] === 1) {
        for (const needle of this.byHash.get(hash) ?? []) {
          const end = at + needle.bytes.length;
          if (end <= bytes.length && bytes.subarray(at, end).equals(needle.bytes)) {
            const key = this.label(needle.keyIndex);
            hits.set(`${key} ${needle.form}`, { key, form: needle.form });
          }
        }
      }
      if (at + anchorLength >= bytes.length) break;
      hash =
        (Math.imul(hash, 257) -
          Math.imul(bytes[at] ?? 0, this.outgoing) +
          (bytes[at + anchorLength] ?? 0)) |
        0;
      hash >>>= 0;
    }
    return [...hits.values()];
  }
}

/** "key #3 (…) as is; key #3 (…) base64" for a message. */
export const describeHits = (hits: readonly KeyHit[]): string =>
  hits.map((hit) => `${hit.key} ${hit.form}`).join('; ');
