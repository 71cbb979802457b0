import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { verificationStepIds } from '../../../src/shared/doctor/verification';
import { startForwardProxy } from '../../support/network/forward-proxy';
import { canMakeNamespaces, namespaceLauncher } from '../../support/network/namespace';
import { recordProducedCode } from '../../support/produced-codes';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { filesContaining, makeDraft } from '../../support/profile-fixtures';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// The built `veza-desk check` (out/main/cli.js) as a child process, against the simulated
// Veza on 127.0.0.1, with the real keychain for saved instances.
let sandbox: Sandbox;
let secure: Sandbox;
const runs: CliRun[] = [];
beforeAll(async () => {
  ensureBuiltCli();
  sandbox = await startSandbox();
  // Its certificate also names veza.test, the name the proxy case uses: loopback is never
  // proxied, and only the proxy resolves that name (with the test resolver).
  const { ca, server } = await makeLoopbackTls(['localhost', '127.0.0.1', '::1', 'veza.test']);
  secure = await startSandbox({
    https: true,
    caFile: true,
    tls: { cert: server.cert, key: server.key, caPem: ca.cert },
  });
}, 120_000);
afterAll(async () => {
  await Promise.all([sandbox.close(), secure.close()]);
  // No run printed any key, on either stream.
  const allKeys = [...Object.values(sandbox.keys), ...Object.values(secure.keys)];
  for (const run of runs)
    for (const key of allKeys) expect(run.stdout + run.stderr).not.toContain(key);
});

async function cli(
  args: string[],
  env: Record<string, string> = {},
  stdin = '',
  launcher: string[] = [],
): Promise<CliRun> {
  const run = await runBuiltCli(['check', ...args], cleanEnv(env), stdin, launcher);
  runs.push(run);
  return run;
}

function parsed(run: CliRun) {
  const result = JSON.parse(run.stdout) as Record<string, unknown> & {
    problem: { code: string } | null;
    steps: { id: string; status: string; ms: number | null }[];
  };
  recordProducedCode(result.problem?.code);
  return result;
}

describe('veza-desk check --url', () => {
  it('--json for a working key: one object of the documented shape, exit 0', async () => {
    const run = await cli(['--url', sandbox.url, '--json'], { VEZA_TOKEN: sandbox.keys.admin });
    expect(run.code, run.stderr).toBe(0);
    const result = parsed(run);
    expect(Object.keys(result)).toEqual(['ok', 'url', 'keyKind', 'identity', 'steps', 'problem']);
    expect(result).toMatchObject({
      ok: true,
      url: sandbox.url,
      keyKind: 'personal',
      identity: { name: 'Alice Admin', roles: ['admin'] },
      problem: null,
    });
    expect(result.steps.map((step) => step.id)).toEqual([...verificationStepIds]);
    for (const step of result.steps) {
      expect(Object.keys(step)).toEqual(['id', 'status', 'ms']);
      if (step.status === 'passed') expect(step.ms).toBeGreaterThanOrEqual(0);
      else expect(step.ms).toBeNull();
    }
  });

  it('a revoked key (from VEZA_API_KEY when VEZA_TOKEN is unset): AUTH_INVALID_KEY, exit 1', async () => {
    const run = await cli(['--url', sandbox.url, '--json'], { VEZA_API_KEY: sandbox.keys.revoked });
    expect(run.code, run.stderr).toBe(1);
    const result = parsed(run);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({
      code: 'AUTH_INVALID_KEY',
      title: expect.any(String),
      explanation: expect.any(String),
      fix: expect.arrayContaining([expect.any(String)]),
      detail: { status: 401, serverMessage: expect.stringMatching(/revoked/) },
    });
  });

  it('the human output is the doctor’s plain text, problem and fix steps included', async () => {
    const run = await cli(['--url', sandbox.url], { VEZA_TOKEN: sandbox.keys.deleted });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^Checking ${sandbox.url}\\n\\n  \\[ok  \\] Instance address`),
    );
    expect(run.stdout).toMatch(/\[FAIL\] Key accepted/);
    expect(run.stdout).toContain('Veza refused the API key');
    expect(run.stdout).toMatch(/What to do:\n {2}1\. /);
    expect(run.stdout).toContain('Veza said: API key has been deleted');
  });

  it('--key-env names the variable; no key at all is KEY_MISSING (exit 1)', async () => {
    const named = await cli(['--url', sandbox.url, '--key-env', 'ACME_KEY', '--json'], {
      ACME_KEY: sandbox.keys.viewer,
      VEZA_TOKEN: sandbox.keys.revoked,
    });
    expect(named.code, named.stderr).toBe(0);
    const none = await cli(['--url', sandbox.url, '--json']);
    expect(none.code).toBe(1);
    expect(parsed(none).problem?.code).toBe('KEY_MISSING');
  });

  it('--key-stdin reads the key (an echo’s final newline is not part of it)', async () => {
    const run = await cli(
      ['--url', sandbox.url, '--key-stdin', '--json'],
      {},
      `${sandbox.keys.team}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parsed(run)).toMatchObject({ ok: true, keyKind: 'team' });
  });

  it.each([
    [['--url', 'https://a.example', '--all']],
    [['--profile']],
    [['--url', 'https://a.example', '--timeout', 'soon']],
    [['--frobnicate']],
    [[]],
  ])('a usage error is exit 2 with the usage on stderr: %j', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: veza-desk check');
  });

  it('--ca-file trusts the sandbox’s private CA over https; without it the TLS step fails', async () => {
    const without = await cli(['--url', secure.url, '--json'], { VEZA_TOKEN: secure.keys.admin });
    expect(without.code).toBe(1);
    expect(parsed(without).problem?.code).toMatch(/^TLS_/);
    const withCa = await cli(['--url', secure.url, '--ca-file', secure.caFile ?? '', '--json'], {
      VEZA_TOKEN: secure.keys.admin,
    });
    expect(withCa.code, withCa.stderr).toBe(0);
    expect(parsed(withCa).steps.find((step) => step.id === 'tls')?.status).toBe('passed');
  });

  it('--timeout gives up on a silent instance: HTTP_TIMEOUT, exit 1', async () => {
    sandbox.faults.add({ kind: 'hang', times: 1 });
    const run = await cli(['--url', sandbox.url, '--timeout', '300', '--json'], {
      VEZA_TOKEN: sandbox.keys.admin,
    });
    expect(run.code).toBe(1);
    expect(parsed(run).problem?.code).toBe('HTTP_TIMEOUT');
  });

  it('--proxy, and HTTPS_PROXY from the environment when no --proxy is given', async () => {
    const proxy = await startForwardProxy();
    const url = `https://veza.test:${secure.port}`;
    try {
      const flag = await cli(
        ['--url', url, '--ca-file', secure.caFile ?? '', '--proxy', proxy.url, '--json'],
        { VEZA_TOKEN: secure.keys.admin },
      );
      expect(flag.code, flag.stderr).toBe(0);
      const fromEnv = await cli(['--url', url, '--ca-file', secure.caFile ?? ''], {
        VEZA_TOKEN: secure.keys.admin,
        HTTPS_PROXY: proxy.url,
      });
      expect(fromEnv.code, fromEnv.stderr).toBe(0);
      expect(fromEnv.stdout).toContain(`[ok  ] Proxy – proxy ${proxy.url}`);
      // Both runs went through the proxy, and only to the instance.
      expect(proxy.log.length).toBeGreaterThanOrEqual(2);
      expect(new Set(proxy.log)).toEqual(new Set([`CONNECT veza.test:${secure.port}`]));
    } finally {
      await proxy.close();
    }
  });
});

describe('veza-desk check with saved instances (real keychain)', () => {
  let h: ProfileHarness;
  beforeAll(async () => {
    h = await openProfileHarness();
    const key = (apiKey: string) => ({ apiKey, acceptAsIs: false });
    await h.profiles.create(
      makeDraft({ name: 'Demo', address: sandbox.url }),
      key(sandbox.keys.admin),
    );
    await h.profiles.create(
      makeDraft({ name: 'Old laptop', address: sandbox.url }),
      key(sandbox.keys.revoked),
    );
    await h.profiles.create(
      makeDraft({ name: 'Secure lab', address: secure.url, network: { caFile: secure.caFile } }),
      key(secure.keys.team),
    );
  });
  afterEach(() => sandbox.faults.clear());
  afterAll(async () => {
    for (const profile of h.profiles.state().profiles) await h.secrets.delete(profile.id);
    await h.close();
  });

  const home = () => ({ VEZA_DESK_HOME: h.home });

  /** The profiles as the app would read them now, from the file the CLI wrote. */
  async function reread() {
    const again = await openProfileHarness(h.home);
    return again.profiles.state().profiles;
  }

  it('--profile NAME reads the key from the keychain, checks, and records the verdict', async () => {
    const run = await cli(['--profile', 'Demo'], home());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('The key works: a personal key acting as Alice Admin');
    const demo = (await reread()).find((profile) => profile.name === 'Demo');
    expect(demo?.lastVerification).toMatchObject({ ok: true, code: 'OK_PERSONAL_KEY' });
    expect(demo?.key?.kind).toBe('personal');
  });

  it('--profile with a refused key: exit 1 and the problem recorded; the name is matched ignoring case', async () => {
    const run = await cli(['--profile', 'old LAPTOP', '--json'], home());
    expect(run.code).toBe(1);
    expect(parsed(run).problem?.code).toBe('AUTH_INVALID_KEY');
    const old = (await reread()).find((profile) => profile.name === 'Old laptop');
    expect(old?.lastVerification).toMatchObject({ ok: false, code: 'AUTH_INVALID_KEY' });
  });

  it('an unknown profile name is a usage error (exit 2) listing the saved names', async () => {
    const run = await cli(['--profile', 'Nope'], home());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No saved instance is called "Nope"');
    expect(run.stderr).toContain('Secure lab');
  });

  it('--all --json: an array, one object per instance with its name; exit 1 when any failed', async () => {
    const run = await cli(['--all', '--json'], home());
    expect(run.code, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as {
      profile: string;
      ok: boolean;
      keyKind: string | null;
      problem: { code: string } | null;
    }[];
    expect(results.map((r) => [r.profile, r.ok, r.keyKind, r.problem?.code ?? null])).toEqual([
      ['Demo', true, 'personal', null],
      ['Old laptop', false, null, 'AUTH_INVALID_KEY'],
      ['Secure lab', true, 'team', null],
    ]);
    expect(Object.keys(results[0] ?? {})).toEqual([
      'profile',
      'ok',
      'url',
      'keyKind',
      'identity',
      'steps',
      'problem',
    ]);
  });

  it('--all in text: each instance’s plain text under its name', async () => {
    const run = await cli(['--all'], home());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Instance: Demo\nChecking /);
    expect(run.stdout).toContain(`\n\nInstance: Secure lab\nChecking ${secure.url}`);
  });

  it('no key is written anywhere under the data folder', async () => {
    for (const key of [sandbox.keys.admin, sandbox.keys.revoked, secure.keys.team])
      expect(await filesContaining(h.home, key)).toEqual([]);
  });
});

describe('veza-desk check on a computer whose clock is wrong (faketime)', () => {
  // The real command under libfaketime, against the sandbox's certificate (valid for a year
  // from today): two years ahead it looks expired, two years behind not valid yet. The
  // sandbox's own clock is right, so the doctor finds the wrong clock instead of blaming the
  // certificate. Monotonic time is left alone, so timeouts still work.
  it.each([
    ['+2y', 'about 2 years ahead'],
    ['-2y', 'about 2 years behind'],
  ])('faketime %s: CLOCK_WRONG, %s, with the steps for this OS', async (offset, difference) => {
    const run = await cli(
      ['--url', secure.url, '--ca-file', secure.caFile ?? '', '--json'],
      { VEZA_TOKEN: secure.keys.admin, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
      '',
      ['faketime', '-f', offset],
    );
    expect(run.code, run.stderr).toBe(1);
    const result = parsed(run);
    expect(result.problem?.code).toBe('CLOCK_WRONG');
    const problem = result.problem as unknown as {
      detail: { facts: Record<string, string> };
      fix: string[];
    };
    expect(problem.detail.facts.difference).toBe(difference);
    expect(problem.fix.join(' ')).toContain('On Linux: open Settings > Date & Time');
    expect(result.steps.find((step) => step.id === 'tls')?.status).toBe('failed');
  });
});

describe.skipIf(!canMakeNamespaces)('veza-desk check in a network of its own (a namespace)', () => {
  // The real command resolves names with the namespace's own /etc/hosts, as on a laptop:
  // nothing there is a real address, and nothing can leave the namespace.
  async function checkInNamespace(
    url: string,
    plan: Parameters<typeof namespaceLauncher>[0],
  ): Promise<ReturnType<typeof parsed>> {
    const namespace = namespaceLauncher(plan);
    try {
      const run = await cli(
        ['--url', url, '--timeout', '800', '--json'],
        { VEZA_TOKEN: sandbox.keys.admin },
        '',
        namespace.launcher,
      );
      expect(run.code, run.stderr).toBe(1);
      return parsed(run);
    } finally {
      namespace.remove();
    }
  }

  it('COMPANY_NETWORK_ONLY: a name that leads to a private address that never answers', async () => {
    const result = await checkInNamespace('https://veza.corp.test:8443', {
      hosts: { 'veza.corp.test': ['10.77.0.1'] },
      silent: { address: '10.77.0.1', port: 8443 },
      addresses: ['10.77.0.1/32'],
    });
    expect(result.problem?.code).toBe('COMPANY_NETWORK_ONLY');
    const problem = result.problem as unknown as { explanation: string; fix: string[] };
    expect(problem.explanation).toContain('leads to 10.77.0.1. That is a private address');
    expect(problem.fix[0]).toMatch(/^Turn on your company VPN/);
    expect(result.steps.find((step) => step.id === 'tcp')?.status).toBe('failed');
  });

  it('a name with an IPv6 and an IPv4 address: TCP_TIMEOUT says how each one failed', async () => {
    // ::1 refuses the port; 127.0.0.1 never answers on it.
    const result = await checkInNamespace('https://veza.dual.test:8443', {
      hosts: { 'veza.dual.test': ['::1', '127.0.0.1'] },
      silent: { address: '127.0.0.1', port: 8443 },
    });
    expect(result.problem?.code).toBe('TCP_TIMEOUT');
    const { explanation } = result.problem as unknown as { explanation: string };
    expect(explanation).toContain("It tried both of the name's addresses:");
    expect(explanation).toContain('::1 (IPv6) refused the connection');
    expect(explanation).toContain('127.0.0.1 (IPv4) did not answer');
  });
});
