/**
 * The text of a page's list, brackets included, exactly as it stands in the page's `text`, so
 * its items can be passed on without being written out again. It is found when the list is the
 * page's first member (as Veza writes its lists): the text starts with `{"key":[`, and what
 * follows the list's closing bracket is the page's other members, checked against the parsed
 * `page`. Undefined otherwise (the caller writes the items out itself). Not told apart: a page
 * that names its list twice at the top (not valid for Veza's protobuf JSON).
 */
export function rawListText(
  text: string,
  key: string,
  page: Readonly<Record<string, unknown>>,
): string | undefined {
  const head = new RegExp(
    `^\\s*\\{\\s*${JSON.stringify(key).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\s*:\\s*\\[`,
  ).exec(text);
  if (!head) return undefined;
  const start = head[0].length - 1;
  const others = Object.fromEntries(Object.entries(page).filter(([name]) => name !== key));
  const expected = JSON.stringify(others);
  // The list's closing bracket is the last "]" after which only the other members follow.
  let end = text.length;
  for (let tries = 0; tries < 8; tries += 1) {
    end = text.lastIndexOf(']', end - 1);
    if (end <= start) return undefined;
    const tail = text.slice(end + 1).replace(/^\s*,/, '');
    let rest: unknown;
    try {
      rest = JSON.parse(`{${/^\s*\}\s*$/.test(tail) ? '}' : tail}`);
    } catch {
      continue;
    }
    if (JSON.stringify(rest) === expected) return text.slice(start, end + 1);
  }
  return undefined;
}
