import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallArgs, CallName, CallResult, EventName } from '../../../shared/ipc/contract';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';

export interface CallState<V> {
  /** The last answer, kept while a reload runs; undefined until the first one. */
  value: V | undefined;
  problem: Problem | null;
  loading: boolean;
  /** Asks again with the same arguments. */
  reload: () => Promise<void>;
  clearProblem: () => void;
}

export interface CallOptions {
  /** Events main pushes when this answer may have changed: each one loads it again. */
  reloadOn?: readonly EventName[];
}

/**
 * Loads data from main and keeps it with its problem and loading state: again when the
 * arguments change (compared by value), on `reload()`, and on the events named in `reloadOn`.
 * `args === null` loads nothing (not needed yet). An answer that arrives after newer arguments
 * were asked for is dropped.
 */
export function useCall<N extends CallName>(
  name: N,
  args: CallArgs<N> | null,
  options: CallOptions = {},
): CallState<CallResult<N>> {
  const [value, setValue] = useState<CallResult<N> | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  // IPC arguments are plain data: their text is the dependency, so a new object each render
  // with the same fields does not load again.
  const key = args === null ? null : args === undefined ? 'undefined' : JSON.stringify(args);
  /** The arguments the shown answer (or problem) is for; a reload in flight clears it. */
  const [answered, setAnswered] = useState<string | null>(null);
  const latest = useRef(0);

  const settle = useCallback(
    async (ticket: number) => {
      if (key === null) return;
      const current = (key === 'undefined' ? undefined : JSON.parse(key)) as CallArgs<N>;
      const result = await veza.invoke(name, current);
      if (ticket !== latest.current) return;
      setAnswered(key);
      if (result.ok) {
        setValue(result.value);
        setProblem(null);
      } else setProblem(result.problem);
    },
    [name, key],
  );
  const reload = useCallback(async () => {
    setAnswered(null);
    await settle(++latest.current);
  }, [settle]);

  useEffect(() => {
    if (key === null) return;
    void settle(++latest.current);
    const tickets = latest;
    return () => {
      tickets.current++;
    };
  }, [key, settle]);

  const events = (options.reloadOn ?? []).join(' ');
  useEffect(() => {
    if (key === null || !events) return;
    const stops = events
      .split(' ')
      .map((event) => veza.on(event as EventName, () => void settle(++latest.current)));
    return () => stops.forEach((stop) => stop());
  }, [key, events, settle]);

  const clearProblem = useCallback(() => setProblem(null), []);
  const loading = key !== null && answered !== key;
  return { value, problem, loading, reload, clearProblem };
}
