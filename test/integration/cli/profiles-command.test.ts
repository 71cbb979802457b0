import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { createKeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { makeDraft, makeFakeKey } from '../../support/profile-fixtures';
import { repoRoot, runTsx, withoutKeychain } from '../../support/run-tsx';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('veza-desk profiles', () => {
  let h: ProfileHarness;
  let key: string;
  beforeEach(async () => {
    h = await openProfileHarness();
    key = makeFakeKey();
    const prod = await h.profiles.create(makeDraft({ name: 'Acme prod', production: true }), {
      apiKey: key,
      acceptAsIs: false,
    });
    await h.profiles.recordVerification(prod.id, {
      at: '2025-03-04T05:06:07.000Z',
      ok: true,
      code: 'OK_PERSONAL_KEY',
      summary: 'Works as ann@acme.example',
    });
    await h.profiles.create(makeDraft({ name: 'Lab', address: 'bücher.example' }));
  });
  afterEach(() => h.close());

  const context = () => ({
    env: { VEZA_DESK_HOME: h.home },
    secrets: () => createKeytarSecretStore(),
  });

  it('lists name, address, production, key presence and last result', async () => {
    const { io, out } = capture();
    expect(await runCli(['profiles'], io, context())).toBe(0);
    const lines = out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+ADDRESS\s+PRODUCTION\s+KEY\s+LAST RESULT$/);
    expect(lines[1]).toMatch(
      /^Acme prod\s+https:\/\/acme\.vezacloud\.com\s+yes\s+saved\s+works: OK_PERSONAL_KEY \(2025-03-04 05:06\)$/,
    );
    expect(lines[2]).toMatch(/^Lab\s+https:\/\/bücher\.example\s+no\s+none\s+not verified$/);
    expect(out()).not.toContain(key);
  });

  it('--json prints one object a script can read', async () => {
    const { io, out } = capture();
    expect(await runCli(['profiles', '--json'], io, context())).toBe(0);
    const parsed = JSON.parse(out());
    expect(parsed).toMatchObject({
      dataFolder: h.home,
      problem: null,
      keychainProblem: null,
      profiles: [
        {
          name: 'Acme prod',
          url: 'https://acme.vezacloud.com',
          production: true,
          keyPresent: true,
          lastResult: { ok: true, code: 'OK_PERSONAL_KEY' },
        },
        {
          name: 'Lab',
          url: 'https://xn--bcher-kva.example',
          displayUrl: 'https://bücher.example',
          keyPresent: false,
          lastResult: null,
        },
      ],
    });
    expect(out()).not.toContain(key);
  });

  it('reports a damaged file (exit 1) without moving or rewriting it', async () => {
    const file = path.join(h.home, 'profiles.json');
    await writeFile(file, '{"version": 1, "profi');
    const { io, err } = capture();
    expect(await runCli(['profiles'], io, context())).toBe(1);
    expect(err()).toContain('The saved instances file could not be read');
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "profi');
  });

  it('answers 2 for an unknown option', async () => {
    const { io, err } = capture();
    expect(await runCli(['profiles', '--yaml'], io, context())).toBe(2);
    expect(err()).toContain('Unknown option: --yaml');
  });

  it('says the keychain is unavailable (exit 1) and still lists the instances', async () => {
    const child = await runTsx(path.join(repoRoot, 'src/cli/index.ts'), ['profiles', '--json'], {
      ...withoutKeychain(),
      VEZA_DESK_HOME: h.home,
    });
    expect(child.code, child.stderr).toBe(1);
    const parsed = JSON.parse(child.stdout);
    expect(parsed.keychainProblem.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(
      parsed.profiles.map((p: { name: string; keyPresent: unknown }) => [p.name, p.keyPresent]),
    ).toEqual([
      ['Acme prod', null],
      ['Lab', null],
    ]);
  });
});
