import type { ShellWords } from './shell-words';

/**
 * Splits a Windows Command Prompt line into the words curl.exe would receive: first cmd's
 * own pass (^ escapes outside quotes, ^ at a line end continues the line), then the C
 * runtime's rules (quotes group, \" is a quote, backslashes count only before a quote).
 * %NAME% stays as written (and is listed); reading stops at an unescaped & | < >.
 */
export function cmdWords(text: string): ShellWords {
  const variables = new Set<string>();
  for (const match of text.matchAll(/%(\w+)%/g)) variables.add(match[1] ?? '');
  const ignored: string[] = [];

  let line = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const sign = text[i] ?? '';
    if (sign === '"') {
      quoted = !quoted;
      line += sign;
    } else if (!quoted && sign === '^') {
      if (text[i + 1] === '\r') i += 1;
      if (text[i + 1] === '\n') i += 1;
      line += text[i + 1] ?? '';
      i += 1;
    } else if (!quoted && /[&|<>]/.test(sign)) {
      ignored.push(`everything after "${sign}"`);
      break;
    } else if (!quoted && (sign === '\n' || sign === '\r')) {
      if (text.slice(i).trim()) ignored.push('the lines after the first command');
      break;
    } else {
      line += sign;
    }
  }

  const words: string[] = [];
  let word = '';
  let started = false;
  let inQuotes = false;
  for (let i = 0; i < line.length;) {
    const sign = line[i];
    if (sign === '\\') {
      let count = 0;
      while (line[i + count] === '\\') count += 1;
      const beforeQuote = line[i + count] === '"';
      word += '\\'.repeat(beforeQuote ? Math.floor(count / 2) : count);
      i += count;
      if (beforeQuote && count % 2 === 1) {
        word += '"';
        i += 1;
      }
      started = true;
    } else if (sign === '"') {
      if (inQuotes && line[i + 1] === '"') {
        word += '"';
        i += 2;
      } else {
        inQuotes = !inQuotes;
        i += 1;
      }
      started = true;
    } else if ((sign === ' ' || sign === '\t') && !inQuotes) {
      if (started) words.push(word);
      word = '';
      started = false;
      i += 1;
    } else {
      word += sign;
      started = true;
      i += 1;
    }
  }
  if (started) words.push(word);
  return { words, variables: [...variables], ignored };
}
