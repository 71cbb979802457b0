import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import packageJson from '../../../package.json';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    },
    out,
    err,
  };
}

describe('veza-desk CLI', () => {
  it('prints its version', async () => {
    const { io, out } = capture();
    await expect(runCli(['version'], io)).resolves.toBe(0);
    expect(out.join('')).toContain(`veza-desk ${packageJson.version}`);
  });

  it('answers 2 and the usage for an unknown command', async () => {
    const { io, err } = capture();
    await expect(runCli(['frobnicate'], io)).resolves.toBe(2);
    expect(err.join('')).toContain('Unknown command: frobnicate');
  });
});
