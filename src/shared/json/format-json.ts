import { scanJson, type JsonSyntaxError } from './scan-json';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Pretty-prints JSON text with two-space indents, keeping every number and string exactly as
 * written (no rounding of large IDs, no re-escaping).
 */
export function formatJson(
  text: string,
  indent = '  ',
): { ok: true; text: string } | { ok: false; error: JsonSyntaxError } {
  const bytes = encoder.encode(text);
  const slice = (start: number, end: number) => decoder.decode(bytes.subarray(start, end));
  const out: string[] = [];
  // Per open container: whether it has had a child yet.
  const hasChild: boolean[] = [];
  const startItem = (keyStart: number, keyEnd: number) => {
    const depth = hasChild.length;
    if (depth > 0) {
      out.push(hasChild[depth - 1] ? ',\n' : '\n', indent.repeat(depth));
      hasChild[depth - 1] = true;
    }
    if (keyStart >= 0) out.push(slice(keyStart, keyEnd), ': ');
  };
  const error = scanJson(bytes, {
    open(_start, keyStart, keyEnd, isArray) {
      startItem(keyStart, keyEnd);
      out.push(isArray ? '[' : '{');
      hasChild.push(false);
    },
    close(_start, isArray) {
      const hadChildren = hasChild.pop();
      if (hadChildren) out.push('\n', indent.repeat(hasChild.length));
      out.push(isArray ? ']' : '}');
    },
    scalar(start, end, keyStart, keyEnd) {
      startItem(keyStart, keyEnd);
      out.push(slice(start, end));
    },
  });
  return error ? { ok: false, error } : { ok: true, text: out.join('') };
}

/** The first syntax error of a JSON text, or undefined when it is valid. */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  const ignore = () => {};
  return scanJson(encoder.encode(text), { open: ignore, close: ignore, scalar: ignore });
}
