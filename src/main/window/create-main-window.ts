import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../core/window-state-store';
import { allowExternalLink } from './allow-external-link';
import { hardenWebContents, denyAllPermissions } from './harden-web-contents';
import { mainWindowOptions } from './window-options';

export interface MainWindowDeps {
  /** Electron's BrowserWindow; injected so the wiring can be tested without the binary. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
  state: WindowState;
  pageUrl: string;
  isAppUrl: (url: string) => boolean;
  /** Electron's shell.openExternal; only called with links allowExternalLink accepts. */
  openExternal: (url: string) => void;
  /** The saved instances' addresses (profiles' base URLs), read when a link is opened. */
  instanceOrigins: () => readonly string[];
  onStateChange: (window: BrowserWindow) => void;
}

/** Creates the one app window, hardened before any content loads. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, deps.state));
  hardenWebContents(window.webContents, deps.isAppUrl, (url) => {
    const allowed = allowExternalLink(url, deps.instanceOrigins());
    if (allowed !== undefined) deps.openExternal(allowed);
  });
  denyAllPermissions(window.webContents.session);
  if (deps.state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  for (const event of ['resized', 'moved', 'maximize', 'unmaximize'] as const) {
    window.on(event as 'resize', () => deps.onStateChange(window));
  }
  void window.loadURL(deps.pageUrl);
  return window;
}
