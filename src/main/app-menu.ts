import { Menu } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';
import { appMenuTemplate, type AppMenuOptions } from './app-menu-template';

/** The application menu (app-menu-template.ts); commands go to the page as `menu.command`. */
export function buildAppMenu(send: (command: MenuCommand) => void, options: AppMenuOptions): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(send, options));
}
