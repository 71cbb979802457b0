import { expect } from 'vitest';
import { TransportError } from '../../../../src/main/core/transport';

/** Awaits a send that must fail and returns its TransportError (fails the test otherwise). */
export async function expectFailure(promise: Promise<unknown>): Promise<TransportError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome))
    throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  expect(outcome.error).toBeInstanceOf(TransportError);
  return outcome.error as TransportError;
}
