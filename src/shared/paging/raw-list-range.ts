/**
 * Where a page's list stands in the page's `text`, brackets included (`text.slice(start, end)`),
 * so its items can be passed on as they stand instead of being written out again. It is found when the list is the
 * page's first member (as Veza writes its lists): the text starts with `{"key":[`, and what
 * follows the list's closing bracket is the page's other members, checked against the parsed
 * `page`. Undefined otherwise (the caller writes the items out itself). Not told apart: a page
 * that names its list twice at the top (not valid for Veza's protobuf JSON).
 */
export function rawListRange(
  text: string,
  key: string,
  page: Readonly<Record<string, unknown>>,
): { start: number; end: number } | undefined {
  // Read by hand, not by a regular expression: the engine keeps the last text a pattern
  // matched, which would keep the whole page alive while the next one is fetched.
  const quoted = JSON.stringify(key);
  let at = skipSpace(text, 0);
  if (text[at] !== '{') return undefined;
  at = skipSpace(text, at + 1);
  if (!text.startsWith(quoted, at)) return undefined;
  at = skipSpace(text, at + quoted.length);
  if (text[at] !== ':') return undefined;
  const start = skipSpace(text, at + 1);
  if (text[start] !== '[') return undefined;
  const others = Object.fromEntries(Object.entries(page).filter(([name]) => name !== key));
  const expected = JSON.stringify(others);
  // The list's closing bracket is the last "]" after which only the other members follow.
  let end = text.length;
  for (let tries = 0; tries < 8; tries += 1) {
    end = text.lastIndexOf(']', end - 1);
    if (end <= start) return undefined;
    const after = skipSpace(text, end + 1);
    let rest: unknown;
    if (text[after] === '}' && skipSpace(text, after + 1) === text.length) rest = {};
    else if (text[after] !== ',') continue;
    else {
      try {
        rest = JSON.parse(`{${text.slice(after + 1)}`);
      } catch {
        continue;
      }
    }
    if (JSON.stringify(rest) === expected) return { start, end: end + 1 };
  }
  return undefined;
}

/** The first place at or after `at` that is not JSON's white space. */
function skipSpace(text: string, at: number): number {
  let next = at;
  for (;;) {
    const code = text.charCodeAt(next);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return next;
    next += 1;
  }
}
