import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeDraft, makeFakeKey } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { startDocumentedVeza, type DocumentedVeza } from '../requests/support/documented-veza';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// The built `veza-desk api` (out/main/cli.js) as a script runs it, against the simulated Veza
// and a server answering Veza's documented shapes (support/documented-veza.ts), on 127.0.0.1,
// with the real keychain for saved instances. No run prints a key, on either stream.
let sandbox: Sandbox;
let veza: DocumentedVeza;
let h: ProfileHarness;
let files: string;
const runs: CliRun[] = [];

beforeAll(async () => {
  ensureBuiltCli();
  sandbox = await startSandbox();
  veza = await startDocumentedVeza(makeFakeKey());
  files = await mkdtemp(path.join(os.tmpdir(), 'veza-api-cli-'));
  h = await openProfileHarness();
  const key = (apiKey: string) => ({ apiKey, acceptAsIs: false });
  await h.profiles.create(
    makeDraft({ name: 'Demo', address: sandbox.url }),
    key(sandbox.keys.admin as string),
  );
  await h.profiles.create(
    makeDraft({ name: 'Live', address: sandbox.url, production: true }),
    key(sandbox.keys.admin as string),
  );
  await h.profiles.create(makeDraft({ name: 'Documented', address: veza.url }), key(veza.key));
  // A key saved for the sandbox, then the address changed without --rebind-key.
  const moved = await h.profiles.create(
    makeDraft({ name: 'Moved', address: sandbox.url }),
    key(sandbox.keys.admin as string),
  );
  await h.profiles.update(moved.id, makeDraft({ name: 'Moved', address: veza.url }));
}, 120_000);
afterAll(async () => {
  for (const profile of h.profiles.state().profiles) await h.secrets.delete(profile.id);
  await h.close();
  await Promise.all([sandbox.close(), veza.close()]);
  await rm(files, { recursive: true, force: true });
  const keys = [...Object.values(sandbox.keys), veza.key];
  expect(runs.length).toBeGreaterThan(15);
  for (const run of runs)
    for (const key of keys) expect(run.stdout + run.stderr).not.toContain(key);
});

async function api(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  const run = await runBuiltCli(
    ['api', ...args],
    cleanEnv({ VEZA_DESK_HOME: h.home, ...env }),
    stdin,
  );
  runs.push(run);
  return run;
}
const json = (run: CliRun) => JSON.parse(run.stdout) as Record<string, unknown>;
const ids = (list: unknown) => (list as { id: string }[]).map((item) => item.id);

describe('veza-desk api over the documented shapes', () => {
  it("a GET prints Veza's JSON on stdout, exit 0", async () => {
    const run = await api(['/api/v1/users/self', '--profile', 'Demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ value: { name: 'Alice Admin' } });
    expect(run.stderr).toBe('');
  });

  it('provider types: the answer with both lists, with or without --paginate', async () => {
    for (const extra of [[], ['--paginate']]) {
      const run = await api(['api/v1/providers/types', '--profile', 'documented', ...extra]);
      expect(run.code, run.stderr).toBe(0);
      expect(json(run)).toMatchObject({
        provider_types: [{ type: 'AWS' }, { type: 'OKTA' }, { type: 'GITHUB' }],
        unregistered_custom_provider_types: [],
      });
    }
  });

  it('events --paginate: three pages without has_more, one document under "events"', async () => {
    const run = await api(['/api/preview/events', '--profile', 'Documented', '--paginate']);
    expect(run.code, run.stderr).toBe(0);
    const document = json(run);
    expect(Object.keys(document)).toEqual(['events']);
    expect(ids(document.events)).toEqual(
      Array.from({ length: veza.counts.events }, (_, i) => `ev-${i + 1}`),
    );
    expect(document.events).toEqual(veza.events);
  });

  it('a count: {"number_value": "6"} as Veza sent it', async () => {
    const run = await api(['/api/v1/assessments/queries/q-1:result', '--profile', 'Documented']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toEqual({ result_type: 'number', number_value: '6' });
  });

  it('VQL --paginate with --data @file: pages by AFTER CURSOR, all path_values', async () => {
    const file = path.join(files, 'vql.json');
    await writeFile(file, JSON.stringify({ query: 'SHOW AwsIamRole LIMIT 50;' }));
    const run = await api([
      '/api/v1/assessments/vql:nodes',
      '--profile',
      'Documented',
      '--data',
      `@${file}`,
      '--paginate',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const values = json(run).path_values as { source: { id: string } }[];
    expect(values.map((node) => node.source.id)).toEqual(
      Array.from({ length: veza.counts.vql }, (_, i) => `role-${i + 1}`),
    );
  });

  it('team keys --paginate -q page_size=3: three pages without has_more', async () => {
    const run = await api([
      '/api/preview/teamkeys',
      '--profile',
      'Documented',
      '--paginate',
      '-q',
      'page_size=3',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(ids(json(run).values)).toEqual(
      Array.from({ length: veza.counts.teamKeys }, (_, i) => `tk-${i + 1}`),
    );
  });

  it("providers --paginate: pages of 25, each page's status and headers with --include", async () => {
    const run = await api([
      '/api/v1/providers',
      '--profile',
      'Documented',
      '--paginate',
      '--include',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const got = ids(json(run).values);
    expect(got).toHaveLength(veza.counts.providers);
    expect(new Set(got).size).toBe(got.length);
    expect(run.stderr.match(/^HTTP 200$/gm)).toHaveLength(3);
    expect(run.stderr).toMatch(/^x-request-id: rq-1$/m);
  });

  it('a list whose last page repeats its token: PAGING_FAILED on stderr, nothing on stdout, exit 1', async () => {
    const run = await api(['/api/v1/looping', '--profile', 'Documented', '--paginate']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Not every page of the list could be fetched');
    const asJson = await api([
      '/api/v1/looping',
      '--profile',
      'Documented',
      '--paginate',
      '--json-errors',
    ]);
    expect(JSON.parse(asJson.stderr)).toMatchObject({
      ok: false,
      problem: { code: 'PAGING_FAILED' },
    });
  });
});

describe('veza-desk api: failures, guards and the key', () => {
  it("a refusal prints its problem with Veza's request_id; --json-errors as JSON; exit 1", async () => {
    const run = await api(['/api/v1/nothing-here', '--profile', 'Documented']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/request_id.*0123456789abcdef0123456789abcdef/);
    const asJson = await api([
      '/api/v1/nothing-here',
      '--profile',
      'Documented',
      '--json-errors',
      '--include',
    ]);
    expect(asJson.code).toBe(1);
    const lines = asJson.stderr.split('\n\n');
    expect(lines[0]).toMatch(/^HTTP 404/);
    const error = JSON.parse(asJson.stderr.slice(asJson.stderr.indexOf('{'))) as Record<
      string,
      unknown
    >;
    expect(error).toMatchObject({
      ok: false,
      request_id: '0123456789abcdef0123456789abcdef',
      problem: { code: expect.any(String), title: expect.any(String), fix: expect.any(Array) },
    });
  });

  it('--url with --key-env and --key-stdin, as check takes them; a refused key is exit 1', async () => {
    const fromEnv = await api(['/api/v1/users/self', '--url', sandbox.url, '--key-env', 'MY_KEY'], {
      MY_KEY: sandbox.keys.admin as string,
    });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    const fromStdin = await api(
      ['/api/v1/users/self', '--url', sandbox.url, '--key-stdin', '--include'],
      {},
      `${sandbox.keys.admin}\n`,
    );
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stderr).toMatch(/^HTTP 200/);
    const refused = await api(['/api/v1/users/self', '--url', sandbox.url], {
      VEZA_TOKEN: sandbox.keys.revoked as string,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toBe('');
  });

  it('a key goes only to the address it was saved for: KEY_BOUND_ELSEWHERE, nothing sent', async () => {
    const before = veza.server.requests.length;
    const run = await api(['/api/v1/users/self', '--profile', 'Moved', '--json-errors']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toMatchObject({ problem: { code: 'KEY_BOUND_ELSEWHERE' } });
    expect(veza.server.requests.length).toBe(before);
  });

  it('a write to a production instance needs --yes; a GET does not', async () => {
    const body = JSON.stringify({ name: `cli-${Date.now()}`, description: '' });
    const refused = await api([
      '/api/v1/teams',
      '--profile',
      'Live',
      '--data',
      body,
      '--json-errors',
    ]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({
      problem: { code: 'PRODUCTION_NOT_CONFIRMED', fix: [expect.stringContaining('--yes')] },
    });
    expect((await api(['/api/v1/teams', '--profile', 'Live'])).code).toBe(0);
    const confirmed = await api([
      '/api/v1/teams',
      '--profile',
      'Live',
      '-X',
      'POST',
      '--data',
      body,
      '--yes',
    ]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
  });

  it('usage errors are exit 2', async () => {
    for (const args of [
      [],
      ['/api/v1/users/self'],
      ['/api/v1/users/self', '--profile', 'Demo', '--url', sandbox.url],
      ['/api/v1/users/self', '--profile', 'Demo', '-X', 'TRACE'],
      ['/api/v1/users/self', '--profile', 'Demo', '--data', '{not json'],
      ['/api/v1/users/self', '--profile', 'Demo', '--data', `@${path.join(files, 'missing.json')}`],
      ['/api/v1/users/self', '--profile', 'Demo', '-q', 'novalue'],
      ['/api/v1/users/self', '--profile', 'Nobody'],
      ['/api/v1/users/self', '--profile', 'Demo', '--key-stdin'],
    ]) {
      const run = await api(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toBe('');
    }
  });

  it('a key echoed back by a server is masked on stdout and with --include', async () => {
    const run = await api([
      '/api/v1/echo',
      '--profile',
      'Documented',
      '-q',
      `k=${veza.key}`,
      '--include',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const echoed = json(run) as { value: { url: string; authorization: string } };
    expect(echoed.value.authorization).toMatch(/^Bearer /);
    expect(run.stderr).toMatch(/^x-echo: /m);
    expect(run.stdout + run.stderr).not.toContain(veza.key);
    expect(run.stdout + run.stderr).not.toContain(encodeURIComponent(veza.key));
  });
});
