import { z } from 'zod';

/**
 * The IPC contract: one table of every call the window may make and every event main pushes.
 * Main registers its handlers from it (validating arguments and the sender), preload builds
 * `window.veza` from it, and the test bridge builds the same API from it. A new call is one
 * row here plus its handler.
 */

const call = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Runtime versions; electron and chrome are absent when main/core runs outside Electron. */
  versions: z.object({
    electron: z.string().optional(),
    chrome: z.string().optional(),
    node: z.string(),
    v8: z.string(),
  }),
  platform: z.string(),
  arch: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const menuCommandSchema = z.object({
  command: z.enum(['about', 'add-instance', 'check-all', 'next-instance', 'previous-instance']),
});
export type MenuCommand = z.infer<typeof menuCommandSchema>['command'];

export const calls = {
  'app.getInfo': call(z.undefined(), appInfoSchema),
  /** The page has no clipboard permission; main writes what the user asked to copy. */
  'clipboard.writeText': call(z.object({ text: z.string().max(50_000_000) }), z.undefined()),
} as const;

export const events = {
  /** A menu item or accelerator handled in main that the window acts on. */
  'menu.command': menuCommandSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
export type CallResult<N extends CallName> = z.output<Calls[N]['result']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The IPC channel of a call or event: namespaced so nothing else on ipcMain can collide. */
export const channelOf = (name: string): string => `veza:${name}`;

/** Just the names, which is all preload needs (it validates nothing: main does). */
export const contractManifest = {
  calls: Object.keys(calls) as CallName[],
  events: Object.keys(events) as EventName[],
};
