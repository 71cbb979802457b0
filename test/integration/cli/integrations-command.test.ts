import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { makeDraft } from '../../support/profile-fixtures';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// The built `veza-desk integrations` (out/main/cli.js) as a child process, against simulated
// Veza instances on 127.0.0.1, with the real keychain for saved instances.
let healthy: Sandbox;
let troubled: Sandbox;
const runs: CliRun[] = [];
const failure = {
  reason: 'EXTRACTION_FAILED',
  message: 'Access denied while listing users',
  resolution: 'Check that the integration credentials have read access, then retry.',
  request_id: '0123456789abcdef0123456789abcdef',
};
let failingId = '';
let staleId = '';

interface Json {
  profile: string | null;
  url: string;
  reach: { level: string; words: string } | null;
  providers: {
    id: string;
    name: string;
    type: string;
    dataSources: {
      id: string;
      name: string;
      status: string;
      syncedAt: string | null;
      parsedAt: string | null;
      stale: boolean;
      lastError: { reason: string; message: string; resolution: string; requestId: string } | null;
    }[];
  }[];
  problem: { code: string } | null;
}

beforeAll(async () => {
  ensureBuiltCli();
  [healthy, troubled] = await Promise.all([startSandbox(), startSandbox({ seed: 2 })]);
  // Healthy: every data source switched on, working and synced an hour ago.
  for (const source of healthy.integrations.dataSources())
    healthy.integrations.setDataSource(source.id, {
      status: 'SUCCESS',
      state: 'ENABLED',
      effective_state: 'ENABLED',
      syncedHoursAgo: 1,
    });
  // Troubled: the same, then one source fails (3 hours after its last sync) and one is stale.
  for (const source of troubled.integrations.dataSources())
    troubled.integrations.setDataSource(source.id, {
      status: 'SUCCESS',
      state: 'ENABLED',
      effective_state: 'ENABLED',
      syncedHoursAgo: 1,
    });
  const sources = troubled.integrations.dataSources();
  failingId = sources[0]?.id as string;
  staleId = sources[1]?.id as string;
  troubled.integrations.setDataSource(failingId, { syncedHoursAgo: 3 });
  troubled.integrations.recordFailure(failingId, failure);
  troubled.integrations.setDataSource(staleId, { syncedHoursAgo: 30 });
}, 120_000);
afterAll(async () => {
  await Promise.all([healthy.close(), troubled.close()]);
  // No run printed any key, on either stream.
  const allKeys = [...Object.values(healthy.keys), ...Object.values(troubled.keys)];
  for (const run of runs)
    for (const key of allKeys) expect(run.stdout + run.stderr).not.toContain(key);
});

async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await runBuiltCli(['integrations', ...args], cleanEnv(env));
  runs.push(run);
  return run;
}

const sourcesOf = (result: Json) => result.providers.flatMap((provider) => provider.dataSources);

describe('veza-desk integrations --url', () => {
  it('--json, all well: the documented shape, exit 0', async () => {
    const run = await cli(['--url', healthy.url, '--json'], { VEZA_TOKEN: healthy.keys.admin });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Json;
    expect(result).toMatchObject({ profile: null, url: healthy.url, problem: null });
    expect(result.reach?.level).toBe('full');
    const first = result.providers[0];
    expect(Object.keys(first ?? {})).toEqual(['id', 'name', 'type', 'dataSources']);
    expect(Object.keys(first?.dataSources[0] ?? {})).toEqual([
      'id',
      'name',
      'status',
      'syncedAt',
      'parsedAt',
      'stale',
      'lastError',
    ]);
    expect(sourcesOf(result)).toHaveLength(healthy.integrations.dataSources().length);
    expect(sourcesOf(result).every((s) => s.status === 'working' && !s.stale)).toBe(true);
  });

  it('a failing source with Veza’s error and a stale one: exit 1', async () => {
    const run = await cli(['--url', troubled.url, '--json'], { VEZA_TOKEN: troubled.keys.admin });
    expect(run.code, run.stderr).toBe(1);
    const sources = sourcesOf(JSON.parse(run.stdout) as Json);
    expect(sources.find((s) => s.id === failingId)).toMatchObject({
      status: 'failing',
      stale: false,
      lastError: {
        reason: failure.reason,
        message: failure.message,
        resolution: failure.resolution,
        requestId: failure.request_id,
      },
    });
    expect(sources.find((s) => s.id === staleId)).toMatchObject({ status: 'working', stale: true });
  });

  it('--failing keeps only the failing and stale sources', async () => {
    const run = await cli(['--url', troubled.url, '--json', '--failing'], {
      VEZA_TOKEN: troubled.keys.admin,
    });
    expect(run.code).toBe(1);
    const ids = sourcesOf(JSON.parse(run.stdout) as Json).map((s) => s.id);
    expect(ids.sort()).toEqual([failingId, staleId].sort());
  });

  it('--stale-hours moves the threshold: 48 h leaves only the failing source, 0.5 h flags all', async () => {
    const lenient = await cli(
      ['--url', troubled.url, '--json', '--failing', '--stale-hours', '48'],
      {
        VEZA_TOKEN: troubled.keys.admin,
      },
    );
    expect(sourcesOf(JSON.parse(lenient.stdout) as Json).map((s) => s.id)).toEqual([failingId]);
    const strict = await cli(['--url', healthy.url, '--json', '--stale-hours', '0.5'], {
      VEZA_TOKEN: healthy.keys.admin,
    });
    expect(strict.code).toBe(1);
    expect(sourcesOf(JSON.parse(strict.stdout) as Json).every((s) => s.stale)).toBe(true);
  });

  it('human output: short, with Veza’s reason explained and the request id', async () => {
    const run = await cli(['--url', troubled.url, '--failing'], {
      VEZA_TOKEN: troubled.keys.admin,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1 failing, 1 stale \(over 24 h\)/);
    expect(run.stdout).toContain(`Veza says: ${failure.reason}: ${failure.message}`);
    expect(run.stdout).toContain(`What to do: Veza says: ${failure.resolution}`);
    expect(run.stdout).toContain('Who can do it:');
    expect(run.stdout).toContain(failure.request_id);
    expect(run.stdout.split('\n').length).toBeLessThan(20);
    const well = await cli(['--url', healthy.url, '--failing'], { VEZA_TOKEN: healthy.keys.admin });
    expect(well.code).toBe(0);
    expect(well.stdout).toMatch(/All well\.\n$/);
  });

  it('a team key sees nothing: reach none, in words, as data', async () => {
    const run = await cli(['--url', troubled.url, '--json'], { VEZA_TOKEN: troubled.keys.team });
    const result = JSON.parse(run.stdout) as Json;
    expect(result.problem).toBeNull();
    expect(result.reach).toMatchObject({ level: 'none' });
    expect(result.reach?.words).toMatch(/team key/);
    expect(result.providers).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('a personal key of a team limited to one provider: reach partial, that provider only', async () => {
    const failing = troubled.integrations.dataSources().find((source) => source.id === failingId);
    const team = troubled.control.createTeam('Okta owners', 'Only one provider', {
      providerIds: [failing?.provider_id as string],
    });
    const user = troubled.control.createUser({
      name: 'Lena Limited',
      roles: ['operator'],
      teamIds: [team.id],
    });
    const { key } = troubled.control.createPersonalKey({ userId: user.id, teamId: team.id });
    const run = await cli(['--url', troubled.url, '--json'], { VEZA_TOKEN: key });
    const result = JSON.parse(run.stdout) as Json;
    expect(result.problem).toBeNull();
    expect(result.reach).toMatchObject({ level: 'partial' });
    expect(result.reach?.words).toMatch(/Okta owners, sees only the providers given to it/);
    expect(result.providers.map((provider) => provider.id)).toEqual([failing?.provider_id]);
    expect(run.code).toBe(1); // its one provider has the failing source
    expect(run.stdout + run.stderr).not.toContain(key);
  });

  it('a refused key is a problem, exit 1, and the key is printed nowhere', async () => {
    const run = await cli(['--url', troubled.url, '--json'], { VEZA_TOKEN: troubled.keys.revoked });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Json).problem?.code).toBeTruthy();
    const text = await cli(['--url', troubled.url], { VEZA_TOKEN: troubled.keys.revoked });
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).not.toContain(troubled.keys.revoked);
  });

  it.each([
    [[], /exactly one of --profile NAME, --all or --url URL/],
    [['--url', 'x', '--all'], /exactly one/],
    [['--all', '--stale-hours', 'soon'], /--stale-hours takes a number/],
    [['--all', '--stale-hours', '0'], /--stale-hours takes a number/],
    [['--all', '--bogus'], /Unknown option '--bogus'/],
    [['--all', '--key-env', 'X'], /--key-env and --key-stdin go with --url/],
  ])('usage error %j: exit 2', async (args, words) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(words);
    expect(run.stderr).toContain('Usage: veza-desk integrations');
  });

  it('--help: the usage, exit 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--stale-hours N');
  });
});

describe('veza-desk integrations with saved instances (real keychain)', () => {
  let h: ProfileHarness;
  beforeAll(async () => {
    h = await openProfileHarness();
    const key = (apiKey: string) => ({ apiKey, acceptAsIs: false });
    await h.profiles.create(
      makeDraft({ name: 'Healthy', address: healthy.url }),
      key(healthy.keys.admin),
    );
    await h.profiles.create(
      makeDraft({ name: 'Troubled', address: troubled.url }),
      key(troubled.keys.operator),
    );
    await h.profiles.create(
      makeDraft({ name: 'Pusher', address: troubled.url }),
      key(troubled.keys.team),
    );
  });
  afterAll(async () => {
    for (const profile of h.profiles.state().profiles) await h.secrets.delete(profile.id);
    await h.close();
  });
  const home = () => ({ VEZA_DESK_HOME: h.home });

  it('--profile NAME: one object, its key from the keychain; all well is exit 0', async () => {
    const run = await cli(['--profile', 'healthy', '--json'], home());
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      profile: 'Healthy',
      url: healthy.url,
      problem: null,
    });
  });

  it('--all --json: one object per instance, exit 1 as one source fails', async () => {
    const run = await cli(['--all', '--json', '--failing'], home());
    expect(run.code, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as Json[];
    expect(results.map((r) => [r.profile, r.reach?.level, sourcesOf(r).length])).toEqual([
      ['Healthy', 'full', 0],
      ['Troubled', 'full', 2],
      ['Pusher', 'none', 0],
    ]);
  });

  it('--all in words names each instance', async () => {
    const run = await cli(['--all'], home());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Healthy (${healthy.url})`);
    expect(run.stdout).toContain(`Troubled (${troubled.url})`);
    expect(run.stdout).toMatch(/Reach: none\. This is a team key/);
  });

  it('an unknown profile name is a usage error (exit 2)', async () => {
    const run = await cli(['--profile', 'Nope'], home());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No saved instance is called "Nope"');
  });
});
