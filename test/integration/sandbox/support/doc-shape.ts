// Compares an answer with a documented example: the same keys with the same value types,
// recursively (ids, times and other values may differ). Options per fixture:
// - looseEnums: keys whose example value is an enum number (the docs' OpenAPI rendering) and
//   whose answer may be the enum's name or its number;
// - openMaps: keys whose value is a free-form object (properties, metadata): an object, any keys;
// - an example value null matches anything (the docs use null for "not set").
// An array matches when some element of the answer matches the example's first element (an
// empty answer array matches too: there may be nothing of that kind to list).

export interface ShapeOptions {
  looseEnums?: string[];
  openMaps?: string[];
}

const kind = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** The first difference, as a path and what was wrong, or undefined when the shapes agree. */
export function shapeDifference(
  example: unknown,
  actual: unknown,
  options: ShapeOptions = {},
  path = '$',
  key = '',
): string | undefined {
  if (example === null) return undefined;
  if (options.openMaps?.includes(key))
    return kind(actual) === 'object'
      ? undefined
      : `${path}: expected an object, got ${kind(actual)}`;
  if (options.looseEnums?.includes(key) && kind(example) === 'number')
    return ['number', 'string'].includes(kind(actual))
      ? undefined
      : `${path}: expected an enum (name or number), got ${kind(actual)}`;
  if (kind(example) !== kind(actual))
    return `${path}: expected ${kind(example)}, got ${kind(actual)}`;
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length === 0 || actual.length === 0) return undefined;
    const differences = actual.map((item, index) =>
      shapeDifference(example[0], item, options, `${path}[${index}]`, key),
    );
    return differences.includes(undefined) ? undefined : differences[0];
  }
  if (kind(example) === 'object') {
    const want = example as Record<string, unknown>;
    const got = actual as Record<string, unknown>;
    for (const [name, value] of Object.entries(want)) {
      if (!(name in got)) return `${path}.${name}: missing`;
      const difference = shapeDifference(value, got[name], options, `${path}.${name}`, name);
      if (difference) return difference;
    }
  }
  return undefined;
}

/** The values at a path like `details[].reason` (arrays flattened). */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const part of path.split('.')) {
    const name = part.endsWith('[]') ? part.slice(0, -2) : part;
    current = current.map((item) => (item as Record<string, unknown> | undefined)?.[name]);
    if (part.endsWith('[]')) current = current.flatMap((item) => (Array.isArray(item) ? item : []));
  }
  return current;
}
