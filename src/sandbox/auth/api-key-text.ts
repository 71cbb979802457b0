import { randomBytes } from 'node:crypto';
import type { KeyKind } from '../model/identity-types';

// Key text: base64 of "veza-sandbox:<kind>:<label>:<random hex>". Base64 like Veza's keys, so
// the app's key lint treats it as real, yet nobody can mistake it for a real secret once
// decoded, and secret scanners have no pattern to match.

const prefix = 'veza-sandbox';
const base64Text = /^[A-Za-z0-9+/]+={0,2}$/;
const decodedShape = /^veza-sandbox:(personal|team):[a-z0-9-]{1,40}:[0-9a-f]{32}$/;

export function makeKeyText(kind: KeyKind, label: string): string {
  const safeLabel =
    label
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 40) || 'key';
  return Buffer.from(`${prefix}:${kind}:${safeLabel}:${randomBytes(16).toString('hex')}`).toString(
    'base64',
  );
}

/**
 * How a Bearer token reads before any lookup, in the words of Veza's docs (seed): not base64
 * = "Invalid API key"; base64 but not what a key decodes to = "Malformed API key".
 */
export function classifyKeyText(token: string): 'not-base64' | 'malformed' | 'well-formed' {
  if (token.length % 4 !== 0 || !base64Text.test(token)) return 'not-base64';
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  return decodedShape.test(decoded) ? 'well-formed' : 'malformed';
}
