import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

export interface AppMenuOptions {
  isMac: boolean;
  /** app.isPackaged: the shipped app has no developer tools (nor reload) in its menu. */
  isPackaged: boolean;
  /** Help > Check for updates…: main checks GitHub and answers in a message box of its own. */
  checkForUpdates: () => void;
}

/**
 * The View menu. Unpackaged (`npm run dev`) it is Electron's own, with Reload and Toggle
 * Developer Tools; packaged it keeps zoom and full screen only. Without a `toggleDevTools`
 * item there is no menu entry and no keyboard shortcut that opens the developer tools.
 */
function viewMenu(isPackaged: boolean): MenuItemConstructorOptions {
  if (!isPackaged) return { role: 'viewMenu' };
  return {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

/**
 * The application menu as data (no Electron needed to read it, so it is unit-tested); commands
 * the page acts on are sent to it as `menu.command` events.
 */
export function appMenuTemplate(
  send: (command: MenuCommand) => void,
  { isMac, isPackaged, checkForUpdates }: AppMenuOptions,
): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&Instances',
      submenu: [
        { label: 'Add instance…', accelerator: 'CmdOrCtrl+N', click: () => send('add-instance') },
        {
          label: 'Check all instances',
          accelerator: 'CmdOrCtrl+Shift+K',
          click: () => send('check-all'),
        },
        { label: 'Failing integrations', click: () => send('failing-integrations') },
        { type: 'separator' },
        {
          label: 'Next instance',
          accelerator: 'CmdOrCtrl+Alt+Down',
          click: () => send('next-instance'),
        },
        {
          label: 'Previous instance',
          accelerator: 'CmdOrCtrl+Alt+Up',
          click: () => send('previous-instance'),
        },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    viewMenu(isPackaged),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Check for updates…', click: () => checkForUpdates() },
        { type: 'separator' },
        { label: 'About Veza Desk', click: () => send('about') },
      ],
    },
  ];
}
