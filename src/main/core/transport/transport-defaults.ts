import type { TransportLimits, TransportTimeouts } from './transport-types';

// Defaults sized for an admin tool talking to one API: connections either open fast or never,
// Veza may take a while on big queries, and a response the user cannot read is useless past a
// few hundred MB.
export const defaultTimeouts: TransportTimeouts = {
  connectMs: 10_000,
  firstByteMs: 60_000,
  idleMs: 30_000,
  totalMs: 300_000,
};

export const defaultLimits: TransportLimits = {
  maxBodyBytes: 512 * 1024 * 1024,
  memoryThresholdBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
};

/** Later layers win field by field; undefined never overrides a value. */
export function mergeSettings<T extends object>(base: T, ...layers: (Partial<T> | undefined)[]): T {
  const merged = { ...base };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
