/**
 * The merged pages of a list as one JSON document, `{"<listKey>": [...items], ...rest}`, exactly
 * as JSON.stringify(document, null, 2) writes it, but built page by page and handed out in parts
 * of about 1 MB: the list may be more text than one JavaScript string can hold (about 512 MB),
 * and a caller that writes the parts out at once never holds the whole list. `compact`: as
 * JSON.stringify(document) writes it, on one line (what a script pipes on).
 */
export function createMergedListJson(
  write: (part: string | Uint8Array) => void,
  { compact = false }: { compact?: boolean } = {},
) {
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
    if (!opened)
      chunk += compact ? `{${JSON.stringify(listKey)}:[` : `{\n  ${JSON.stringify(listKey)}: [`;
    opened = true;
  };
  return {
    /**
     * One page's items, in order. `raw` (compact only): the list's text or bytes as the page
     * holds it (rawListRange), brackets included, passed on as it stands instead of being written
     * out again.
     */
    add(items: readonly unknown[], listKey: string, raw?: string | Uint8Array): void {
      open(listKey);
      if (compact) {
        // The page's own text of the list, or one JSON.stringify call per page.
        if (items.length > 0 && raw instanceof Uint8Array) {
          // The page's bytes of the list, passed on without a copy on the JavaScript heap.
          if (count > 0) chunk += ',';
          flush(true);
          write(raw.subarray(1, raw.length - 1));
        } else if (items.length > 0) {
          const inner = (raw ?? JSON.stringify(items)).slice(1, -1);
          chunk += `${count > 0 ? ',' : ''}${inner}`;
        }
        count += items.length;
        return flush();
      }
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
        chunk += compact ? JSON.stringify(rest) : JSON.stringify(rest, null, 2);
        return flush(true);
      }
      open(listKey ?? 'values');
      if (compact) {
        chunk += ']';
        for (const [name, value] of Object.entries(rest))
          chunk += `,${JSON.stringify(name)}:${JSON.stringify(value) ?? 'null'}`;
        chunk += '}';
        return flush(true);
      }
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
