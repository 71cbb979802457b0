import { contextBridge, ipcRenderer } from 'electron';
import { contractManifest } from '../shared/ipc/contract';
import { buildVezaApi } from '../shared/ipc/build-veza-api';

// The whole preload: `window.veza` built from the contract's names. No raw ipcRenderer, no
// process.env, nothing else reaches the page.
contextBridge.exposeInMainWorld(
  'veza',
  buildVezaApi(contractManifest, {
    invoke: (channel, args) => ipcRenderer.invoke(channel, args),
    subscribe: (channel, listener) => {
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => ipcRenderer.removeListener(channel, wrapped);
    },
  }),
);
