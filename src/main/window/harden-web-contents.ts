import type { Session, WebContents } from 'electron';

/** The parts of WebContents this file uses, so a test can hand in a thin stand-in. */
export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>;

/**
 * The page may never leave the app: no navigation to another origin, no new windows, no
 * webviews, no permissions (camera, notifications, ...). Links meant for the browser go
 * to `openExternal`, only https:// ones; createMainWindow hands in an `openExternal` that
 * applies allowExternalLink (Veza's documentation and the saved instances only).
 */
export function hardenWebContents(
  contents: GuardedWebContents,
  isAppUrl: (url: string) => boolean,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//i.test(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
