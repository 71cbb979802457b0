/**
 * A model of how an interactive Windows Command Prompt line reaches curl.exe, for testing
 * generated cmd snippets where no Windows is at hand. It follows the documented phases
 * (https://stackoverflow.com/a/4095133): percent expansion (an undefined %NAME% stays as
 * written on the command line), then carets and quotes (^ escapes the next sign outside
 * quotes, ^ + line break continues the line and escapes the first sign of the next), then the
 * Microsoft C runtime's argument rules. A sign & | < > left unescaped outside quotes throws,
 * because cmd would start another command there.
 */

function expandPercents(line: string, env: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const close = line[i] === '%' ? line.indexOf('%', i + 1) : -1;
    if (close < 0) {
      out += line[i];
      i += 1;
      continue;
    }
    const name = line.slice(i + 1, close);
    const value = Object.entries(env).find(([key]) => key.toUpperCase() === name.toUpperCase());
    if (value) {
      out += value[1];
      i = close + 1;
    } else {
      out += '%';
      i += 1;
    }
  }
  return out;
}

function applyCaretsAndQuotes(line: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const sign = line[i] ?? '';
    if (sign === '"') {
      quoted = !quoted;
      out += sign;
    } else if (!quoted && sign === '^') {
      if (line[i + 1] === '\n') i += 1;
      out += line[i + 1] ?? '';
      i += 1;
    } else if (!quoted && /[&|<>]/.test(sign)) {
      throw new Error(`cmd would split the command at an unescaped ${sign}`);
    } else if (!quoted && sign === '\n') {
      if (line.slice(i).trim()) throw new Error('cmd would end the command at a line break');
      break;
    } else {
      out += sign;
    }
  }
  return out;
}

function splitLikeCRuntime(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let started = false;
  let quoted = false;
  for (let i = 0; i < line.length;) {
    const sign = line[i];
    if (sign === '\\') {
      let count = 0;
      while (line[i + count] === '\\') count += 1;
      if (line[i + count] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          current += '"';
          i += count + 1;
        } else {
          i += count;
        }
      } else {
        current += '\\'.repeat(count);
        i += count;
      }
      started = true;
    } else if (sign === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i += 2;
      } else {
        quoted = !quoted;
        i += 1;
      }
      started = true;
    } else if ((sign === ' ' || sign === '\t') && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
      i += 1;
    } else {
      current += sign;
      started = true;
      i += 1;
    }
  }
  if (started) args.push(current);
  return args;
}

/** The arguments curl.exe receives when `commandLine` is pasted into cmd with these variables set. */
export function cmdToArgv(commandLine: string, env: Record<string, string>): string[] {
  return splitLikeCRuntime(applyCaretsAndQuotes(expandPercents(commandLine, env)));
}
