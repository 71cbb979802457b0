/**
 * A strict JSON scanner over UTF-8 bytes that reports where each value is instead of
 * building objects. The response viewer indexes tens of MB with it without holding a parsed
 * copy (or even a JS string: bytes cost one byte a character, a string may cost two), the
 * body editor formats with it without losing the digits of large numbers (JSON.parse would
 * round 64-bit IDs), and both explain a syntax error in plain words with line and column.
 * Multi-byte UTF-8 sequences never contain bytes below 0x80, so scanning bytes is exact.
 */

export interface JsonVisitor {
  /** An object or array opens at `start`; inside an object its name spans keyStart..keyEnd (else -1). */
  open(start: number, keyStart: number, keyEnd: number, isArray: boolean): void;
  /** The object or array closes at `start`. */
  close(start: number, isArray: boolean): void;
  /** A string, number, true, false or null spans start..end. */
  scalar(start: number, end: number, keyStart: number, keyEnd: number): void;
}

export interface JsonSyntaxError {
  /** Byte offset; line and column (in characters) count from 1. */
  offset: number;
  line: number;
  column: number;
  /** What is wrong, in plain words. */
  message: string;
}

class ScanStop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const decoder = new TextDecoder();
const QUOTE = 34;
const BACKSLASH = 92;
const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isHex = (code: number) =>
  isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const isWordByte = (code: number) =>
  isDigit(code) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === 36 ||
  code === 46 ||
  code >= 128;

export function skipSpace(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && isSpace(bytes[i] ?? 0)) i += 1;
  return i;
}

/** The offset after the closing quote of the string starting at `start`. */
export function scanString(bytes: Uint8Array, start: number): number {
  let i = start + 1;
  for (;;) {
    if (i >= bytes.length) {
      throw new ScanStop(start, 'A text value is not closed: a closing " is missing.');
    }
    const code = bytes[i] ?? 0;
    if (code === QUOTE) return i + 1;
    if (code === BACKSLASH) {
      const next = bytes[i + 1] ?? 0;
      if (next === 117) {
        for (let h = 2; h < 6; h += 1) {
          if (!isHex(bytes[i + h] ?? 0)) {
            throw new ScanStop(
              i,
              '\\u must be followed by four hexadecimal digits, for example \\u00e9.',
            );
          }
        }
        i += 6;
      } else if ([34, 92, 47, 98, 102, 110, 114, 116].includes(next)) {
        i += 2;
      } else {
        throw new ScanStop(
          i,
          `"\\${String.fromCharCode(next)}" is not an escape JSON knows: write \\\\ for a backslash, \\" for a quote, \\n for a line break.`,
        );
      }
    } else if (code < 0x20) {
      throw new ScanStop(
        i,
        'A text value cannot contain a line break or tab as it is: write \\n for a line break and \\t for a tab.',
      );
    } else {
      i += 1;
    }
  }
}

function scanNumber(bytes: Uint8Array, start: number): number {
  let i = start;
  const at = (offset: number) => bytes[offset] ?? -1;
  const bad = () =>
    new ScanStop(
      start,
      'This number is not written the way JSON expects, for example 12, -3.5 or 1e6.',
    );
  if (at(i) === 45) i += 1;
  if (at(i) === 48) i += 1;
  else if (isDigit(at(i))) while (isDigit(at(i))) i += 1;
  else throw bad();
  if (at(i) === 46) {
    i += 1;
    if (!isDigit(at(i))) throw bad();
    while (isDigit(at(i))) i += 1;
  }
  if (at(i) === 101 || at(i) === 69) {
    i += 1;
    if (at(i) === 43 || at(i) === 45) i += 1;
    if (!isDigit(at(i))) throw bad();
    while (isDigit(at(i))) i += 1;
  }
  if (i < bytes.length && isWordByte(at(i))) throw bad();
  return i;
}

/** The end of the scalar (string, number or literal) that starts at `start`; no checks. */
export function scalarEnd(bytes: Uint8Array, start: number): number {
  if (bytes[start] === QUOTE) {
    let i = start + 1;
    while (i < bytes.length && bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
    return Math.min(i + 1, bytes.length);
  }
  let i = start;
  while (i < bytes.length && (isWordByte(bytes[i] ?? 0) || bytes[i] === 45 || bytes[i] === 43))
    i += 1;
  return i;
}

function wordAt(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && end - at < 40 && isWordByte(bytes[end] ?? 0)) end += 1;
  return decoder.decode(bytes.subarray(at, end));
}

function unexpectedValue(bytes: Uint8Array, at: number): ScanStop {
  if (at >= bytes.length)
    return new ScanStop(at, 'The JSON ends too early: a value is missing at the end.');
  const sign = String.fromCharCode(bytes[at] ?? 0);
  if (sign === "'")
    return new ScanStop(at, 'Text must be in double quotes ("), not single quotes (\').');
  if (sign === '/')
    return new ScanStop(at, 'JSON does not allow comments (// or /* */): remove them.');
  if (sign === '}' || sign === ']')
    return new ScanStop(at, `A value is missing before this ${sign}.`);
  if (sign === ',') return new ScanStop(at, 'A value is missing before this comma.');
  const word = wordAt(bytes, at);
  if (/^[A-Za-z_$]/.test(word)) {
    return new ScanStop(
      at,
      `"${word}" is not a value JSON knows: text goes in double quotes, and only true, false and null are written without them.`,
    );
  }
  return new ScanStop(
    at,
    `A value cannot start with "${decoder.decode(bytes.subarray(at, at + 4)).charAt(0)}".`,
  );
}

/** Line and column (in characters, as editors count) of a byte offset. */
export function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: decoder.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Walks the whole text, telling `visitor` about every value; answers the first syntax error. */
export function scanJson(bytes: Uint8Array, visitor: JsonVisitor): JsonSyntaxError | undefined {
  try {
    scan(bytes, visitor);
    return undefined;
  } catch (stop) {
    if (!(stop instanceof ScanStop)) throw stop;
    return { offset: stop.offset, ...positionOf(bytes, stop.offset), message: stop.message };
  }
}

const literals: ReadonlyArray<readonly number[]> = [
  [116, 114, 117, 101],
  [102, 97, 108, 115, 101],
  [110, 117, 108, 108],
];

function literalLength(bytes: Uint8Array, at: number): number {
  for (const literal of literals) {
    if (literal.every((code, offset) => bytes[at + offset] === code)) {
      const after = bytes[at + literal.length];
      return after !== undefined && isWordByte(after) ? 0 : literal.length;
    }
  }
  return 0;
}

function scan(bytes: Uint8Array, visitor: JsonVisitor): void {
  // One entry per open container: true for an array.
  const stack: boolean[] = [];
  let i = skipSpace(bytes, 0);
  if (i >= bytes.length) throw new ScanStop(i, 'There is nothing here: the JSON is empty.');
  let keyStart = -1;
  let keyEnd = -1;

  for (;;) {
    // A value starts at i.
    const code = bytes[i] ?? -1;
    if (code === 123 || code === 91) {
      const isArray = code === 91;
      visitor.open(i, keyStart, keyEnd, isArray);
      const inner = skipSpace(bytes, i + 1);
      if (bytes[inner] === (isArray ? 93 : 125)) {
        visitor.close(inner, isArray);
        i = inner + 1;
      } else {
        stack.push(isArray);
        i = inner;
        if (isArray) {
          keyStart = -1;
          keyEnd = -1;
        } else {
          [keyStart, keyEnd, i] = readKey(bytes, i);
        }
        continue;
      }
    } else if (code === QUOTE) {
      const end = scanString(bytes, i);
      visitor.scalar(i, end, keyStart, keyEnd);
      i = end;
    } else if (code === 45 || isDigit(code)) {
      const end = scanNumber(bytes, i);
      visitor.scalar(i, end, keyStart, keyEnd);
      i = end;
    } else {
      const length = literalLength(bytes, i);
      if (!length) throw unexpectedValue(bytes, i);
      visitor.scalar(i, i + length, keyStart, keyEnd);
      i += length;
    }

    // After a value: a comma, the end of the container, or the end of the text.
    for (;;) {
      i = skipSpace(bytes, i);
      if (stack.length === 0) {
        if (i < bytes.length) {
          throw new ScanStop(
            i,
            'There is more text after the end of the JSON: only one value (such as one {...}) is allowed.',
          );
        }
        return;
      }
      const inArray = stack[stack.length - 1] === true;
      const closer = inArray ? 93 : 125;
      const sign = bytes[i] ?? -1;
      if (sign === closer) {
        stack.pop();
        visitor.close(i, inArray);
        i += 1;
        continue;
      }
      if (sign === 44) {
        i = skipSpace(bytes, i + 1);
        if (bytes[i] === closer) {
          throw new ScanStop(
            i,
            `There is a comma just before this ${inArray ? ']' : '}'}: remove the last comma.`,
          );
        }
        if (inArray) {
          keyStart = -1;
          keyEnd = -1;
        } else {
          [keyStart, keyEnd, i] = readKey(bytes, i);
        }
        break;
      }
      if (i >= bytes.length) {
        throw new ScanStop(
          i,
          `The JSON ends too early: a closing ${inArray ? ']' : '}'} is missing.`,
        );
      }
      if (sign === 125 || sign === 93) {
        throw new ScanStop(
          i,
          `This ${String.fromCharCode(sign)} does not match: a ${inArray ? ']' : '}'} is expected first.`,
        );
      }
      throw new ScanStop(
        i,
        `A comma (,) or a closing ${inArray ? ']' : '}'} is missing before this.`,
      );
    }
  }
}

/** Reads `"name" :` and answers the name's span and where its value starts. */
function readKey(bytes: Uint8Array, at: number): [number, number, number] {
  if (bytes[at] !== QUOTE) {
    if (bytes[at] === 39)
      throw new ScanStop(at, 'Names must be in double quotes ("), not single quotes (\').');
    if (at >= bytes.length)
      throw new ScanStop(at, 'The JSON ends too early: a closing } is missing.');
    throw new ScanStop(at, 'A name in double quotes is expected here, for example "name".');
  }
  const end = scanString(bytes, at);
  const colon = skipSpace(bytes, end);
  if (bytes[colon] !== 58) throw new ScanStop(colon, 'A colon (:) is missing after the name.');
  return [at, end, skipSpace(bytes, colon + 1)];
}
