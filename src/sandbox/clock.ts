// The sandbox's own clock. Every timestamp it writes (created_at, error timestamps) comes from
// here, so tests of key age and rotation reminders can move time forward without waiting.

export interface Clock {
  /** The sandbox's idea of now. */
  now(): Date;
  /** Jump to a given instant (time keeps running from there). */
  set(instant: Date): void;
  /** Move forward (or back, with a negative value) by some milliseconds. */
  advance(ms: number): void;
}

export function createClock(start?: Date): Clock {
  let offsetMs = start ? start.getTime() - Date.now() : 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set: (instant) => {
      offsetMs = instant.getTime() - Date.now();
    },
    advance: (ms) => {
      offsetMs += ms;
    },
  };
}

/** RFC 3339 with nanoseconds, as Veza writes error timestamps ("...11.508388808Z"). */
export function nanoTimestamp(instant: Date): string {
  const sub = String(process.hrtime()[1] % 1_000_000).padStart(6, '0');
  return instant.toISOString().replace(/Z$/, `${sub}Z`);
}
