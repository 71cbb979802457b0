import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeDraft, makeFakeKey } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import {
  documentedRequestId,
  startDocumentedVeza,
  type DocumentedVeza,
} from '../requests/support/documented-veza';
import {
  allVqlRows,
  eventsInThreePages,
  nonAsciiKeyName,
  providersInPagesOf25,
  readSandbox,
  requestsDuring,
  resetSandboxSettings,
  savedQueryCount,
  threePagesOfTeamKeys,
} from '../requests/support/sandbox-lists';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// The built `veza-desk api` (out/main/cli.js) as a script runs it, on 127.0.0.1, with the real
// keychain for saved instances. Every list shape of issue 15 is walked on the simulated Veza
// and compared with what it holds, read by one plain request (support/sandbox-lists.ts), its
// page requests counted in the simulator's own request log; switches are put back after each
// test. A small test server (support/documented-veza.ts) stays for what the simulator does not
// do: answer an error with a request_id known in advance, record that nothing at all reached an
// address, and echo the key back. No run prints a key, on either stream.
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
/** `api`, and the requests the sandbox received on `path` while it ran. */
const countedApi = (requestPath: string, args: string[]) =>
  requestsDuring(sandbox, requestPath, () => api(args));
/** The events, --paginate in pages of `pageSize`. */
const pagedEvents = (pageSize: number) => [
  '/api/preview/events',
  '--profile',
  'Demo',
  '--paginate',
  '-q',
  `page_size=${pageSize}`,
];
const json = (run: CliRun) => JSON.parse(run.stdout) as Record<string, unknown>;
/** An answer that is one document: `held` as it is, one request, with or without --paginate. */
async function expectOneDocument(requestPath: string, args: string[], held: unknown) {
  for (const extra of [[], ['--paginate']]) {
    const { result: run, requests } = await countedApi(requestPath, [...args, ...extra]);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toEqual(held);
    expect(requests).toHaveLength(1);
  }
}

describe('veza-desk api --paginate over every list shape, against the simulator', () => {
  afterEach(() => resetSandboxSettings(sandbox));

  it("a GET prints Veza's JSON on stdout, exit 0", async () => {
    const run = await api(['/api/v1/users/self', '--profile', 'Demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ value: { name: 'Alice Admin' } });
    expect(run.stderr).toBe('');
  });

  it('provider types: the answer with both lists, with or without --paginate, one request', async () => {
    const held = await readSandbox(sandbox, '/api/v1/providers/types');
    expect(Object.keys(held)).toEqual(['provider_types', 'unregistered_custom_provider_types']);
    // Without a leading slash, and the profile's name in another case.
    await expectOneDocument(
      '/api/v1/providers/types',
      ['api/v1/providers/types', '--profile', 'demo'],
      held,
    );
  });

  it('events --paginate: three pages without has_more, one document under "events"', async () => {
    sandbox.configure({ emptyPageWhileHasMore: false });
    const { events, pageSize } = await eventsInThreePages(sandbox);
    const { result: run, requests } = await countedApi(
      '/api/preview/events',
      pagedEvents(pageSize),
    );
    expect(run.code, run.stderr).toBe(0);
    const document = json(run);
    expect(Object.keys(document)).toEqual(['events']);
    expect(document.events).toEqual(events);
    expect(requests).toHaveLength(3);
  });

  it('a count: number_value, a string, as Veza sent it, with or without --paginate', async () => {
    const { path: countPath, held } = await savedQueryCount(sandbox);
    expect(held).toEqual({ result_type: 'number', number_value: expect.stringMatching(/^\d+$/) });
    await expectOneDocument(countPath, [countPath, '--profile', 'Demo'], held);
  });

  it('VQL --paginate with --data @file: pages by AFTER CURSOR, every row once and in order', async () => {
    const rows = await allVqlRows(sandbox, 'OktaUser');
    expect(rows.length).toBeGreaterThan(2 * 7);
    const file = path.join(files, 'vql.json');
    await writeFile(file, JSON.stringify({ query: 'SHOW OktaUser LIMIT 7;' }));
    const { result: run, requests } = await countedApi('/api/v1/assessments/vql:nodes', [
      '/api/v1/assessments/vql:nodes',
      '--profile',
      'Demo',
      '--data',
      `@${file}`,
      '--paginate',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toEqual({ path_values: rows });
    expect(requests).toHaveLength(Math.ceil(rows.length / 7));
  });

  it('team keys --paginate -q page_size=3: three pages without has_more, the middle one not ASCII', async () => {
    // The merged list is cut from each page's own bytes only when they are one byte per
    // character (request-service.ts); a middle page of more is encoded again. The simulator's
    // events are seeded ASCII and no call writes them, so the non-ASCII text is a team key's
    // name here, on the middle page only.
    const { pageSize, held, remove } = await threePagesOfTeamKeys(sandbox);
    try {
      const { result: run, requests } = await countedApi('/api/preview/teamkeys', [
        '/api/preview/teamkeys',
        '--profile',
        'Demo',
        '--paginate',
        '-q',
        `page_size=${pageSize}`,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(json(run)).toEqual({ values: held });
      expect(run.stdout).toContain(nonAsciiKeyName);
      expect(requests).toHaveLength(3);
    } finally {
      remove();
    }
  });

  it("providers --paginate: pages of 25, each page's status and headers with --include", async () => {
    const { providers, requests: pages } = await providersInPagesOf25(sandbox);
    const { result: run, requests } = await countedApi('/api/v1/providers', [
      '/api/v1/providers',
      '--profile',
      'Demo',
      '--paginate',
      '--include',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toEqual({ values: providers });
    expect(requests).toHaveLength(pages);
    expect(run.stderr.match(/^HTTP 200$/gm)).toHaveLength(pages);
    expect(run.stderr.match(/^content-type: application\/json$/gim)).toHaveLength(pages);
  });

  it('a list whose last page repeats its token: PAGING_FAILED on stderr, nothing on stdout, exit 1', async () => {
    sandbox.configure({ repeatTokenOnLastPage: true, emptyPageWhileHasMore: false });
    const looping = pagedEvents((await eventsInThreePages(sandbox)).pageSize);
    const { result: run, requests } = await countedApi('/api/preview/events', looping);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Not every page of the list could be fetched');
    expect(requests).toHaveLength(3);
    const asJson = await api([...looping, '--json-errors']);
    expect(asJson.code).toBe(1);
    expect(asJson.stdout).toBe('');
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
    expect(run.stderr).toMatch(new RegExp(`request_id.*${documentedRequestId}`));
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
      request_id: documentedRequestId,
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
