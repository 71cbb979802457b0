import type { ShellWords } from './shell-words';

const singleQuote = /['\u2018\u2019\u201A\u201B]/;
const doubleQuote = /["\u201C\u201D\u201E]/;
const backtickEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0' };

/**
 * Splits a PowerShell command line into words: '...' (a doubled quote is one), "..." with
 * backtick escapes, a backtick at a line end continues the line. $env:NAME and $NAME stay as
 * written (and are listed); reading stops at | or ;.
 */
export function powershellWords(text: string): ShellWords {
  const words: string[] = [];
  const variables = new Set<string>();
  const ignored: string[] = [];
  let word = '';
  let inWord = false;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const readVariable = (at: number): number => {
    const match = /^\$(env:)?(\w+)/i.exec(text.slice(at));
    if (!match) return 0;
    variables.add(match[2] ?? '');
    word += match[0];
    return match[0].length;
  };
  let i = 0;
  while (i < text.length) {
    const sign = text[i] ?? '';
    if (sign === '`') {
      const next = text[i + 1] ?? '';
      if (next === '\n' || next === '\r') {
        i += text.startsWith('\r\n', i + 1) ? 3 : 2;
        continue;
      }
      word += backtickEscapes[next] ?? next;
      inWord = true;
      i += 2;
    } else if (singleQuote.test(sign)) {
      inWord = true;
      i += 1;
      while (i < text.length) {
        if (singleQuote.test(text[i] ?? '')) {
          if (!singleQuote.test(text[i + 1] ?? '')) break;
          word += text[i + 1];
          i += 2;
        } else {
          word += text[i];
          i += 1;
        }
      }
      i += 1;
    } else if (doubleQuote.test(sign)) {
      inWord = true;
      i += 1;
      while (i < text.length) {
        const inner = text[i] ?? '';
        const variableLength = inner === '$' ? readVariable(i) : 0;
        if (variableLength > 0) {
          i += variableLength;
        } else if (doubleQuote.test(inner)) {
          if (!doubleQuote.test(text[i + 1] ?? '')) break;
          word += text[i + 1];
          i += 2;
        } else if (inner === '`') {
          word += backtickEscapes[text[i + 1] ?? ''] ?? text[i + 1] ?? '';
          i += 2;
        } else {
          if (text.startsWith('$(', i)) ignored.push('subexpression');
          word += inner;
          i += 1;
        }
      }
      i += 1;
    } else if (sign === '$' && /[\w]/.test(text[i + 1] ?? '')) {
      inWord = true;
      i += readVariable(i) || 1;
    } else if (sign === '|' || sign === ';') {
      ignored.push(`everything after "${sign}"`);
      end();
      break;
    } else if (/\s/.test(sign)) {
      end();
      i += 1;
    } else {
      word += sign;
      inWord = true;
      i += 1;
    }
  }
  end();
  return { words, variables: [...variables], ignored };
}
