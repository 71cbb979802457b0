import { scalarEnd, scanJson, scanString, skipSpace, type JsonSyntaxError } from './scan-json';

/**
 * The pretty-printed lines of a JSON body, as numbers only. Per line: its kind, depth, comma,
 * where it starts in the UTF-8 bytes, and its place among its siblings (12 bytes); per object
 * or array: its opening and closing line, its size and its parent (16 bytes). Everything
 * else (where a name or value ends) is read from the bytes when a line is drawn. Typed
 * arrays, so a web worker builds them and hands them over without copying.
 */
export const LineKind = {
  Scalar: 0,
  Open: 1,
  Close: 2,
  /** {} or [] with nothing inside: one line, nothing to fold. */
  Empty: 3,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

// Per line, LINE_STRIDE numbers: META = kind | comma << 2 | array << 3 | key << 4 | depth << 5.
const META = 0;
const START = 1; // the name's opening quote, or the value when there is no name
const POSITION = 2; // 1-based place among its siblings
const LINE_STRIDE = 3;
// Per container, in the order they open.
const OPEN = 0;
const CLOSE = 1;
const CHILDREN = 2;
const PARENT = 3; // container index, -1 at the top
const CONTAINER_STRIDE = 4;

export interface JsonLineIndex {
  count: number;
  lines: Int32Array;
  containerCount: number;
  containers: Int32Array;
}

/** Copies `data` into an array twice as large (or at least `needed` long). */
function grow(data: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(data.length * 2, needed));
  grown.set(data);
  return grown;
}

const meta = (index: JsonLineIndex, line: number) => index.lines[line * LINE_STRIDE + META] ?? 0;
export const lineKind = (index: JsonLineIndex, line: number) => (meta(index, line) & 3) as LineKind;
export const lineHasComma = (index: JsonLineIndex, line: number) => (meta(index, line) & 4) !== 0;
export const lineIsArray = (index: JsonLineIndex, line: number) => (meta(index, line) & 8) !== 0;
export const lineHasKey = (index: JsonLineIndex, line: number) => (meta(index, line) & 16) !== 0;
export const lineDepth = (index: JsonLineIndex, line: number) => meta(index, line) >>> 5;
export const lineStart = (index: JsonLineIndex, line: number) =>
  index.lines[line * LINE_STRIDE + START] ?? 0;
export const linePosition = (index: JsonLineIndex, line: number) =>
  index.lines[line * LINE_STRIDE + POSITION] ?? 0;
const container = (index: JsonLineIndex, which: number, field: number) =>
  index.containers[which * CONTAINER_STRIDE + field] ?? -1;

/**
 * Builds the index, or answers the syntax error that stops the body from being JSON. Written
 * with plain locals and typed arrays: it runs once per line of a 50 MB body.
 */
export function buildJsonLineIndex(
  bytes: Uint8Array,
): { ok: true; index: JsonLineIndex } | { ok: false; error: JsonSyntaxError } {
  // Real answers run about one line per 13 bytes; start near that and grow if needed.
  let lines = new Int32Array(Math.max(3072, Math.ceil(bytes.length / 12) * LINE_STRIDE));
  let lineCount = 0;
  let containers = new Int32Array(Math.max(1024, Math.ceil(bytes.length / 40) * CONTAINER_STRIDE));
  let containerCount = 0;
  // Per open container (a stack): its index, its children so far, the line its last child ended on.
  let stackContainer = new Int32Array(64);
  let stackChildren = new Int32Array(64);
  let stackLastEnd = new Int32Array(64);
  let depth = 0;

  const addLine = (kind: number, isArray: boolean, hasKey: boolean, start: number): number => {
    if ((lineCount + 1) * LINE_STRIDE > lines.length)
      lines = grow(lines, (lineCount + 1) * LINE_STRIDE);
    const line = lineCount;
    const at = line * LINE_STRIDE;
    lines[at + META] = kind | (isArray ? 8 : 0) | (hasKey ? 16 : 0) | (depth << 5);
    lines[at + START] = start;
    if (depth === 0) {
      lines[at + POSITION] = 1;
    } else {
      const previous = stackLastEnd[depth - 1] ?? -1;
      if (previous >= 0)
        lines[previous * LINE_STRIDE + META] = (lines[previous * LINE_STRIDE + META] ?? 0) | 4;
      const position = (stackChildren[depth - 1] ?? 0) + 1;
      stackChildren[depth - 1] = position;
      lines[at + POSITION] = position;
    }
    lineCount += 1;
    return line;
  };

  const error = scanJson(bytes, {
    open(start, keyStart, _keyEnd, isArray) {
      const line = addLine(LineKind.Open, isArray, keyStart >= 0, keyStart >= 0 ? keyStart : start);
      if ((containerCount + 1) * CONTAINER_STRIDE > containers.length) {
        containers = grow(containers, (containerCount + 1) * CONTAINER_STRIDE);
      }
      const at = containerCount * CONTAINER_STRIDE;
      containers[at + OPEN] = line;
      containers[at + PARENT] = depth > 0 ? (stackContainer[depth - 1] ?? -1) : -1;
      if (depth === stackContainer.length) {
        stackContainer = grow(stackContainer, depth + 1);
        stackChildren = grow(stackChildren, depth + 1);
        stackLastEnd = grow(stackLastEnd, depth + 1);
      }
      stackContainer[depth] = containerCount;
      stackChildren[depth] = 0;
      stackLastEnd[depth] = -1;
      depth += 1;
      containerCount += 1;
    },
    close(start, isArray) {
      depth -= 1;
      const which = stackContainer[depth] ?? 0;
      const children = stackChildren[depth] ?? 0;
      const openLine = containers[which * CONTAINER_STRIDE + OPEN] ?? 0;
      let ended = openLine;
      if (children === 0) {
        // {} or []: the opening line becomes the whole value; its container entry is dropped.
        lines[openLine * LINE_STRIDE + META] =
          ((lines[openLine * LINE_STRIDE + META] ?? 0) & ~3) | LineKind.Empty;
        containerCount -= 1;
      } else {
        if ((lineCount + 1) * LINE_STRIDE > lines.length)
          lines = grow(lines, (lineCount + 1) * LINE_STRIDE);
        ended = lineCount;
        const at = lineCount * LINE_STRIDE;
        lines[at + META] = LineKind.Close | (isArray ? 8 : 0) | (depth << 5);
        lines[at + START] = start;
        lines[at + POSITION] = 0;
        lineCount += 1;
        containers[which * CONTAINER_STRIDE + CLOSE] = ended;
        containers[which * CONTAINER_STRIDE + CHILDREN] = children;
      }
      if (depth > 0) stackLastEnd[depth - 1] = ended;
    },
    scalar(start, _end, keyStart) {
      const line = addLine(LineKind.Scalar, false, keyStart >= 0, keyStart >= 0 ? keyStart : start);
      if (depth > 0) stackLastEnd[depth - 1] = line;
    },
  });
  if (error) return { ok: false, error };
  return {
    ok: true,
    index: {
      count: lineCount,
      lines: lines.slice(0, lineCount * LINE_STRIDE),
      containerCount,
      containers: containers.slice(0, containerCount * CONTAINER_STRIDE),
    },
  };
}

/** The container an opening line opens (containers are in opening order: binary search). */
function containerOfOpenLine(index: JsonLineIndex, line: number): number {
  let low = 0;
  let high = index.containerCount - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const openLine = container(index, middle, OPEN);
    if (openLine === line) return middle;
    if (openLine < line) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** For an opening line: its closing line and how many children it has. */
export function containerOf(
  index: JsonLineIndex,
  openLine: number,
): { close: number; children: number } {
  const which = containerOfOpenLine(index, openLine);
  return { close: container(index, which, CLOSE), children: container(index, which, CHILDREN) };
}

/** The opening line of the object or array a line sits in, or -1 at the top. */
export function parentLine(index: JsonLineIndex, line: number): number {
  // The last container opened before the line, then outwards until one encloses it.
  let low = 0;
  let high = index.containerCount - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (container(index, middle, OPEN) < line) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  while (candidate >= 0 && container(index, candidate, CLOSE) < line) {
    candidate = container(index, candidate, PARENT);
  }
  return candidate >= 0 ? container(index, candidate, OPEN) : -1;
}

/** How many siblings the line has, itself included (for aria-setsize). */
export function lineSetSize(index: JsonLineIndex, line: number): number {
  const parent = parentLine(index, line);
  return parent < 0 ? 1 : containerOf(index, parent).children;
}

/** Where a line's name and value are in the bytes (name -1 when it has none). */
export function lineSpans(
  bytes: Uint8Array,
  index: JsonLineIndex,
  line: number,
): { keyStart: number; keyEnd: number; valueStart: number; valueEnd: number } {
  const start = lineStart(index, line);
  let keyStart = -1;
  let keyEnd = -1;
  let valueStart = start;
  if (lineHasKey(index, line)) {
    keyStart = start;
    keyEnd = scanString(bytes, start);
    valueStart = skipSpace(bytes, skipSpace(bytes, keyEnd) + 1);
  }
  const kind = lineKind(index, line);
  const valueEnd = kind === LineKind.Scalar ? scalarEnd(bytes, valueStart) : valueStart + 1;
  return { keyStart, keyEnd, valueStart, valueEnd };
}

/** Values longer than this many bytes show their beginning and how much more there is. */
export const displayedValueLimit = 5_000;

export interface LineParts {
  /** `"name": ` or empty. */
  key: string;
  value: string;
  /** `,` or empty. */
  comma: string;
}

const decoder = new TextDecoder();

/**
 * A line as the pretty view shows it, without indentation, in three parts. An opening line
 * shown folded reads `{…} 3 fields` and takes the comma of its closing line.
 */
export function lineParts(
  bytes: Uint8Array,
  index: JsonLineIndex,
  line: number,
  { folded = false, valueLimit = Infinity }: { folded?: boolean; valueLimit?: number } = {},
): LineParts {
  const spans = lineSpans(bytes, index, line);
  const key =
    spans.keyStart >= 0 ? `${decoder.decode(bytes.subarray(spans.keyStart, spans.keyEnd))}: ` : '';
  const kind = lineKind(index, line);
  const isArray = lineIsArray(index, line);
  let commaLine = line;
  let value: string;
  if (kind === LineKind.Empty) {
    value = isArray ? '[]' : '{}';
  } else if (kind === LineKind.Open && folded) {
    const { close, children } = containerOf(index, line);
    const noun = isArray
      ? children === 1
        ? 'item'
        : 'items'
      : children === 1
        ? 'field'
        : 'fields';
    value = `${isArray ? '[…]' : '{…}'} ${children.toLocaleString('en-US')} ${noun}`;
    commaLine = close;
  } else if (spans.valueEnd - spans.valueStart > valueLimit) {
    let cut = spans.valueStart + valueLimit;
    // Do not cut a character's UTF-8 bytes apart.
    while (cut > spans.valueStart && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
    const more = spans.valueEnd - cut;
    value = `${decoder.decode(bytes.subarray(spans.valueStart, cut))}… (${more.toLocaleString('en-US')} more bytes)`;
  } else {
    value = decoder.decode(bytes.subarray(spans.valueStart, spans.valueEnd));
  }
  return { key, value, comma: lineHasComma(index, commaLine) ? ',' : '' };
}
