/**
 * Reads KEY=value lines the way .env files are written: comments, blank lines, an optional
 * `export ` prefix, single quotes (literal), double quotes (with \n \" \\ escapes), and
 * unquoted values with a trailing # comment. Nothing is evaluated or expanded: $VAR stays text.
 */
export function parseDotenv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/s.exec(line);
    if (!match) continue;
    const [, name = '', rest = ''] = match;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // A quoted value may run over several lines.
      let body = rest.slice(1);
      let end = findClosingQuote(body, quote);
      while (end < 0 && index + 1 < lines.length) {
        index += 1;
        body += `\n${lines[index] ?? ''}`;
        end = findClosingQuote(body, quote);
      }
      const raw = end < 0 ? body : body.slice(0, end);
      values.set(name, quote === '"' ? unescapeDouble(raw) : raw);
    } else {
      values.set(name, rest.replace(/\s+#.*$/, '').trim());
    }
  }
  return values;
}

function findClosingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i += 1) {
    if (quote === '"' && text[i] === '\\') {
      i += 1;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(text: string): string {
  return text.replace(/\\([nrt"\\])/g, (_, char: string) =>
    char === 'n' ? '\n' : char === 'r' ? '\r' : char === 't' ? '\t' : char,
  );
}
