import { z } from 'zod';

/**
 * Bounds shared by the schemas that cross IPC (issue 14): every string and list in the contract
 * has a maximum that no real use meets but that stops a broken window, or a hostile answer that
 * main relays, from pushing unbounded data through. test/unit/shared/ipc/contract-bounds.test.ts
 * walks the contract and names any field without one.
 */
export const bounds = {
  /** A name the user gives (instance, team key, saved request, folder). */
  name: 200,
  /** An address: an instance's origin, a proxy URL. */
  url: 2048,
  /** A file path on this computer (Windows' long paths reach 32,767 characters). */
  filePath: 32_767,
  /** An opaque id or code from Veza or the system (request_id, errno code, serverCode). */
  id: 200,
  /** One line of plain words (a step's note, a version, a platform). */
  line: 1000,
  /** A time as ISO 8601 text, e.g. 2024-05-01T12:00:00.000Z. */
  timestamp: 64,
  /** Text of a problem (title, explanation, a fix step, a raw error, Veza's message). */
  problemText: 10 * 1024,
  /** Fix steps of one problem. */
  problemSteps: 20,
  /** Named facts of one problem. */
  problemFacts: 50,
  /** Saved instances (and everything listed per instance). */
  profiles: 10_000,
  /** Short lists from a verdict or an import (roles, notes, skipped entries). */
  shortList: 1000,
} as const;

const recordBounds = z.registry<{ maxKeys: number }>();

/**
 * A record (a map with string keys) of at most `maxKeys` keys. zod's records have no key count
 * of their own; this adds the check and marks the schema so the contract walk can see it.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(
  keyType: K,
  valueType: V,
  maxKeys: number,
) {
  const schema = z
    .record(keyType, valueType)
    .refine((record) => Object.keys(record).length <= maxKeys, {
      message: `At most ${maxKeys} entries.`,
    });
  recordBounds.add(schema, { maxKeys });
  return schema;
}

/** The key count boundedRecord gave this schema, if it made it. */
export function maxKeysOf(schema: z.core.$ZodType): number | undefined {
  return recordBounds.get(schema)?.maxKeys;
}

/**
 * `text` cut to at most `max` characters (UTF-16 code units, as the schemas count them), ending
 * in "…" when cut; never half of a surrogate pair.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
