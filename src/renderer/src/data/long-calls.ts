import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';

/*
 * The one way the window stops a long call (Verify, Check all, a rotation, a send, a page
 * walk): it names the call with an id of its own when starting it, and Cancel asks main to
 * stop the call with that id. Main decides what stopping means for each.
 */

/** A new id to start a long call with. */
export const newCallId = (): string => crypto.randomUUID();

/** Asks main to stop the call; harmless when it has already ended. */
export function cancelCall(callId: string): void {
  void veza.invoke('calls.cancel', { callId });
}

/** The call ended because it was cancelled (not a problem to show as one). */
export const wasCancelled = (problem: Problem): boolean => problem.code === 'REQUEST_CANCELLED';
