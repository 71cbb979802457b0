import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../../src/main/app-menu-template';

/** Every item of a template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

/** Roles, lower case (Electron matches them without case). */
const roles = (template: MenuItemConstructorOptions[]) =>
  items(template).flatMap((item) => (item.role ? [item.role.toLowerCase()] : []));

// viewMenu expands to Reload, Force Reload, Toggle Developer Tools, zoom and full screen.
const developerRoles = ['toggledevtools', 'viewmenu', 'reload', 'forcereload'];

describe.each([
  ['macOS', true],
  ['Windows and Linux', false],
])('the application menu on %s', (_os, isMac) => {
  it('has no developer tools in the packaged app', () => {
    const template = appMenuTemplate(vi.fn(), {
      isMac,
      isPackaged: true,
      checkForUpdates: vi.fn(),
    });
    expect(roles(template).filter((role) => developerRoles.includes(role))).toEqual([]);
    expect(
      items(template).filter((item) => /develop|devtools|inspect/i.test(item.label ?? '')),
    ).toEqual([]);
    // What it keeps of the View menu.
    const view = template.find((item) => item.label === '&View');
    expect(roles((view?.submenu ?? []) as MenuItemConstructorOptions[])).toEqual([
      'resetzoom',
      'zoomin',
      'zoomout',
      'togglefullscreen',
    ]);
  });

  it('keeps Electron’s View menu, developer tools included, unpackaged (npm run dev)', () => {
    const template = appMenuTemplate(vi.fn(), {
      isMac,
      isPackaged: false,
      checkForUpdates: vi.fn(),
    });
    expect(roles(template)).toContain('viewmenu');
  });

  it('is the same menu otherwise', () => {
    const strip = (template: MenuItemConstructorOptions[]) =>
      template.filter((item) => item.role !== 'viewMenu' && item.label !== '&View');
    expect(
      JSON.stringify(
        strip(appMenuTemplate(vi.fn(), { isMac, isPackaged: true, checkForUpdates: vi.fn() })),
      ),
    ).toBe(
      JSON.stringify(
        strip(appMenuTemplate(vi.fn(), { isMac, isPackaged: false, checkForUpdates: vi.fn() })),
      ),
    );
  });

  it('sends the page its commands', () => {
    const send = vi.fn();
    const template = appMenuTemplate(send, { isMac, isPackaged: true, checkForUpdates: vi.fn() });
    for (const item of items(template)) {
      (item.click as (() => void) | undefined)?.();
    }
    expect(send.mock.calls.map(([command]) => command as string)).toEqual([
      'add-instance',
      'check-all',
      'failing-integrations',
      'next-instance',
      'previous-instance',
      'about',
    ]);
  });
});

describe('platform items', () => {
  it('has the app menu on macOS and Quit in Instances elsewhere', () => {
    expect(
      roles(appMenuTemplate(vi.fn(), { isMac: true, isPackaged: true, checkForUpdates: vi.fn() })),
    ).toContain('appmenu');
    const other = roles(
      appMenuTemplate(vi.fn(), { isMac: false, isPackaged: true, checkForUpdates: vi.fn() }),
    );
    expect(other).not.toContain('appmenu');
    expect(other).toContain('quit');
  });
});

describe('Help > Check for updates… (issue 19)', () => {
  it.each([true, false])(
    'is in the Help menu and runs the check, not a page command (macOS: %s)',
    (isMac) => {
      const send = vi.fn();
      const checkForUpdates = vi.fn();
      const template = appMenuTemplate(send, { isMac, isPackaged: true, checkForUpdates });
      const help = template.find((item) => item.role === 'help');
      const labels = ((help?.submenu ?? []) as MenuItemConstructorOptions[]).map(
        (item) => item.label,
      );
      expect(labels).toContain('Check for updates…');
      const item = items(template).find((entry) => entry.label === 'Check for updates…');
      (item?.click as (() => void) | undefined)?.();
      expect(checkForUpdates).toHaveBeenCalledTimes(1);
      expect(send).not.toHaveBeenCalled();
    },
  );
});
