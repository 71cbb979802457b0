import { z } from 'zod';
import type { DocumentFormat } from './persistence/document-file';
import { openDocumentStore } from './persistence/document-store';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { width: 1200, height: 800, maximized: false };

/**
 * Restores the window where the user left it, unless that place is no longer on any screen
 * (a monitor was unplugged): then the position is dropped and the OS centres the window.
 */
export function fitToScreens(state: WindowState, workAreas: readonly WorkArea[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  // Visible enough: the top-left 100x50 strip (where the title bar is) lies on some screen.
  const visible = workAreas.some(
    (area) =>
      x + 100 > area.x &&
      x < area.x + area.width - 100 &&
      y >= area.y &&
      y < area.y + area.height - 50,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

/** window-state.json: where the window was. A damaged one is set aside; the default is used. */
const windowStateFormat: DocumentFormat<WindowState> = {
  fileName: 'window-state.json',
  version: 1,
  empty: () => defaultWindowState,
  read: (data) => {
    const parsed = windowStateSchema.safeParse(data);
    return parsed.success ? { document: parsed.data, leftOut: 0 } : undefined;
  },
  write: (state) => ({ ...state }),
};

export function createWindowStateStore(folder: string) {
  const opened = openDocumentStore(folder, windowStateFormat);
  return {
    /** A window position is not worth bothering the user about: problems are not shown. */
    async load(): Promise<WindowState> {
      return (await opened).current();
    },
    async save(state: WindowState): Promise<void> {
      const next = windowStateSchema.parse(state);
      await (await opened).commit(() => ({ document: next, value: undefined }));
    },
  };
}
