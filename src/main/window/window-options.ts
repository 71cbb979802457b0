import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../core/window-state-store';

/**
 * The main window's settings. Every line of webPreferences is part of the security contract
 * (Electron's checklist); test/unit/main/window-options.test.ts fails if one is weakened.
 */
export function mainWindowOptions(
  preloadPath: string,
  state: WindowState,
): BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Veza Desk',
    autoHideMenuBar: false,
    backgroundColor: '#1b1d23',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      enableBlinkFeatures: undefined,
    },
  };
}
