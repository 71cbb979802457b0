import type { Problem } from './problems/problem';

/** What every IPC call answers: errors cross the bridge as data, never as thrown strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failed = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });
