import type { RequestRow } from './request-spec';

/** decodeURIComponent that leaves a malformed sequence as written instead of throwing. */
function decodeText(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * Decodes a path for display and editing, but keeps encoded the signs that would change its
 * meaning once decoded ("/", "?", "#", and "%" itself when it would read as an escape).
 */
export function decodePath(path: string): string {
  return path
    .split(/(%2F|%3F|%23|%25(?=[0-9A-Fa-f]{2}))/i)
    .map((piece, index) => (index % 2 === 1 ? piece : decodeText(piece)))
    .join('');
}

/** Form-style decoding: "+" is a space. */
export function decodeQueryComponent(text: string): string {
  return decodeText(text.replace(/\+/g, ' '));
}

export function parseQuery(query: string): RequestRow[] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      return {
        name: decodeQueryComponent(name),
        value: decodeQueryComponent(value),
        enabled: true,
      };
    });
}

/** Splits "/path?query#fragment" into the editable path and query rows (the fragment is dropped). */
export function parseRequestTarget(target: string): { path: string; query: RequestRow[] } {
  const withoutFragment = target.split('#')[0] ?? '';
  const questionMark = withoutFragment.indexOf('?');
  const rawPath = questionMark < 0 ? withoutFragment : withoutFragment.slice(0, questionMark);
  const rawQuery = questionMark < 0 ? '' : withoutFragment.slice(questionMark + 1);
  return { path: decodePath(rawPath || '/'), query: parseQuery(rawQuery) };
}
