import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../src/main/window/window-options';
import { defaultWindowState } from '../../../../src/main/core/window-state-store';

describe('the main window is hardened (Electron security checklist)', () => {
  const prefs = mainWindowOptions('/app/preload/index.js', defaultWindowState).webPreferences ?? {};

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (name, value) => {
    expect(prefs[name]).toBe(value);
  });

  it('enables no extra Blink features and loads only our preload', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe('/app/preload/index.js');
  });

  it('restores the remembered size and position', () => {
    const options = mainWindowOptions('/p.js', {
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      maximized: false,
    });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});
