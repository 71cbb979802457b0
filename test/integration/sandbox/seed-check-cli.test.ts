import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run sandbox` for real (the CLI source under tsx, as the built out/main/sandbox.js is the
// same code), then the seed's own check run by bash exactly as the banner prints it.

const root = path.resolve(__dirname, '../../..');
const run = promisify(execFile);
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Starts the CLI and resolves with everything it printed once the banner is complete. */
function startCli(
  args: string[],
  ready = /removedFromPlatform[^\n]*\n[^\n]*\n/,
): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', ...args], {
    cwd: root,
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) resolve({ child, banner: out });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`sandbox exited (${code}): ${out}`)));
  });
}

/** Runs printed lines in bash: the `export` lines, then `command`. */
async function bash(lines: string[], command: string): Promise<string> {
  const script = [...lines, command].join('\n');
  const { stdout } = await run('bash', ['-c', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
  });
  return stdout;
}

const exportsOf = (banner: string) =>
  banner.split('\n').filter((line) => line.startsWith('export '));
const seedCheck = 'curl -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/providers"';

describe("npm run sandbox and the seed's own check", () => {
  it('over http: the printed exports make the curl check answer providers JSON', async () => {
    const { banner } = await startCli([]);
    expect(banner).toContain(seedCheck);
    const exports = exportsOf(banner);
    expect(exports.map((line) => line.split('=')[0])).toEqual([
      'export VEZA_URL',
      'export VEZA_TOKEN',
    ]);
    const body = JSON.parse(
      await bash(
        exports,
        `curl -sS -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/providers"`,
      ),
    );
    expect(body.values.length).toBeGreaterThan(10);
    expect(body.values.map((p: { name: string }) => p.name)).toContain('GitHub');
    expect(typeof body.has_more).toBe('boolean');
  });

  it('over https: curl trusts the CA through CURL_CA_BUNDLE or --cacert, and not without', async () => {
    const { banner, child } = await startCli(['--https']);
    const exports = exportsOf(banner);
    const caLine = exports.find((line) => line.startsWith('export CURL_CA_BUNDLE='));
    const caFile = caLine?.replace(/^export CURL_CA_BUNDLE="(.*)"$/, '$1') ?? '';
    expect(existsSync(caFile)).toBe(true);
    // As printed, with the CA in the environment.
    expect(
      JSON.parse(await bash(exports, seedCheck.replace('curl ', 'curl -sS '))).values.length,
    ).toBeGreaterThan(10);
    // With --cacert, as printed on the banner's last check line.
    const cacertLine = banner.split('\n').find((line) => line.startsWith('curl --cacert')) ?? '';
    const withoutBundle = exports.filter((line) => line !== caLine);
    expect(
      JSON.parse(await bash(withoutBundle, cacertLine.replace('curl ', 'curl -sS '))).values.length,
    ).toBeGreaterThan(10);
    // Without either, curl refuses the private CA (exit 60: certificate problem).
    await expect(
      bash(withoutBundle, seedCheck.replace('curl ', 'curl -sS ')),
    ).rejects.toMatchObject({ code: 60 });
    // Ctrl+C removes the temp CA file.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exited;
    expect(existsSync(caFile)).toBe(false);
  });

  it('--json prints one line for scripts', async () => {
    const { banner } = await startCli(['--json'], /\n/);
    const printed = JSON.parse(banner) as {
      url: string;
      caFile: null;
      keys: Record<string, string>;
    };
    expect(printed.caFile).toBeNull();
    const self = JSON.parse(
      await bash(
        [`export VEZA_URL="${printed.url}"`, `export VEZA_TOKEN="${printed.keys.team}"`],
        'curl -sS -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/users/self"',
      ),
    );
    expect(self.value.roles).toEqual(['oaa_push']);
  });

  it('a bad flag exits 2 with the usage', async () => {
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'src/sandbox/cli.ts', '--host', '0.0.0.0', '--bogus'],
      { cwd: root },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run sandbox'),
    });
  });
});
