import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallArgs, CallName, CallResult } from '../../../shared/ipc/contract';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';

export interface ActionState<N extends CallName> {
  /**
   * Calls main; on success runs `onDone` with the answer and clears the problem, on failure
   * keeps the problem to show. Answers whether it succeeded.
   */
  run: (
    args: CallArgs<N>,
    onDone?: (value: CallResult<N>) => void | Promise<void>,
  ) => Promise<boolean>;
  pending: boolean;
  problem: Problem | null;
  clearProblem: () => void;
  /** Shows a problem found before calling (the form's own check) the same way. */
  showProblem: (problem: Problem | null) => void;
}

/** One action the user takes (save, delete, rotate...): its pending and problem state. */
export function useAction<N extends CallName>(name: N): ActionState<N> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback<ActionState<N>['run']>(
    async (args, onDone) => {
      setPending(true);
      const result = await veza.invoke(name, args);
      if (mounted.current) {
        setPending(false);
        setProblem(result.ok ? null : result.problem);
      }
      if (result.ok) await onDone?.(result.value);
      return result.ok;
    },
    [name],
  );
  const clearProblem = useCallback(() => setProblem(null), []);
  return { run, pending, problem, clearProblem, showProblem: setProblem };
}
