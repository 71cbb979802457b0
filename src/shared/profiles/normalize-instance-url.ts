import { makeProblem } from '../problems/make-problem';
import type { Problem } from '../problems/problem';
import { hostToUnicode } from './host-to-unicode';

/** Something we changed in the address, told to the user (never changed silently). */
export interface UrlNotice {
  code: 'SCHEME_ADDED' | 'REDUCED_TO_ORIGIN';
  message: string;
}

export type NormalizedUrl =
  | {
      ok: true;
      /** What is stored and used: origin only, host in punycode. */
      baseUrl: string;
      /** The same origin with the host as the user reads it (international names decoded). */
      displayUrl: string;
      notices: UrlNotice[];
    }
  | { ok: false; problem: Problem };

const schemePrefix = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s;

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http:// may be used for (the demo). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** `acme.vezacloud.com:8443` has no scheme; `javascript:alert(1)` and `https://x` do. */
function splitScheme(text: string): { scheme?: string } {
  const match = schemePrefix.exec(text);
  if (!match) return {};
  const [, scheme = '', rest = ''] = match;
  if (rest.startsWith('//')) return { scheme: scheme.toLowerCase() };
  // host:port, possibly followed by a path: no scheme was typed.
  if (/^\d+(?:[/?#]|$)/.test(rest)) return {};
  // user:password@host: no scheme either, but sign-in details (refused further on).
  if (/^[^/?#\s]*@/.test(rest)) return {};
  return { scheme: scheme.toLowerCase() };
}

/**
 * Turns an address as users paste it into the origin Veza Desk stores: adds https:// when no
 * scheme was typed, drops a trailing slash, reduces a page address to its origin (with a
 * notice), and refuses what must never be used: plain http:// to anything but this computer,
 * user names or passwords in the address, and schemes that are not web addresses.
 */
export function normalizeInstanceUrl(typed: string): NormalizedUrl {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: makeProblem('URL_MISSING') };
  const notices: UrlNotice[] = [];
  const { scheme } = splitScheme(text);
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return {
      ok: false,
      problem: makeProblem('URL_UNSUPPORTED_SCHEME', { facts: { scheme: `${scheme}:` } }),
    };
  }
  // Whitespace inside an address is never part of it; URL() would quietly encode some of it.
  if (/\s/.test(text)) return { ok: false, problem: invalid(text) };
  const withScheme = scheme === undefined ? `https://${text}` : text;
  if (scheme === undefined) {
    notices.push({ code: 'SCHEME_ADDED', message: 'https:// was added to the start.' });
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: invalid(text) };
  }
  if (url.username !== '' || url.password !== '' || /^[^/]*\/\/[^/]*@/.test(withScheme)) {
    return { ok: false, problem: makeProblem('URL_HAS_CREDENTIALS') };
  }
  if (url.hostname === '') return { ok: false, problem: invalid(text) };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, problem: makeProblem('URL_NOT_HTTPS', { url: `http://${url.host}` }) };
  }
  const baseUrl = `${url.protocol}//${url.host}`;
  const displayUrl = `${url.protocol}//${hostToUnicode(url.host)}`;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]$/.test(text)) {
    notices.push({
      code: 'REDUCED_TO_ORIGIN',
      message: `Only the server part of the address is kept (${displayUrl}): Veza Desk adds the rest itself.`,
    });
  }
  return { ok: true, baseUrl, displayUrl, notices };
}

function invalid(text: string): Problem {
  // Long pastes are cut so the message stays readable.
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return makeProblem('URL_INVALID', { facts: { url: shown } });
}
