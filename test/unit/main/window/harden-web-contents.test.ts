import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow } from '../../../../src/main/window/create-main-window';
import {
  denyAllPermissions,
  hardenWebContents,
  type GuardedWebContents,
} from '../../../../src/main/window/harden-web-contents';
import { defaultWindowState } from '../../../../src/main/core/window-state-store';

/**
 * A stand-in for Electron's WebContents: an EventEmitter with the one extra method the guard
 * uses. Electron itself cannot run here; the guard's logic is what this proves.
 */
class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
}

const isAppUrl = (url: string) => url.startsWith('app://veza-desk/');

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  contents.emit(event, { preventDefault }, url);
  return preventDefault.mock.calls.length === 0;
}

describe('hardenWebContents', () => {
  it('keeps navigation inside the app', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as GuardedWebContents, isAppUrl, vi.fn());
    expect(navigate(contents, 'will-navigate', 'app://veza-desk/index.html')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(false);
  });

  it('never opens new windows; https links go to the browser, other schemes nowhere', () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as unknown as GuardedWebContents, isAppUrl, openExternal);
    expect(contents.windowOpenHandler?.({ url: 'https://docs.veza.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'file:///bin/sh' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({
      action: 'deny',
    });
    expect(openExternal.mock.calls).toEqual([['https://docs.veza.com/']]);
  });

  it('refuses webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as GuardedWebContents, isAppUrl, vi.fn());
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const contents = new FakeWebContents();
    denyAllPermissions(contents.session as never);
    const request = contents.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      cb: (v: boolean) => void,
    ) => void;
    const check = contents.session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check()).toBe(false);
  });
});

class FakeWindow extends EventEmitter {
  static contents: FakeWebContents;
  static order: string[] = [];
  webContents = FakeWindow.contents;
  options: BrowserWindowConstructorOptions;
  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
    FakeWindow.order.push('created');
  }
  maximize() {}
  show() {}
  loadURL(url: string) {
    FakeWindow.order.push(`load ${url}`);
    return Promise.resolve();
  }
}

function openWindow(deps: { openExternal?: (url: string) => void; origins?: string[] } = {}) {
  FakeWindow.contents = new FakeWebContents();
  FakeWindow.order = [];
  const window = createMainWindow({
    BrowserWindow: FakeWindow as unknown as new (
      o: BrowserWindowConstructorOptions,
    ) => BrowserWindow,
    preloadPath: '/preload.js',
    state: defaultWindowState,
    pageUrl: 'app://veza-desk/index.html',
    isAppUrl,
    openExternal: deps.openExternal ?? vi.fn(),
    instanceOrigins: () => deps.origins ?? [],
    onStateChange: vi.fn(),
  }) as unknown as FakeWindow;
  return { window, contents: FakeWindow.contents, order: FakeWindow.order };
}

describe('createMainWindow wires the hardening before loading the page', () => {
  it('guards the window it creates', () => {
    const { window, contents, order } = openWindow();
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.windowOpenHandler).toBeDefined();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(order).toEqual(['created', 'load app://veza-desk/index.html']);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
  });

  it('opens only Veza’s documentation and the saved instances in the browser', () => {
    const openExternal = vi.fn();
    const origins = ['https://acme.vezacloud.com'];
    const { contents } = openWindow({ openExternal, origins });
    for (const url of [
      'https://docs.veza.com/guide',
      'https://docs.veza.com@evil.example/',
      'https://evil.example/',
      'http://docs.veza.com/',
      'https://acme.vezacloud.com/app',
      'https://ACME.vezacloud.com/other',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    // An instance saved after the window opened counts too: the list is read per link.
    origins.push('https://later.example');
    contents.windowOpenHandler?.({ url: 'https://later.example/x' });
    expect(openExternal.mock.calls).toEqual([
      ['https://docs.veza.com/guide'],
      ['https://acme.vezacloud.com/app'],
      ['https://acme.vezacloud.com/other'],
      ['https://later.example/x'],
    ]);
  });
});
