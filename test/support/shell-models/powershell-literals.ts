/**
 * Reads the PowerShell literals our snippets use back into their values, as PowerShell's
 * tokenizer would: single-quoted strings (any of ' ‘ ’ ‚ ‛ quotes, a doubled one is one
 * literal quote) and verbatim here-strings (@' ... '@). A model for tests where no pwsh exists.
 */
const singleQuote = /['\u2018\u2019\u201A\u201B]/;

/** Reads a single-quoted string starting at `start`; answers its value and where it ends. */
export function readSingleQuoted(source: string, start: number): { value: string; end: number } {
  if (!singleQuote.test(source[start] ?? '')) throw new Error(`no string at ${start}`);
  let value = '';
  for (let i = start + 1; i < source.length; i += 1) {
    const sign = source[i] ?? '';
    if (singleQuote.test(sign)) {
      if (singleQuote.test(source[i + 1] ?? '')) {
        value += source[i + 1];
        i += 1;
      } else {
        return { value, end: i + 1 };
      }
    } else {
      value += sign;
    }
  }
  throw new Error('unterminated string');
}

/** The value of `$name = <literal>` in a script, for either literal form. */
export function readAssignedLiteral(script: string, name: string): string {
  const assignment = `$${name} = `;
  const start = script.indexOf(assignment);
  if (start < 0) throw new Error(`no $${name}`);
  const at = start + assignment.length;
  if (script.startsWith("@'\n", at)) {
    const end = script.search(/\n['\u2018\u2019\u201A\u201B]@/);
    return script.slice(at + 3, end);
  }
  return readSingleQuoted(script, at).value;
}

/** Every 'name' = 'value' pair of the -Headers hashtable, in order. */
export function readHeaderTable(script: string): Array<[string, string]> {
  const table = script.indexOf('-Headers @{');
  const pairs: Array<[string, string]> = [];
  let i = table + '-Headers @{'.length;
  for (;;) {
    while (/[\s;]/.test(script[i] ?? '')) i += 1;
    if (script[i] === '}') return pairs;
    if (script.startsWith('Authorization = "Bearer $env:VEZA_TOKEN"', i)) {
      pairs.push(['Authorization', 'Bearer $env:VEZA_TOKEN']);
      i += 'Authorization = "Bearer $env:VEZA_TOKEN"'.length;
      continue;
    }
    const name = readSingleQuoted(script, i);
    i = name.end;
    if (!script.startsWith(' = ', i)) throw new Error(`no = at ${i}`);
    const value = readSingleQuoted(script, i + 3);
    pairs.push([name.value, value.value]);
    i = value.end;
  }
}
