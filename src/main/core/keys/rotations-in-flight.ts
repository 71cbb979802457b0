/**
 * The key rotations (and rotation recoveries) this process is running, one at a time per
 * instance that holds the key: a second rotation of the same instance waits for the first, so
 * two never write the same rotation journal. Quitting asks first while any is running.
 */
export interface RotationsInFlight {
  /** Runs `work` once no other rotation of this holder runs in this process. */
  run<T>(holderProfileId: string, work: () => Promise<T>): Promise<T>;
  /** Whether a rotation of this holder runs (or waits to run) here. */
  running(holderProfileId: string): boolean;
  /** How many holders have a rotation running or waiting. */
  count(): number;
}

export function createRotationsInFlight(): RotationsInFlight {
  // Per holder: the last work queued, and how many are running or waiting.
  const queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();
  return {
    async run(holderProfileId, work) {
      const queue = queues.get(holderProfileId) ?? { tail: Promise.resolve(), waiting: 0 };
      queues.set(holderProfileId, queue);
      queue.waiting += 1;
      const previous = queue.tail;
      let release = () => {};
      queue.tail = new Promise<void>((resolve) => (release = resolve));
      try {
        await previous;
        return await work();
      } finally {
        release();
        queue.waiting -= 1;
        if (queue.waiting === 0) queues.delete(holderProfileId);
      }
    },
    running: (holderProfileId) => queues.has(holderProfileId),
    count: () => queues.size,
  };
}

/** The one registry of this process: the keys service runs rotations in it, index.ts asks it. */
export const rotationsInFlight = createRotationsInFlight();

export type QuitAnswer = 'quit' | 'wait';

/**
 * Decides whether a quit (or closing the window, which quits) must wait for a rotation: with
 * one running the user is asked; "Quit anyway" is asked once, so the window closing right
 * after the quit does not ask again.
 */
export function createQuitGuard(deps: {
  inFlight: Pick<RotationsInFlight, 'count'>;
  /** Asks the user (a message box in the app); answers 'wait' unless they chose to quit. */
  ask: (running: number) => QuitAnswer;
}) {
  let quitConfirmed = false;
  return {
    /** true: stop this quit (the user chose to wait). */
    shouldWait(): boolean {
      if (quitConfirmed) return false;
      const running = deps.inFlight.count();
      if (running === 0) return false;
      if (deps.ask(running) === 'wait') return true;
      quitConfirmed = true;
      return false;
    },
  };
}

/** What the quit question says; Wait is the first button, the default and the Escape answer. */
export const quitQuestion = {
  buttons: ['Wait', 'Quit anyway'],
  defaultId: 0,
  cancelId: 0,
  title: 'Key rotation running',
  message: 'A key rotation is still running.',
  detail:
    'Wait until it is done: Veza Desk is replacing a team key in Veza and in the keychain. If you quit now, Veza Desk finishes the rotation or undoes it the next time it starts, and tells you which.',
} as const;

/** The answer of a message box shown with quitQuestion. */
export const quitAnswerOf = (buttonIndex: number): QuitAnswer =>
  buttonIndex === 1 ? 'quit' : 'wait';
