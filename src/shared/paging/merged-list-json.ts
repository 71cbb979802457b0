/**
 * The merged pages of a list as one JSON document, `{"<listKey>": [...items], ...rest}`, exactly
 * as JSON.stringify(document, null, 2) writes it, but built page by page and handed out in parts
 * of about 1 MB: the list may be more text than one JavaScript string can hold (about 512 MB),
 * and a caller that writes the parts out at once never holds the whole list.
 */
export function createMergedListJson(write: (part: string) => void) {
  let chunk = '';
  let opened = false;
  let count = 0;
  const flush = (force = false) => {
    if (chunk !== '' && (force || chunk.length >= 1024 * 1024)) {
      write(chunk);
      chunk = '';
    }
  };
  const open = (listKey: string) => {
    if (!opened) chunk += `{\n  ${JSON.stringify(listKey)}: [`;
    opened = true;
  };
  return {
    /** One page's items, in order. */
    add(items: readonly unknown[], listKey: string): void {
      open(listKey);
      for (const item of items) {
        const text = (JSON.stringify(item, null, 2) as string | undefined) ?? 'null';
        chunk += `${count > 0 ? ',' : ''}\n    ${text.replace(/\n/g, '\n    ')}`;
        count += 1;
        flush();
      }
    },
    /** Closes the list and adds the first page's other fields; no list: `rest` alone. */
    finish(listKey: string | undefined, rest: Readonly<Record<string, unknown>>): void {
      if (listKey === undefined && !opened) {
        chunk += JSON.stringify(rest, null, 2);
        return flush(true);
      }
      open(listKey ?? 'values');
      chunk += count > 0 ? '\n  ]' : ']';
      for (const [name, value] of Object.entries(rest)) {
        const text = (JSON.stringify(value, null, 2) as string | undefined) ?? 'null';
        chunk += `,\n  ${JSON.stringify(name)}: ${text.replace(/\n/g, '\n  ')}`;
      }
      chunk += '\n}';
      flush(true);
    },
  };
}
