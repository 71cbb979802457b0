import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventName } from '../shared/ipc/contract';
import { appOrigin } from '../shared/security/content-security-policy';
import { readAppInfo } from './core/app-info';
import { createCallHandlers } from './core/ipc/call-handlers';
import { createDispatcher } from './core/ipc/dispatcher';
import { createEventSink } from './core/ipc/event-sink';
import { createSenderPolicy } from './core/ipc/sender-policy';
import { createKeytarSecretStore } from './core/secrets/keytar-secret-store';
import {
  createQuitGuard,
  quitAnswerOf,
  quitQuestion,
  rotationsInFlight,
} from './core/keys/rotations-in-flight';
import { openAppServices } from './core/open-app-services';
import { createWindowStateStore, fitToScreens } from './core/window-state-store';
import { buildAppMenu } from './app-menu';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { deliverTo, registerIpc } from './ipc/register-ipc';
import { createElectronClipboard } from './electron-clipboard';
import { createElectronFileDialogs } from './electron-file-dialogs';
import { createElectronUpdateCheck } from './electron-update-check';
import { createUpdateChecker } from './core/updates/update-checker';
import { createMainWindow } from './window/create-main-window';
import { denyAllPermissions } from './window/harden-web-contents';
import { refuseDebugSwitches, type DebugSwitchRefusal } from './refuse-debug-switches';
import { isTestBuild } from './test-build-marker';

// The Electron glue: lifecycle, window, menu, IPC registration. Everything with logic lives in
// ./core and is tested under plain Node.

/**
 * First of all: a packaged app asked to open a debugger (--inspect, --remote-debugging-port,
 * ...) says so and exits, before the data folder, the keychain or any window is touched.
 */
const debugRefusal = app.isPackaged
  ? refuseDebugSwitches({
      argv: process.argv,
      isPackaged: true,
      isTestBuild: readIsTestBuild(),
      platform: process.platform,
      hasSwitch: (name) => app.commandLine.hasSwitch(name),
    })
  : undefined;

// electron-vite dev serves the page from its dev server; the packaged app from app://.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? `${appOrigin}/index.html`;
const pageOrigin = devServerUrl ? new URL(devServerUrl).origin : appOrigin;
const isAppUrl = (url: string): boolean => url.startsWith(`${pageOrigin}/`) || url === pageOrigin;

let mainWindow: BrowserWindow | undefined;

// Quitting (or closing the window, which quits) while a key rotation runs asks first; the
// rotation journal covers a quit anyway (the next start finishes or undoes the rotation).
const quitGuard = createQuitGuard({
  inFlight: rotationsInFlight,
  ask: () => {
    const options = {
      type: 'warning' as const,
      ...quitQuestion,
      buttons: [...quitQuestion.buttons],
    };
    return quitAnswerOf(
      mainWindow
        ? dialog.showMessageBoxSync(mainWindow, options)
        : dialog.showMessageBoxSync(options),
    );
  },
});
const waitForRotations = (event: Electron.Event): void => {
  if (quitGuard.shouldWait()) event.preventDefault();
};

if (debugRefusal) refuseToStart(debugRefusal);
else launch();

/** The packaged package.json says whether this is the smoke-test build; unreadable: it is not. */
function readIsTestBuild(): boolean {
  try {
    const packageJson = readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8');
    return isTestBuild(JSON.parse(packageJson));
  } catch {
    return false;
  }
}

/** Says why on stderr and in a dialog, then exits; no lifecycle handler is ever registered. */
function refuseToStart(refusal: DebugSwitchRefusal): void {
  console.error(`${refusal.title}\n\n${refusal.message}`);
  // Before "ready" Linux writes the box to stderr instead of showing it: stderr has it already.
  if (process.platform !== 'linux') dialog.showErrorBox(refusal.title, refusal.message);
  // Before the message loop runs, app.exit ends the process at once.
  app.exit(1);
}

function launch(): void {
  if (process.env.VEZA_DESK_HOME) {
    app.setPath('userData', path.resolve(process.env.VEZA_DESK_HOME));
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', waitForRotations);
  // Belt and braces for any web contents created later (devtools excluded by Electron).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);

  // What main says before the page listens (a rotation finished or undone at start) waits
  // until the page has loaded; everything else goes at once, as before.
  const toWindow = deliverTo(() => mainWindow?.webContents);
  const heldUntilLoaded: { name: EventName; payload: unknown }[] = [];
  let pageLoaded = false;
  const emit = createEventSink((name, payload) => {
    if (!pageLoaded && name === 'keys.rotationRecovered' && heldUntilLoaded.length < 100)
      heldUntilLoaded.push({ name, payload });
    else toWindow(name, payload);
  });
  // userData is "<appData>/Veza Desk" (productName), the folder the CLI reads too, or
  // VEZA_DESK_HOME when set (see launch).
  const services = await openAppServices({
    appInfo: readAppInfo(app.getName(), app.getVersion()),
    folder: app.getPath('userData'),
    secrets: createKeytarSecretStore(),
    dialogs: createElectronFileDialogs(() => mainWindow),
    clipboard: createElectronClipboard(),
    env: process.env,
    emit,
    // The OS proxy (PAC/WPAD included) comes from Chromium's resolver; large bodies go to
    // the app's temp folder.
    transportDeps: {
      resolveSystemProxy: (url) => session.defaultSession.resolveProxy(url),
      tempDir: path.join(app.getPath('temp'), 'veza-desk-bodies'),
    },
  });
  // Before the window exists: the page and the large response bodies it fetches come from here.
  serveAppScheme({
    rendererRoot: path.join(__dirname, '../renderer'),
    host: new URL(appOrigin).host,
    route: services.requests.answerBodyRequest,
  });
  const handlers = createCallHandlers(services);
  // A demo made earlier comes back with the app (new port, new key); it stops with the app.
  void services.demo
    .resumeIfPresent()
    .catch((error: unknown) =>
      console.error(
        'The demo instance could not start:',
        error instanceof Error ? error.name : typeof error,
      ),
    );
  app.on('will-quit', () => void services.demo.stop());
  const dispatch = createDispatcher(handlers, createSenderPolicy([pageOrigin]), (name, error) =>
    console.error(
      `IPC ${name} failed unexpectedly:`,
      error instanceof Error ? error.name : typeof error,
    ),
  );
  registerIpc(ipcMain, dispatch);
  // Stop running requests, remove large-body temp files and close pooled connections.
  app.on('will-quit', () => {
    services.runningCalls.cancelAll();
    void services.requests.shutdown().catch(() => {});
  });
  // Help > Check for updates…: GitHub's latest release, on this computer's proxy and trust
  // (never an instance's settings or key); it only ever offers the release page.
  const updateChecker = createUpdateChecker({
    currentVersion: app.getVersion(),
    env: process.env,
    transportDeps: {
      resolveSystemProxy: (url) => session.defaultSession.resolveProxy(url),
      proxyPassword: services.proxyPasswords.lookup,
      tempDir: path.join(app.getPath('temp'), 'veza-desk-bodies'),
    },
  });
  Menu.setApplicationMenu(
    buildAppMenu((command) => emit('menu.command', { command }), {
      isMac: process.platform === 'darwin',
      isPackaged: app.isPackaged,
      checkForUpdates: createElectronUpdateCheck(updateChecker, () => mainWindow),
    }),
  );

  const stateStore = createWindowStateStore(app.getPath('userData'));
  const saved = fitToScreens(
    await stateStore.load(),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  let saveTimer: NodeJS.Timeout | undefined;
  mainWindow = createMainWindow({
    BrowserWindow,
    preloadPath: path.join(__dirname, '../preload/index.js'),
    state: saved,
    pageUrl,
    isAppUrl,
    // Only Veza's documentation and the saved instances' own origins, https only
    // (window/allow-external-link.ts decides; createMainWindow applies it).
    openExternal: (url) => void shell.openExternal(url),
    instanceOrigins: () => services.profiles.state().profiles.map((profile) => profile.baseUrl),
    onStateChange: (window) => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        if (window.isDestroyed()) return;
        const bounds = window.getNormalBounds();
        void stateStore.save({ ...bounds, maximized: window.isMaximized() }).catch(() => {});
      }, 500);
    },
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
  mainWindow.on('close', waitForRotations);
  mainWindow.webContents.once('did-finish-load', () => {
    pageLoaded = true;
    for (const { name, payload } of heldUntilLoaded.splice(0)) toWindow(name, payload);
  });
}
