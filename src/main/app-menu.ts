import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

/** The application menu; commands the page acts on are sent to it as `menu.command` events. */
export function buildAppMenu(send: (command: MenuCommand) => void, isMac: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
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
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Veza Desk', click: () => send('about') }] },
  ];
  return Menu.buildFromTemplate(template);
}
