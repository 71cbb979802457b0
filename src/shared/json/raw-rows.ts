/**
 * Rows of the raw view: the body split at line breaks, long lines (a minified 50 MB body is
 * one line) cut about every `width` bytes, never inside a character. Answers row starts.
 */
export function buildRawRows(bytes: Uint8Array, width = 500): Int32Array {
  let starts = new Int32Array(Math.max(256, Math.ceil(bytes.length / width) + 1024));
  let count = 0;
  const push = (start: number) => {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count] = start;
    count += 1;
  };
  let lineStart = 0;
  for (;;) {
    const newline = bytes.indexOf(10, lineStart);
    const lineEnd = newline < 0 ? bytes.length : newline;
    push(lineStart);
    for (let cut = lineStart + width; cut < lineEnd; cut += width) {
      while (cut < lineEnd && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut += 1;
      if (cut < lineEnd) push(cut);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return starts.slice(0, count);
}

/** Where one raw row ends (before its line break). */
export function rawRowEnd(bytes: Uint8Array, rows: Int32Array, row: number): number {
  const next = row + 1 < rows.length ? (rows[row + 1] ?? bytes.length) : bytes.length;
  return next > 0 && bytes[next - 1] === 10 ? next - 1 - (bytes[next - 2] === 13 ? 1 : 0) : next;
}
