/**
 * A packaged Veza Desk refuses to start when its command line asks for a debugger, because a
 * debugger is a way to drive the app from outside:
 *
 * - Node's inspector (`--inspect`, `--inspect-brk`, `--inspect-port`, ...) runs any code in the
 *   main process, which holds the keys: `require('keytar').getPassword(...)` reads every one.
 *   The release build's `enableNodeCliInspectArguments` fuse already makes Electron ignore these
 *   switches; refusing them here as well says plainly why nothing happened, and still holds if
 *   a build ever ships with that fuse on.
 * - Chromium's DevTools protocol (`--remote-debugging-port`, `--remote-debugging-pipe`) drives
 *   the page, and through it every IPC call the page may make. No fuse covers it.
 *
 * Unpackaged runs (`npm run dev`, the tests) and the smoke-test build (see test-build-marker.ts)
 * keep these switches: Playwright's `_electron` attaches with `--inspect=0
 * --remote-debugging-port=0`.
 *
 * `ELECTRON_EXTRA_LAUNCH_ARGS` is not read: Electron does not honour it (it is Cypress's
 * variable for the Electron it bundles), so it cannot add a switch to this app. Nor is
 * `NODE_OPTIONS`: the `enableNodeOptionsEnvironmentVariable` fuse makes Electron ignore it.
 */

/** Node's inspector switches as Electron passes them to Node (shell/common/node_bindings.cc). */
const nodeInspectorSwitches: ReadonlySet<string> = new Set([
  'inspect',
  'inspect-brk',
  'inspect-brk-node',
  'inspect-port',
  'inspect-publish-uid',
  'inspect-wait',
  'debug',
  'debug-brk',
  'debug-port',
]);

/** The exact names asked of Chromium's own parse of the command line, when it is available. */
const exactSwitchNames: readonly string[] = [
  ...nodeInspectorSwitches,
  'remote-debugging-port',
  'remote-debugging-pipe',
];

/** Whether a switch name (lower case, no prefix, no value) opens a debugger. */
function opensDebugger(name: string): boolean {
  return (
    nodeInspectorSwitches.has(name) ||
    // Any later inspector variant, and every DevTools-protocol switch Chromium knows
    // (port, pipe, address, targets): none of them has a use in a shipped app.
    name.startsWith('inspect-') ||
    name.startsWith('remote-debugging-')
  );
}

/**
 * The switch an argument names, as Chromium and Node would read it, or undefined for an
 * ordinary argument (a file path, a URL). Chromium takes `--x` and `-x` everywhere and `/x` on
 * Windows, where it also ignores case; Node also reads `_` as `-`. Both are applied on every
 * platform except `/`, which is an absolute path elsewhere: refusing a spelling one of them
 * would ignore costs nothing.
 */
function switchName(argument: string, platform: NodeJS.Platform): string | undefined {
  let body: string;
  if (argument.startsWith('--')) body = argument.slice(2);
  else if (argument.startsWith('-')) body = argument.slice(1);
  else if (platform === 'win32' && argument.startsWith('/')) body = argument.slice(1);
  else return undefined;
  const equals = body.indexOf('=');
  const name = (equals === -1 ? body : body.slice(0, equals)).toLowerCase().replaceAll('_', '-');
  return name === '' ? undefined : name;
}

/**
 * The arguments of `argv` (process.argv: the executable first) that open a debugger, as given.
 * Arguments after a `--` are checked too: Chromium would stop there, but a refusal costs nothing.
 */
export function findDebugSwitches(argv: readonly string[], platform: NodeJS.Platform): string[] {
  return argv.slice(1).filter((argument) => {
    const name = switchName(argument, platform);
    return name !== undefined && opensDebugger(name);
  });
}

export interface DebugSwitchCheck {
  /** process.argv: the executable, then the arguments. */
  argv: readonly string[];
  /** app.isPackaged: false under `npm run dev`, `electron .` and the tests. */
  isPackaged: boolean;
  /** The smoke-test build (test-build-marker.ts), which Playwright drives through these. */
  isTestBuild: boolean;
  platform: NodeJS.Platform;
  /** app.commandLine.hasSwitch: Chromium's own parse of the same command line. */
  hasSwitch?: (name: string) => boolean;
}

export interface DebugSwitchRefusal {
  /** The refused switches, as given (for stderr and the dialog). */
  switches: string[];
  title: string;
  message: string;
}

const shownSwitches = 5;
const shownLength = 80;

/** A switch as the dialog shows it: no control characters, not longer than a line. */
function display(argument: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = argument.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return printable.length > shownLength ? `${printable.slice(0, shownLength - 1)}…` : printable;
}

function refusalMessage(switches: readonly string[]): string {
  const shown = switches.slice(0, shownSwitches).map((argument) => `    ${display(argument)}`);
  if (switches.length > shownSwitches)
    shown.push(`    (and ${switches.length - shownSwitches} more)`);
  return [
    'Veza Desk was started with a setting that would let another program take control of it and read the API keys it keeps:',
    '',
    ...shown,
    '',
    'Veza Desk never runs that way, so it closed before opening anything. Your instances and keys are unchanged.',
    '',
    'Start Veza Desk again from its icon. If a shortcut or a script starts it, remove the setting above from it.',
    '',
    'If you did not add this setting yourself, tell your IT or security team: a program on this computer tried to start Veza Desk in a way that could expose your keys.',
  ].join('\n');
}

/**
 * Whether this start must be refused, and what to tell the user. Undefined: start normally.
 * Pure, so every switch form is tested without Electron; src/main/index.ts calls it first.
 */
export function refuseDebugSwitches(check: DebugSwitchCheck): DebugSwitchRefusal | undefined {
  if (!check.isPackaged || check.isTestBuild) return undefined;
  const switches = findDebugSwitches(check.argv, check.platform);
  if (check.hasSwitch) {
    for (const name of exactSwitchNames) {
      if (check.hasSwitch(name) && !switches.some((s) => switchName(s, check.platform) === name)) {
        switches.push(`--${name}`);
      }
    }
  }
  if (switches.length === 0) return undefined;
  return {
    switches,
    title: 'Veza Desk did not start',
    message: refusalMessage(switches),
  };
}
