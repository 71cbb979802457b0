/**
 * The long calls in flight (verify, check all, rotation, sends, page walks), each under the id
 * the window chose for it, so `calls.cancel` can stop any of them the same way. The services
 * only see an AbortSignal; what "stopped" means is theirs to decide (a rotation stops at a safe
 * point and rolls back, a send drops the connection).
 */
export interface RunningCalls {
  /** Runs `work` with a signal that `cancel(callId)` aborts; no id, no way to cancel. */
  run<T>(callId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Harmless when the call already ended or never existed. */
  cancel(callId: string): void;
  /** On quit: everything still running stops. */
  cancelAll(): void;
}

export function createRunningCalls(): RunningCalls {
  const running = new Map<string, AbortController>();
  return {
    async run(callId, work) {
      const controller = new AbortController();
      if (callId === undefined) return work(controller.signal);
      // The same id again means the window started over: the older one is not wanted.
      running.get(callId)?.abort();
      running.set(callId, controller);
      try {
        return await work(controller.signal);
      } finally {
        if (running.get(callId) === controller) running.delete(callId);
      }
    },
    cancel: (callId) => running.get(callId)?.abort(),
    cancelAll: () => {
      for (const controller of running.values()) controller.abort();
    },
  };
}
