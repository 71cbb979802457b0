import { describe, expect, it } from 'vitest';
import {
  createQuitGuard,
  createRotationsInFlight,
  quitAnswerOf,
  quitQuestion,
  type QuitAnswer,
} from '../../../../../src/main/core/keys/rotations-in-flight';

/** A promise and the function that settles it, to hold a rotation "running" in a test. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the rotations in flight', () => {
  it('counts a rotation while it runs, and forgets it when it ends, even by failing', async () => {
    const inFlight = createRotationsInFlight();
    const first = gate();
    const running = inFlight.run('holder-a', () => first.opened);
    const failing = inFlight.run('holder-b', async () => {
      throw new Error('Veza said no');
    });
    expect(inFlight.count()).toBe(2);
    await expect(failing).rejects.toThrow('Veza said no');
    expect(inFlight.count()).toBe(1);
    expect(inFlight.running('holder-a')).toBe(true);
    expect(inFlight.running('holder-b')).toBe(false);
    first.open();
    await running;
    expect(inFlight.count()).toBe(0);
    expect(inFlight.running('holder-a')).toBe(false);
  });

  it('runs two rotations of one holder one after the other, never together', async () => {
    const inFlight = createRotationsInFlight();
    const order: string[] = [];
    const first = gate();
    const one = inFlight.run('holder', async () => {
      order.push('first starts');
      await first.opened;
      order.push('first ends');
    });
    const two = inFlight.run('holder', async () => {
      order.push('second starts');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['first starts']);
    // One holder, two waiting: the quit question counts the holder once.
    expect(inFlight.count()).toBe(1);
    first.open();
    await Promise.all([one, two]);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
    expect(inFlight.count()).toBe(0);
  });

  it('runs rotations of different holders side by side', async () => {
    const inFlight = createRotationsInFlight();
    const a = gate();
    const started: string[] = [];
    const one = inFlight.run('a', async () => {
      started.push('a');
      await a.opened;
    });
    await inFlight.run('b', async () => void started.push('b'));
    expect(started).toEqual(['a', 'b']);
    a.open();
    await one;
  });
});

describe('quitting during a rotation', () => {
  const guardWith = (count: number, answers: QuitAnswer[]) => {
    const asked: number[] = [];
    const guard = createQuitGuard({
      inFlight: { count: () => count },
      ask: (running) => {
        asked.push(running);
        return answers.shift() ?? 'wait';
      },
    });
    return { guard, asked };
  };

  it('quits without asking when no rotation runs', () => {
    const { guard, asked } = guardWith(0, []);
    expect(guard.shouldWait()).toBe(false);
    expect(asked).toEqual([]);
  });

  it('asks while one runs; Wait stops the quit, and it asks again next time', () => {
    const { guard, asked } = guardWith(1, ['wait', 'wait']);
    expect(guard.shouldWait()).toBe(true);
    expect(guard.shouldWait()).toBe(true);
    expect(asked).toEqual([1, 1]);
  });

  it('after "Quit anyway" the window closing and the quit that follow do not ask again', () => {
    const { guard, asked } = guardWith(1, ['quit']);
    expect(guard.shouldWait()).toBe(false);
    expect(guard.shouldWait()).toBe(false);
    expect(asked).toEqual([1]);
  });

  it('the message box: Wait first, the default and what Escape answers; only "Quit anyway" quits', () => {
    expect(quitQuestion.buttons[quitQuestion.defaultId]).toBe('Wait');
    expect(quitQuestion.buttons[quitQuestion.cancelId]).toBe('Wait');
    expect(quitQuestion.message).toMatch(/^A key rotation is still running/);
    expect(quitAnswerOf(quitQuestion.buttons.indexOf('Quit anyway'))).toBe('quit');
    expect(quitAnswerOf(quitQuestion.defaultId)).toBe('wait');
    expect(quitAnswerOf(quitQuestion.cancelId)).toBe('wait');
  });
});
