import type { Result } from '../result';
import type { CallArgs, CallName, CallResult, EventName, EventPayload } from './contract';

/** `window.veza`: the only thing the page can reach. No channel outside the contract. */
export interface VezaApi {
  invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<Result<CallResult<N>>>;
  /** Subscribes to an event pushed by main; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
