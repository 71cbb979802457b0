import type { VezaApi } from '../../../src/shared/ipc/veza-api';

// What the page has, as seen from code passed to page.evaluate.
declare global {
  interface Window {
    veza: VezaApi;
  }
}
