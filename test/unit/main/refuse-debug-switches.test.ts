import { describe, expect, it } from 'vitest';
import {
  findDebugSwitches,
  refuseDebugSwitches,
  type DebugSwitchCheck,
} from '../../../src/main/refuse-debug-switches';

const exe = '/Applications/Veza Desk.app/Contents/MacOS/Veza Desk';

/** A packaged release start with these arguments (the executable is argv[0]). */
function packaged(args: string[], extra: Partial<DebugSwitchCheck> = {}): DebugSwitchCheck {
  return {
    argv: [exe, ...args],
    isPackaged: true,
    isTestBuild: false,
    platform: 'darwin',
    ...extra,
  };
}

describe('a packaged app refuses every switch that opens a debugger', () => {
  it.each([
    // Node's inspector, every form Electron hands to Node.
    ['--inspect'],
    ['--inspect=9229'],
    ['--inspect=0'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect=0.0.0.0:9229'],
    ['--inspect=[::1]:9229'],
    ['--inspect-brk'],
    ['--inspect-brk=9229'],
    ['--inspect-brk=0.0.0.0:1'],
    ['--inspect-brk-node'],
    ['--inspect-brk-node=9229'],
    ['--inspect-port=9229'],
    ['--inspect-port=0.0.0.0:1'],
    ['--inspect-publish-uid=http'],
    ['--inspect-publish-uid=stderr,http'],
    ['--inspect-wait'],
    ['--inspect-wait=9229'],
    ['--debug'],
    ['--debug=5858'],
    ['--debug-brk=5858'],
    ['--debug-port=5858'],
    // Node reads `_` as `-`; Chromium takes one dash, and any case on Windows.
    ['--inspect_brk=9229'],
    ['--INSPECT=9229'],
    ['-inspect=9229'],
    // Chromium's DevTools protocol.
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port=0'],
    ['--remote-debugging-port'],
    ['--remote-debugging-pipe'],
    ['--remote-debugging-pipe=cbor'],
    ['-remote-debugging-port=9222'],
    ['--Remote-Debugging-Port=9222'],
    ['--remote-debugging-address=0.0.0.0'],
  ])('%s', (argument) => {
    const refusal = refuseDebugSwitches(packaged([argument]));
    expect(refusal?.switches).toEqual([argument]);
    expect(refusal?.message).toContain(argument);
  });

  it('refuses a switch whose value is the next argument', () => {
    expect(refuseDebugSwitches(packaged(['--inspect-port', '9229']))?.switches).toEqual([
      '--inspect-port',
    ]);
    expect(refuseDebugSwitches(packaged(['--remote-debugging-port', '9222']))?.switches).toEqual([
      '--remote-debugging-port',
    ]);
  });

  it('refuses them among ordinary arguments, in any position, and names them all', () => {
    const refusal = refuseDebugSwitches(
      packaged([
        '/Users/me/profiles.json',
        '--inspect=9229',
        '--no-sandbox',
        '--',
        '--remote-debugging-port=9222',
      ]),
    );
    expect(refusal?.switches).toEqual(['--inspect=9229', '--remote-debugging-port=9222']);
  });

  it('reads /switch as a switch on Windows only (elsewhere it is an absolute path)', () => {
    const windowsArgv = ['C:\\Program Files\\Veza Desk\\Veza Desk.exe'];
    expect(
      refuseDebugSwitches({
        ...packaged([], { platform: 'win32' }),
        argv: [...windowsArgv, '/remote-debugging-port=9222'],
      })?.switches,
    ).toEqual(['/remote-debugging-port=9222']);
    expect(
      refuseDebugSwitches({
        ...packaged([], { platform: 'win32' }),
        argv: [...windowsArgv, '/INSPECT'],
      })?.switches,
    ).toEqual(['/INSPECT']);
    expect(refuseDebugSwitches(packaged(['/remote-debugging-port=9222']))).toBeUndefined();
    expect(refuseDebugSwitches(packaged(['/inspect'], { platform: 'linux' }))).toBeUndefined();
  });

  it('also asks Chromium’s own parse of the command line', () => {
    const seen = new Set(['remote-debugging-port']);
    const refusal = refuseDebugSwitches(packaged([], { hasSwitch: (name) => seen.has(name) }));
    expect(refusal?.switches).toEqual(['--remote-debugging-port']);
    // Not named twice when the arguments show it already.
    const both = refuseDebugSwitches(
      packaged(['--remote-debugging-port=9222'], { hasSwitch: (name) => seen.has(name) }),
    );
    expect(both?.switches).toEqual(['--remote-debugging-port=9222']);
  });

  it('explains in plain words, without jargon, what happened and what to do', () => {
    const refusal = refuseDebugSwitches(packaged(['--inspect=9229']));
    expect(refusal?.title).toBe('Veza Desk did not start');
    expect(refusal?.message).toMatch(/another program take control of it and read the API keys/);
    expect(refusal?.message).toMatch(/closed before opening anything/);
    expect(refusal?.message).toMatch(/Start Veza Desk again from its icon/);
    expect(refusal?.message).toMatch(/IT or security team/);
  });

  it('keeps the dialog readable: long, many or odd switches are shortened', () => {
    const long = `--inspect=${'9'.repeat(500)}`;
    const many = Array.from({ length: 8 }, (_, i) => `--inspect=${9000 + i}`);
    const refusal = refuseDebugSwitches(packaged([long, '--inspect=\u001b[31mred', ...many]));
    expect(refusal?.switches).toHaveLength(10);
    expect(refusal?.message).not.toContain('9'.repeat(100));
    expect(refusal?.message).not.toContain('\u001b');
    expect(refusal?.message).toContain('(and 5 more)');
    for (const line of refusal?.message.split('\n') ?? []) {
      if (line.startsWith('    ')) expect(line.length).toBeLessThanOrEqual(84);
    }
  });
});

describe('what a packaged app does not refuse', () => {
  it.each([
    [[]],
    [['/Users/me/Documents/profiles.json']],
    [['C:\\Users\\me\\profiles.json']],
    [['./inspect.json', 'inspect', '--inspector', '--inspection=1']],
    [['veza-desk://open?profile=1']],
    [['https://docs.veza.com/?--inspect']],
    // Chromium and Electron switches that do not open a debugger are not ours to refuse.
    [
      [
        '--no-sandbox',
        '--disable-gpu',
        '--lang=de',
        '--enable-logging',
        '--force-device-scale-factor=2',
      ],
    ],
    [['--proxy-server=http://proxy.example:8080', '--ignore-gpu-blocklist']],
    [['--debugger', '--debug-print', '--devtools-flags=x']],
    [['-psn_0_12345']],
    [['--', '-', '--=inspect']],
  ])('%j', (args) => {
    expect(refuseDebugSwitches(packaged(args))).toBeUndefined();
  });

  it('does not read argv[0], the executable', () => {
    expect(findDebugSwitches(['--inspect'], 'linux')).toEqual([]);
  });
});

describe('where the switches stay available', () => {
  const everything = ['--inspect=0', '--remote-debugging-port=0', '--inspect-brk=0.0.0.0:1'];

  it('unpackaged: npm run dev, electron ., the tests', () => {
    expect(
      refuseDebugSwitches({ ...packaged(everything), isPackaged: false, hasSwitch: () => true }),
    ).toBeUndefined();
  });

  it('the smoke-test build, which Playwright’s _electron drives with --inspect=0', () => {
    expect(
      refuseDebugSwitches({ ...packaged(everything), isTestBuild: true, hasSwitch: () => true }),
    ).toBeUndefined();
  });

  it('a packaged release refuses exactly what Playwright would pass', () => {
    const playwright = ['--inspect=0', '--remote-debugging-port=0', '--no-sandbox', '/app'];
    expect(refuseDebugSwitches(packaged(playwright, { platform: 'linux' }))?.switches).toEqual([
      '--inspect=0',
      '--remote-debugging-port=0',
    ]);
  });
});
