import type { AppInfo } from '../../../shared/ipc/contract';
import { createAppHandlers, type Clipboard } from './app-handlers';
import type { CallHandlers } from './dispatcher';
import type { EventSink } from './event-sink';

/** Everything the handlers need, made by the Electron glue or by the test bridge. */
export interface AppServices {
  appInfo: AppInfo;
  clipboard: Clipboard;
  emit: EventSink;
}

/** The one place every domain's handlers are put together; the type checks none is missing. */
export function createCallHandlers(services: AppServices): CallHandlers {
  return {
    ...createAppHandlers(services.appInfo, services.clipboard),
  };
}
