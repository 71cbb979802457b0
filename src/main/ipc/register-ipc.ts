import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, contractManifest, type EventName } from '../../shared/ipc/contract';
import type { Dispatch } from '../core/ipc/dispatcher';
import type { SenderInfo } from '../core/ipc/sender-policy';

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

/** One ipcMain handler per contract call; the dispatcher does the checking. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const name of contractManifest.calls) {
    ipcMain.handle(channelOf(name), (event, args: unknown) =>
      dispatch(name, args, senderOf(event)),
    );
  }
}

/** Delivers a (validated) event to the window, if it is still there. */
export function deliverTo(getContents: () => WebContents | undefined) {
  return (name: EventName, payload: unknown): void => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(channelOf(name), payload);
  };
}
