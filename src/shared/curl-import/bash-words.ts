import type { ShellWords } from './shell-words';

const ansiEscapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Reads $'...' (ANSI-C quoting, which Chrome's "Copy as cURL" uses) from after its $'. */
function readAnsiQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  while (i < text.length && text[i] !== "'") {
    if (text[i] !== '\\') {
      value += text[i];
      i += 1;
      continue;
    }
    const sign = text[i + 1] ?? '';
    const hex = /^(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8})/.exec(text.slice(i + 1));
    if (hex) {
      value += String.fromCodePoint(parseInt(hex[0].slice(1), 16));
      i += 1 + hex[0].length;
    } else {
      value += ansiEscapes[sign] ?? `\\${sign}`;
      i += 2;
    }
  }
  return { value, end: i + 1 };
}

/**
 * Splits a bash/zsh command line into words: single, double and $'...' quotes, backslash
 * escapes and line continuations. Variables stay written as $NAME (and are listed), nothing
 * is expanded or run; reading stops at a pipe, ; or && (what follows is another command).
 */
export function bashWords(text: string): ShellWords {
  const words: string[] = [];
  const variables = new Set<string>();
  const ignored: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const readVariable = (at: number): number => {
    const match = /^\$(\{(\w+)\}|(\w+))/.exec(text.slice(at));
    if (!match) return 0;
    variables.add(match[2] ?? match[3] ?? '');
    word += `$${match[2] ?? match[3]}`;
    return match[0].length;
  };
  while (i < text.length) {
    const sign = text[i] ?? '';
    if (sign === '\\') {
      if (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n')) {
        i += text[i + 1] === '\r' ? 3 : 2;
        continue;
      }
      word += text[i + 1] ?? '';
      inWord = true;
      i += 2;
    } else if (sign === "'") {
      const close = text.indexOf("'", i + 1);
      word += text.slice(i + 1, close < 0 ? text.length : close);
      inWord = true;
      i = close < 0 ? text.length : close + 1;
    } else if (sign === '$' && text[i + 1] === "'") {
      const quoted = readAnsiQuoted(text, i + 2);
      word += quoted.value;
      inWord = true;
      i = quoted.end;
    } else if (sign === '"') {
      inWord = true;
      i += 1;
      while (i < text.length && text[i] !== '"') {
        const variableLength = text[i] === '$' ? readVariable(i) : 0;
        if (variableLength > 0) {
          i += variableLength;
        } else if (text[i] === '\\' && /[$`"\\\n]/.test(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else {
          if (text.startsWith('$(', i) || text[i] === '`') ignored.push('command substitution');
          word += text[i];
          i += 1;
        }
      }
      i += 1;
    } else if (sign === '$' && /[{\w]/.test(text[i + 1] ?? '')) {
      inWord = true;
      i += readVariable(i) || 1;
    } else if (/[|;&<>]/.test(sign) || (sign === '#' && !inWord)) {
      if (sign !== '#') ignored.push(`everything after "${sign}"`);
      end();
      break;
    } else if (/\s/.test(sign)) {
      end();
      i += 1;
    } else {
      if (sign === '`' || text.startsWith('$(', i)) ignored.push('command substitution');
      word += sign;
      inWord = true;
      i += 1;
    }
  }
  end();
  return { words, variables: [...variables], ignored };
}
