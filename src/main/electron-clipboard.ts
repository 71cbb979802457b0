import { clipboard } from 'electron';
import type { ClipboardWriter } from './core/clipboard-writer';

/** How long text with an API key in it may stay on the clipboard. */
const secretLifetimeMs = 60_000;

/** The system clipboard; text with a key in it is cleared after a minute if still there. */
export function createElectronClipboard(): ClipboardWriter {
  let timer: NodeJS.Timeout | undefined;
  return {
    async writeText(text, { containsSecret }) {
      clearTimeout(timer);
      await clipboard.writeText(text);
      if (!containsSecret) return;
      timer = setTimeout(() => {
        // Only if the user has not copied something else since.
        void clipboard.readText().then((current) => {
          if (current === text) clipboard.clear();
        });
      }, secretLifetimeMs);
      timer.unref();
    },
  };
}
