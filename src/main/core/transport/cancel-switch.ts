import { EventEmitter } from 'node:events';
import { codedError } from './connect/connect-failure';

/**
 * Aborts one call (caller's cancel or the total timeout) in the EventEmitter form of a signal
 * that undici accepts ({ aborted, reason, 'abort' event }). An AbortController plus undici's
 * EventTarget listener costs ~10 µs per request, as much as a keep-alive request itself.
 */
export class CancelSwitch extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }

  /** As an EventListener object on the caller's AbortSignal: the caller cancelled. */
  handleEvent(): void {
    this.abort(codedError('VEZA_CANCELLED', 'The request was cancelled.'));
  }
}
