import { makeProblem } from '../problems/make-problem';
import type { Problem } from '../problems/problem';
import type { ProblemCode } from '../problems/problem-codes';

/** Far above any real key; a longer paste is a file or a page, not a key. */
export const maxApiKeyLength = 4096;
/** Shorter than this is a fragment, a key's name or its ID, not a key. */
export const minApiKeyLength = 16;

export interface KeyLint {
  /** Empty when the key looks right. Problems never quote the key. */
  problems: Problem[];
  /**
   * The key with the damage removed, offered only when every problem found has a certain fix
   * (a Bearer prefix, surrounding quotes, whitespace, invisible characters) and the result is
   * well-formed base64. The user must accept it: a key is never changed silently.
   */
  suggestion?: string;
}

// Invisible characters that ride along with copy and paste: zero-width space/joiners, word
// joiner, byte order mark, soft hyphen.
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const invisibleAll = new RegExp(invisible.source, 'g');
const quotePairs: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['\u201C', '\u201D'], // “ ”
  ['\u2018', '\u2019'], // ‘ ’
  ['\u201E', '\u201C'], // „ “
  ['\u00AB', '\u00BB'], // « »
];
const bearerPrefix = /^(?:authorization\s*:\s*)?bearer\s+/i;
// Standard (+/) and URL-safe (-_) base64 alphabets; = only as padding.
const base64Alphabet = /^[A-Za-z0-9+/_-]*={0,2}$/;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stripQuotes(text: string): string | undefined {
  for (const [open, close] of quotePairs) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
      return text.slice(open.length, text.length - close.length);
    }
  }
  return undefined;
}

/** Does this look like a key Veza would accept as base64 at all? */
function isWellFormedBase64(text: string): boolean {
  if (!base64Alphabet.test(text)) return false;
  const padded = text.endsWith('=');
  if (padded ? text.length % 4 !== 0 : text.length % 4 === 1) return false;
  return text.length >= minApiKeyLength && !uuidShape.test(text);
}

/**
 * Catches the damage copy and paste does to a key, before it is saved: whitespace or line
 * breaks, a pasted "Bearer " prefix, quotes (straight or curly), invisible or non-ASCII
 * characters, and text that is not base64 at all.
 */
export function lintApiKey(raw: string): KeyLint {
  if (raw.length > maxApiKeyLength) {
    const limit = `this text has ${raw.length.toLocaleString('en-US')} characters; a key has at most ${maxApiKeyLength.toLocaleString('en-US')}`;
    return { problems: [makeProblem('KEY_TOO_LONG', { facts: { limit } })] };
  }
  const found = new Set<ProblemCode>();
  let uncertain = false;

  let text = raw;
  if (invisible.test(text)) {
    found.add('KEY_INVALID_CHARS');
    text = text.replace(invisibleAll, '');
  }
  if (text.trim() === '') return { problems: [makeProblem('KEY_MISSING')] };

  // Peel wrappers from the outside in: spaces, quotes, a Bearer prefix, in any nesting.
  for (let round = 0; round < 4; round += 1) {
    const before = text;
    const trimmed = text.trim();
    if (trimmed !== text) found.add('KEY_WHITESPACE');
    text = trimmed;
    const unquoted = stripQuotes(text);
    if (unquoted !== undefined) {
      found.add('KEY_QUOTED');
      text = unquoted;
    }
    if (bearerPrefix.test(text)) {
      found.add('KEY_BEARER_PREFIX');
      text = text.replace(bearerPrefix, '');
    }
    if (text === before) break;
  }
  if (/\s/.test(text)) {
    found.add('KEY_WHITESPACE');
    text = text.replace(/\s+/g, '');
  }
  if (text === '') return { problems: [makeProblem('KEY_MISSING')] };
  if (/[^\x20-\x7E]/.test(text)) {
    found.add('KEY_INVALID_CHARS');
    uncertain = true;
  } else if (!isWellFormedBase64(text)) {
    found.add('KEY_NOT_BASE64');
    uncertain = true;
  }

  const problems = [...found].map((code) => makeProblem(code));
  const suggestion = !uncertain && found.size > 0 && text !== raw ? text : undefined;
  return suggestion === undefined ? { problems } : { problems, suggestion };
}
