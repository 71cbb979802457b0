import fc from 'fast-check';
import type { z } from 'zod';

// fast-check arbitraries derived from the IPC contract's zod schemas (zod 4 keeps each schema's
// definition in `_zod.def`): `validOf` makes values that mostly pass the schema, `invalidOf`
// values that break it at one place (a wrong type, a missing field, a string or list one over
// its maximum, NaN, a polluting key...). Which is which is always decided by the schema itself
// (safeParse); the arbitraries only make both kinds likely.

interface Check {
  check: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
}
interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

export const defOf = (schema: z.ZodType): Def =>
  (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((check) => check._zod.def);
const checkValue = (def: Def, name: string, field: keyof Check): number | undefined => {
  const found = checksOf(def).find((check) => check.check === name);
  return found ? (found[field] as number) : undefined;
};

/** Values for one named field, instead of the schema's generic ones (see `hints` below). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/** How long generated valid strings and lists get (the maxima themselves are far larger). */
const small = { string: 24, list: 3 };

/** Whether a schema accepts `undefined` (the field may then be left out of an object). */
function acceptsUndefined(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'undefined';
}

export function validOf(schema: z.ZodType, hints: Hints = {}, name = ''): fc.Arbitrary<unknown> {
  const hinted = hints[name];
  const def = defOf(schema);
  if (hinted && def.type !== 'optional' && def.type !== 'default') return hinted;
  switch (def.type) {
    case 'string': {
      if (def.format === 'uuid') return fc.uuid({ version: 4 });
      if (def.format === 'datetime')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((date) => date.toISOString());
      const min = checkValue(def, 'min_length', 'minimum') ?? 0;
      const max = checkValue(def, 'max_length', 'maximum') ?? small.string;
      return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, small.string)) });
    }
    case 'number': {
      const int = checksOf(def).some((check) => check.format === 'safeint');
      const min = checkValue(def, 'greater_than', 'value') ?? -1_000_000;
      const max = checkValue(def, 'less_than', 'value') ?? 1_000_000;
      return int
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'object': {
      const shape = def.shape ?? {};
      const arbitraries = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, validOf(value, hints, key)]),
      );
      const requiredKeys = Object.entries(shape)
        .filter(([, value]) => !acceptsUndefined(value))
        .map(([key]) => key);
      return fc.record(arbitraries, { requiredKeys });
    }
    case 'array': {
      const min = checkValue(def, 'min_length', 'minimum') ?? 0;
      const max = checkValue(def, 'max_length', 'maximum') ?? small.list;
      return fc.array(validOf(def.element as z.ZodType, hints, `${name}[]`), {
        minLength: min,
        maxLength: Math.max(min, Math.min(max, small.list)),
      });
    }
    case 'optional':
      return fc.option(validOf(def.innerType as z.ZodType, hints, name), { nil: undefined });
    case 'default':
      return fc.option(validOf(def.innerType as z.ZodType, hints, name), { nil: undefined });
    case 'nullable':
      return fc.option(validOf(def.innerType as z.ZodType, hints, name), { nil: null });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => validOf(option, hints, name)));
    case 'record':
      return fc.dictionary(
        validOf(def.keyType as z.ZodType, hints) as fc.Arbitrary<string>,
        validOf(def.valueType as z.ZodType, hints),
        { maxKeys: 3 },
      );
    case 'pipe':
      return validOf(def.in as z.ZodType, hints, name);
    case 'lazy':
      return validOf((def.getter as () => z.ZodType)(), hints, name);
    default:
      return fc.anything();
  }
}

/** Nested `depth` deep, built without recursion: [[[...]]] or {a:{a:{...}}}. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/**
 * The object with keys that pollute a prototype when code assigns them blindly, as own
 * properties (the way JSON.parse, and so an IPC message, makes them).
 */
export function withPollutingKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const rest = JSON.stringify(value).slice(1);
  const polluting =
    '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';
  return JSON.parse(`{${polluting}${rest === '}' ? '' : ','}${rest}`) as unknown;
}

/** Values of the wrong kind for almost any field. */
export const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    NaN,
    Infinity,
    -Infinity,
    -0,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'not what was asked for',
    '\u0000\r\n',
    true,
    [],
    {},
    10n,
    new Date(NaN),
    new Map([['a', 1]]),
    new Set([1]),
    new Uint8Array([1, 2, 3]),
    Object.create(null) as object,
  ),
  fc.constant(null).map(() => deeplyNested(2000, 'array')),
  fc.constant(null).map(() => deeplyNested(2000, 'object')),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true }),
);

/** A string `length` long (cached: some maxima are megabytes). */
const longStrings = new Map<number, string>();
export function longString(length: number): string {
  let text = longStrings.get(length);
  if (text === undefined) {
    text = 'x'.repeat(length);
    longStrings.set(length, text);
  }
  return text;
}

export function invalidOf(schema: z.ZodType, hints: Hints = {}, name = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const valid = () => validOf(schema, hints, name);
  switch (def.type) {
    case 'string': {
      const max = checkValue(def, 'max_length', 'maximum');
      const min = checkValue(def, 'min_length', 'minimum') ?? 0;
      return fc.oneof(
        wrongKind,
        fc.string({ maxLength: 40 }),
        ...(max === undefined ? [] : [fc.constant(null).map(() => longString(max + 1))]),
        ...(min > 0 ? [fc.string({ maxLength: min - 1 })] : []),
      );
    }
    case 'number':
      return fc.oneof(
        wrongKind,
        fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -1, 1e308, -1e308),
        fc.string({ maxLength: 5 }),
      );
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
      return fc.oneof(wrongKind, fc.constantFrom('yes', 'TRUE', 0, 1, '__not_an_option__'));
    case 'undefined':
      return fc.oneof(wrongKind, fc.constantFrom(0, '', false, {}, []));
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const required = keys.filter((key) => !acceptsUndefined(shape[key] as z.ZodType));
      const variants: fc.WeightedArbitrary<unknown>[] = [{ weight: 2, arbitrary: wrongKind }];
      // One field broken, the others valid.
      if (keys.length > 0) {
        const oneBroken = fc.tuple(valid(), fc.constantFrom(...keys)).chain(([sample, key]) =>
          invalidOf(shape[key] as z.ZodType, hints, key).map((broken) => ({
            ...(sample as object),
            [key]: broken,
          })),
        );
        variants.push({ weight: 4, arbitrary: oneBroken });
      }
      // One required field left out.
      if (required.length > 0) {
        const oneMissing = fc.tuple(valid(), fc.constantFrom(...required)).map(([sample, key]) => {
          return Object.fromEntries(
            Object.entries(sample as Record<string, unknown>).filter(([name]) => name !== key),
          );
        });
        variants.push({ weight: 2, arbitrary: oneMissing });
      }
      // Valid fields plus polluting keys, or extra fields of any kind: these pass when the rest
      // is valid (the schema strips unknown keys, which is the point).
      const extras = fc
        .tuple(valid(), fc.dictionary(fc.string({ maxLength: 8 }), wrongKind, { maxKeys: 3 }))
        .map(([sample, extra]) => ({ ...extra, ...(sample as object) }));
      variants.push({ weight: 1, arbitrary: valid().map(withPollutingKeys) });
      variants.push({ weight: 1, arbitrary: extras });
      return fc.oneof(...variants);
    }
    case 'array': {
      const element = def.element as z.ZodType;
      const max = checkValue(def, 'max_length', 'maximum');
      const variants: fc.Arbitrary<unknown>[] = [
        wrongKind,
        fc
          .tuple(valid(), invalidOf(element, hints, `${name}[]`))
          .map(([sample, broken]) => [...(sample as unknown[]), broken]),
      ];
      // One element over the maximum (a copy of a valid element, so only the length is wrong).
      if (max !== undefined && max <= 20_000)
        variants.push(
          validOf(element, hints, `${name}[]`).map((one) =>
            Array.from({ length: max + 1 }, () => one),
          ),
        );
      return fc.oneof(...variants);
    }
    case 'optional':
    case 'default':
    case 'nullable':
      return invalidOf(def.innerType as z.ZodType, hints, name);
    case 'union':
      return fc.oneof(
        wrongKind,
        ...(def.options ?? []).map((option) => invalidOf(option, hints, name)),
      );
    case 'record':
      return fc.oneof(
        wrongKind,
        fc.dictionary(fc.string({ maxLength: 5 }), wrongKind, { minKeys: 1, maxKeys: 3 }),
      );
    case 'pipe':
      return invalidOf(def.in as z.ZodType, hints, name);
    case 'lazy':
      return invalidOf((def.getter as () => z.ZodType)(), hints, name);
    default:
      return wrongKind;
  }
}
