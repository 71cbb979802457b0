import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calls, events } from '../../../../src/shared/ipc/contract';
import { boundedRecord, maxKeysOf } from '../../../../src/shared/ipc/bounds';

// Every string, list and map that can cross IPC has a maximum, so neither a broken window nor a
// hostile answer relayed by main can push unbounded data through the contract. This walks the
// schemas themselves (zod 4 keeps each schema's definition in `_zod.def`), so a new field
// without a bound fails here with its path.

/** The largest maximum accepted at all: a bound above it is no bound. */
const ceiling = { string: 64 * 1024 * 1024, array: 100_000, keys: 10_000 };

// Only what this walk reads of zod 4's internal definitions.
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; maximum?: number; length?: number } } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The length maximum of a string or array schema, if it has one. */
function lengthMaximum(def: Def): number | undefined {
  const found = (def.checks ?? [])
    .map((check) => check._zod.def)
    .flatMap((check) =>
      check.check === 'max_length'
        ? [check.maximum as number]
        : check.check === 'length_equals'
          ? [check.length as number]
          : [],
    );
  return found.length ? Math.min(...found) : undefined;
}

// Formats whose pattern fixes the length.
const fixedLengthFormats = new Set(['uuid']);
// Leaves that carry no unbounded data.
const boundedLeaves = new Set([
  'number',
  'boolean',
  'enum',
  'literal',
  'undefined',
  'null',
  'nan',
  'never',
  'void',
]);

/** The paths under `schema` whose size has no maximum (or one above the ceiling). */
export function unboundedPaths(
  schema: z.ZodType,
  at: string,
  seen = new Set<z.ZodType>(),
): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (inner: z.ZodType | undefined | null, where: string) =>
    inner ? unboundedPaths(inner, where, seen) : [];
  switch (def.type) {
    case 'string': {
      if (def.format && fixedLengthFormats.has(def.format)) return [];
      const max = lengthMaximum(def);
      if (max === undefined) return [`${at}: string without a maximum`];
      return max > ceiling.string ? [`${at}: string maximum ${max} above the ceiling`] : [];
    }
    case 'array': {
      const max = lengthMaximum(def);
      const own =
        max === undefined
          ? [`${at}: list without a maximum`]
          : max > ceiling.array
            ? [`${at}: list maximum ${max} above the ceiling`]
            : [];
      return [...own, ...walk(def.element, `${at}[]`)];
    }
    case 'object': {
      const catchall =
        def.catchall && defOf(def.catchall).type !== 'never'
          ? [`${at}: object that keeps unknown keys`, ...walk(def.catchall, `${at}.*`)]
          : [];
      return [
        ...catchall,
        ...Object.entries(def.shape ?? {}).flatMap(([key, value]) => walk(value, `${at}.${key}`)),
      ];
    }
    case 'record': {
      const keyType = def.keyType ? defOf(def.keyType).type : 'string';
      const maxKeys = maxKeysOf(schema);
      const own =
        keyType === 'enum' || keyType === 'literal'
          ? []
          : maxKeys === undefined
            ? [`${at}: record without a maximum number of keys`]
            : maxKeys > ceiling.keys
              ? [`${at}: record maximum ${maxKeys} keys above the ceiling`]
              : [];
      return [...own, ...walk(def.keyType, `${at}{key}`), ...walk(def.valueType, `${at}{}`)];
    }
    case 'union':
      return (def.options ?? []).flatMap((option, index) => walk(option, `${at}|${index}`));
    case 'intersection':
      return [...walk(def.left, at), ...walk(def.right, at)];
    case 'tuple':
      return [
        ...(def.items ?? []).flatMap((item, index) => walk(item, `${at}[${index}]`)),
        ...(def.rest ? [`${at}: tuple with a rest element`] : []),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType, at);
    case 'lazy':
      return walk(def.getter?.(), at);
    case 'pipe':
      return [...walk(def.in, at), ...walk(def.out, at)];
    case 'transform':
      return [];
    default:
      return boundedLeaves.has(def.type) ? [] : [`${at}: ${def.type} has no bound`];
  }
}

describe('every string, list and map in the IPC contract has a maximum', () => {
  it.each(Object.entries(calls))('%s', (name, { args, result }) => {
    expect([
      ...unboundedPaths(args, `${name} args`),
      ...unboundedPaths(result, `${name} result`),
    ]).toEqual([]);
  });
  it.each(Object.entries(events))('event %s', (name, payload) => {
    expect(unboundedPaths(payload, `${name} event`)).toEqual([]);
  });
});

describe('the walk itself', () => {
  const record = (max?: number) =>
    max === undefined
      ? z.record(z.string().max(10), z.string().max(10))
      : boundedRecord(z.string().max(10), z.string().max(10), max);
  it.each([
    ['a bare string', z.object({ a: z.string() }), ['x.a: string without a maximum']],
    ['a list', z.array(z.string().max(3)), ['x: list without a maximum']],
    ['a string in a list', z.array(z.string()).max(3), ['x[]: string without a maximum']],
    [
      'a string behind optional, nullable, default, lazy and pipe',
      z.object({
        a: z.string().optional(),
        b: z.string().nullable(),
        c: z.string().default(''),
        d: z.lazy(() => z.string()),
        e: z.string().max(4).pipe(z.string()),
      }),
      [
        'x.a: string without a maximum',
        'x.b: string without a maximum',
        'x.c: string without a maximum',
        'x.d: string without a maximum',
        'x.e: string without a maximum',
      ],
    ],
    [
      'a union member',
      z.discriminatedUnion('k', [
        z.object({ k: z.literal('a'), v: z.string().max(1) }),
        z.object({ k: z.literal('b'), v: z.string() }),
      ]),
      ['x|1.v: string without a maximum'],
    ],
    ['a tuple item', z.tuple([z.string().max(1), z.string()]), ['x[1]: string without a maximum']],
    ['a record without a key count', record(), ['x: record without a maximum number of keys']],
    [
      'a record marked by meta only',
      z.record(z.string().max(1), z.number()).meta({ maxKeys: 3 }),
      ['x: record without a maximum number of keys'],
    ],
    [
      'a bound above the ceiling',
      z.string().max(1e9),
      ['x: string maximum 1000000000 above the ceiling'],
    ],
    ['unknown data', z.object({ a: z.unknown() }), ['x.a: unknown has no bound']],
    [
      'an object that keeps unknown keys',
      z.looseObject({}),
      ['x: object that keeps unknown keys', 'x.*: unknown has no bound'],
    ],
  ])('finds %s', (_what, schema, expected) => {
    expect(unboundedPaths(schema as z.ZodType, 'x')).toEqual(expected);
  });

  it('accepts bounded schemas, uuids, enums and records with a key count', () => {
    const bounded: z.ZodType = z.object({
      id: z.uuid(),
      name: z.string().trim().min(1).max(10),
      code: z.string().length(4),
      kind: z.enum(['a', 'b']),
      rows: z.array(z.object({ v: z.string().max(2) })).max(5),
      map: record(20),
      self: z.lazy((): z.ZodType => bounded),
    });
    expect(unboundedPaths(bounded, 'x')).toEqual([]);
  });

  it('a bounded record refuses one key more', () => {
    const schema = record(2);
    expect(schema.safeParse({ a: '1', b: '2' }).success).toBe(true);
    expect(schema.safeParse({ a: '1', b: '2', c: '3' }).success).toBe(false);
    expect(schema.optional().safeParse({ a: '1', b: '2', c: '3' }).success).toBe(false);
  });
});
