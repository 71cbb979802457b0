import { events, type EventName, type EventPayload } from '../../../shared/ipc/contract';

/** Pushes an event to the window: ipcRenderer in the app, a page.evaluate in the test bridge. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Validates each payload against the contract before it crosses to the page. */
export function createEventSink(deliver: (name: EventName, payload: unknown) => void): EventSink {
  return (name, payload) => deliver(name, events[name].parse(payload));
}
