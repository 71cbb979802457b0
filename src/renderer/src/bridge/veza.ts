import type { VezaApi } from '../../../shared/ipc/veza-api';

declare global {
  interface Window {
    veza: VezaApi;
  }
}

/** The page's only way to main: the contract-built API preload exposed. */
export const veza: VezaApi = window.veza;
