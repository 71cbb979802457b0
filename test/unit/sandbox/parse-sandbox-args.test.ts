import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../../src/sandbox/cli/parse-sandbox-args';

describe('npm run sandbox flags', () => {
  it('defaults to plain http on a free loopback port', () => {
    expect(parseSandboxArgs([])).toEqual({
      https: false,
      port: 0,
      host: '127.0.0.1',
      seed: 1,
      json: false,
      help: false,
    });
  });

  it('reads every flag', () => {
    expect(
      parseSandboxArgs(['--https', '--port', '8443', '--host', '::1', '--seed', '9', '--json']),
    ).toEqual({
      https: true,
      port: 8443,
      host: '::1',
      seed: 9,
      json: true,
      help: false,
    });
  });

  it.each([
    [['--port']],
    [['--port', '70000']],
    [['--port', 'x']],
    [['--seed', '-1']],
    [['--host']],
    [['--verbose']],
  ])('refuses %j', (argv) => {
    expect(() => parseSandboxArgs(argv)).toThrow();
  });
});
