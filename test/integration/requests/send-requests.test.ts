import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { importCurl } from '../../../src/shared/curl-import/import-curl';
import type { RequestSpec } from '../../../src/shared/requests/request-spec';
import { responseBodyPath } from '../../../src/shared/requests/response-body-url';
import { curlBashSnippet } from '../../../src/shared/snippets/curl-bash';
import { pythonRequestsSnippet } from '../../../src/shared/snippets/python-requests';
import { runWithVezaEnv } from '../../support/run-with-veza-env';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { serveRenderer } from '../../support/serve-renderer';

// The request workspace's main side through the real dispatcher, keychain and transport,
// against the simulated Veza on 127.0.0.1.
let sandbox: Sandbox;
let harness: ProfileHarness;
let page: { origin: string; close: () => Promise<void> };
let profileId: string;
let productionId: string;
const key = () => sandbox.keys.admin as string;

beforeAll(async () => {
  sandbox = await startSandbox();
  harness = await openProfileHarness();
  // Large bodies are fetched from the page's origin: main's route behind a real HTTP server.
  page = await serveRenderer(path.join(harness.home, 'no-renderer'), undefined, harness.pageRoute);
  const made = await harness.call('profiles.create', {
    draft: {
      name: 'Sandbox',
      address: sandbox.url,
      colour: '#2563eb',
      production: false,
      notes: '',
    },
    key: { apiKey: key(), acceptAsIs: false },
  });
  expect(made.ok, JSON.stringify(made.problem)).toBe(true);
  profileId = made.value.id;
  const prod = await harness.call('profiles.create', {
    draft: {
      name: 'Live',
      address: `${sandbox.url}/`,
      colour: '#dc2626',
      production: true,
      notes: '',
    },
    key: { apiKey: key(), acceptAsIs: false },
  });
  expect(prod.ok, JSON.stringify(prod.problem)).toBe(true);
  productionId = prod.value.id;
});
afterAll(async () => {
  await page?.close();
  await harness?.close();
  await sandbox?.close();
});
beforeEach(() => sandbox.configure({ tokenOnLastPage: true, emptyPageWhileHasMore: true }));

const spec = (path: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  path,
  query: [],
  headers: [],
  ...extra,
});
const requestId = () => crypto.randomUUID();

/** The body the window would read: inline, or fetched by reference from the page's origin. */
async function bodyOf(answer: {
  body: { kind: string; base64?: string; ref?: string; size?: number };
}) {
  if (answer.body.kind === 'inline') return Buffer.from(answer.body.base64 as string, 'base64');
  const response = await fetch(`${page.origin}${responseBodyPath(answer.body.ref as string)}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function send(request: RequestSpec, id = profileId, extra: object = {}) {
  const answer = await harness.call('requests.send', {
    profileId: id,
    spec: request,
    requestId: requestId(),
    ...extra,
  });
  expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
  return { ...answer.value, bytes: await bodyOf(answer.value) };
}

/** An answer without what Veza makes new on every call (its request id and timestamp). */
function sameAnswer(text: string): unknown {
  const json = JSON.parse(text) as Record<string, unknown>;
  delete json.request_id;
  delete json.timestamp;
  return json;
}

const run = (command: string, args: string[]) =>
  runWithVezaEnv(command, args, { url: sandbox.url, token: key() });

const requests: [string, RequestSpec][] = [
  [
    'a list with a filter',
    spec('/api/v1/providers', {
      query: [{ name: 'filter', value: 'name eq "GitHub"', enabled: true }],
    }),
  ],
  ['who the key acts as', spec('/api/v1/users/self')],
  [
    'a POST query with a body',
    spec('/api/v1/assessments/query_spec:nodes', {
      method: 'POST',
      query: [{ name: 'page_size', value: '3', enabled: true }],
      body: '{"query_type": "SOURCE_TO_DESTINATION"}',
    }),
  ],
  ['a Veza error (unknown custom provider)', spec('/api/v1/providers/custom/does-not-exist')],
];

describe.each(requests)('%s: the generated code gets what the app gets', (_name, request) => {
  it('curl in bash', async () => {
    const app = await send(request);
    const out = await run('bash', [
      '-c',
      `${curlBashSnippet(request)} --silent --show-error -w '\\n%{http_code}'`,
    ]);
    const status = Number(out.slice(out.lastIndexOf('\n') + 1));
    expect(status).toBe(app.status);
    expect(sameAnswer(out.slice(0, out.lastIndexOf('\n')))).toEqual(
      sameAnswer(app.bytes.toString()),
    );
  });

  it('Python requests', async () => {
    const app = await send(request);
    const out = await run('python3', ['-c', pythonRequestsSnippet(request)]);
    const [status, ...body] = out.replace(/\n$/, '').split('\n');
    expect(Number(status)).toBe(app.status);
    expect(sameAnswer(body.join('\n'))).toEqual(sameAnswer(app.bytes.toString()));
  });
});

describe('sending', () => {
  it('answers status, headers, timings and a Veza error as its problem', async () => {
    const ok = await send(spec('/api/v1/users/self'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.bytes.toString()).value).toBeTruthy();
    expect(ok.timings.totalMs).toBeGreaterThan(0);
    expect(ok.headers.some((h: { name: string }) => h.name === 'content-type')).toBe(true);
    const missing = await send(spec('/api/v1/providers/custom/does-not-exist'));
    expect(missing.status).toBe(404);
    expect(missing.problem?.title).toBeTruthy();
  });

  it('delivers a large body by reference, fetched from the page origin, byte for byte', async () => {
    const big = await send(
      spec('/api/v1/sandbox/large', {
        query: [{ name: 'bytes', value: '3000000', enabled: true }],
      }),
    );
    expect(big.body.kind).toBe('file');
    expect(big.bytes.length).toBe(3_000_000);
    expect(JSON.parse(big.bytes.toString()).values.length).toBeGreaterThan(0);
  });

  it('refuses a path that would leave the instance', async () => {
    const before = sandbox.requests.length;
    for (const path of ['//evil.test/x', 'http://evil.test/x', 'https://evil.test/api']) {
      const answer = await harness.call('requests.send', {
        profileId,
        spec: spec(path),
        requestId: requestId(),
      });
      expect(answer.ok).toBe(false);
      expect(answer.problem.code).toBe('IPC_INVALID_ARGUMENT');
    }
    expect(sandbox.requests.length).toBe(before);
  });

  it('on production, a change needs the confirmation; a read does not', async () => {
    const refused = await harness.call('requests.send', {
      profileId: productionId,
      spec: spec('/api/v1/teams', { method: 'POST', body: '{"name":"x"}' }),
      requestId: requestId(),
    });
    expect(refused.problem?.code).toBe('PRODUCTION_NOT_CONFIRMED');
    expect((await send(spec('/api/v1/users/self'), productionId)).status).toBe(200);
    const confirmed = await send(
      spec('/api/v1/teams', { method: 'POST', body: '{"name":"Confirmed team"}' }),
      productionId,
      {
        confirmedProduction: true,
      },
    );
    expect(confirmed.status).toBeLessThan(300);
  });

  it('cancels a request that hangs', async () => {
    const fault = sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/roles', times: 1 });
    const id = requestId();
    const pending = harness.call('requests.send', {
      profileId,
      spec: spec('/api/v1/roles'),
      requestId: id,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await harness.call('calls.cancel', { callId: id });
    const answer = await pending;
    expect(answer.problem?.code).toBe('REQUEST_CANCELLED');
    sandbox.faults.remove(fault);
  });
});

describe('fetch all pages over the sandbox quirks', () => {
  it.each([
    [true, true],
    [false, false],
    [true, false],
    [false, true],
  ])(
    'tokenOnLastPage=%s emptyPageWhileHasMore=%s: every node exactly once',
    async (last, empty) => {
      sandbox.configure({ tokenOnLastPage: last, emptyPageWhileHasMore: empty });
      const nodes = spec('/api/v1/assessments/query_spec:nodes', {
        method: 'POST',
        query: [{ name: 'page_size', value: '100', enabled: true }],
        body: '{"query_type": "SOURCE_TO_DESTINATION"}',
      });
      const id = requestId();
      const answer = await harness.call('requests.fetchAllPages', {
        profileId,
        spec: nodes,
        requestId: id,
      });
      expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
      const merged = JSON.parse((await bodyOf(answer.value)).toString()).values as { id: string }[];
      // The sandbox's own data: one big page with the key, straight over HTTP.
      const direct = await fetch(
        `${sandbox.url}/api/v1/assessments/query_spec:nodes?page_size=100000`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${key()}`, 'content-type': 'application/json' },
          body: nodes.body,
        },
      );
      expect(direct.status).toBe(200);
      const ids = new Set(merged.map((node) => node.id));
      expect(ids.size).toBe(merged.length);
      expect(merged.length).toBeGreaterThan(300);
      expect(answer.value.paging).toMatchObject({ stoppedBy: 'end', items: merged.length });
      const progress = harness.events.filter(
        (event) =>
          event.name === 'requests.pagingProgress' &&
          (event.payload as { requestId: string }).requestId === id,
      );
      expect(progress.length).toBe(answer.value.paging.pages);
    },
  );
});

describe('history and saved requests', () => {
  it('history lists, finds and re-opens what was sent; its files and bodies hold no key', async () => {
    await send(spec('/api/v1/roles'));
    const found = await harness.call('history.list', { query: 'roles' });
    expect(found.value.entries[0]).toMatchObject({
      method: 'GET',
      target: '/api/v1/roles',
      status: 200,
      instanceName: 'Sandbox',
    });
    const entry = await harness.call('history.get', { id: found.value.entries[0].id });
    expect(entry.value.spec).toEqual(spec('/api/v1/roles'));
    await expectNoKeyInDataFolder();
  });

  it('a key typed into a header is taken out of history', async () => {
    await send(
      spec('/api/v1/roles', { headers: [{ name: 'X-Note', value: key(), enabled: true }] }),
    );
    await expectNoKeyInDataFolder();
  });

  it('deleting an entry removes its body file; clearing removes them all', async () => {
    const big = await send(
      spec('/api/v1/sandbox/large', { query: [{ name: 'bytes', value: '100000', enabled: true }] }),
    );
    const bodies = path.join(harness.home, 'bodies');
    expect(await readdir(bodies)).toContain(`${big.body.ref}.body`);
    await harness.call('history.delete', { id: big.historyId });
    expect(await readdir(bodies)).not.toContain(`${big.body.ref}.body`);
    const gone = await fetch(`${page.origin}${responseBodyPath(big.body.ref)}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { code: string }).code).toBe('RESPONSE_BODY_GONE');
    await send(
      spec('/api/v1/sandbox/large', { query: [{ name: 'bytes', value: '100000', enabled: true }] }),
    );
    await harness.call('history.clear', {});
    expect(await readdir(bodies)).toEqual([]);
    expect((await harness.call('history.list', {})).value.entries).toEqual([]);
  });

  it("an instance's history is listed and cleared on its own; the other's stays, bodies too", async () => {
    const large = spec('/api/v1/sandbox/large', {
      query: [{ name: 'bytes', value: '100000', enabled: true }],
    });
    const mine = await send(large);
    const theirs = await send(large, productionId);
    const listed = async (id: string) =>
      (await harness.call('history.list', { profileId: id })).value.entries.map(
        (entry: { id: string }) => entry.id,
      );
    expect(await listed(profileId)).toContain(mine.historyId);
    expect(await listed(profileId)).not.toContain(theirs.historyId);
    expect(await listed(productionId)).toContain(theirs.historyId);
    const searched = await harness.call('history.list', { profileId, query: 'no-such-words' });
    expect(searched.value.entries).toEqual([]);
    expect(searched.value.total).toBe((await listed(profileId)).length);

    await harness.call('history.clear', { profileId });
    expect(await listed(profileId)).toEqual([]);
    expect(await listed(productionId)).toContain(theirs.historyId);
    const bodies = await readdir(path.join(harness.home, 'bodies'));
    expect(bodies).toContain(`${theirs.body.ref}.body`);
    expect(bodies).not.toContain(`${mine.body.ref}.body`);
    expect((await bodyOf(theirs)).length).toBe(100000);
  });

  it("deleting an instance deletes its history and bodies, not another's", async () => {
    const made = await harness.call('profiles.create', {
      draft: {
        name: 'Short-lived',
        address: sandbox.url,
        colour: '#0f766e',
        production: false,
        notes: '',
      },
      key: { apiKey: key(), acceptAsIs: false },
    });
    const large = spec('/api/v1/sandbox/large', {
      query: [{ name: 'bytes', value: '100000', enabled: true }],
    });
    const doomed = await send(large, made.value.id);
    const kept = await send(large);
    expect((await harness.call('profiles.delete', { id: made.value.id })).ok).toBe(true);
    const ids = (await harness.call('history.list', {})).value.entries.map(
      (entry: { id: string }) => entry.id,
    );
    expect(ids).not.toContain(doomed.historyId);
    expect(ids).toContain(kept.historyId);
    const bodies = await readdir(path.join(harness.home, 'bodies'));
    expect(bodies).not.toContain(`${doomed.body.ref}.body`);
    expect(bodies).toContain(`${kept.body.ref}.body`);
  });

  it('saved requests: secrets stripped, a saved key refused, export and import round-trip', async () => {
    const saved = await harness.call('saved.save', {
      name: 'Roles',
      folder: 'Everyday',
      spec: spec('/api/v1/roles', {
        headers: [{ name: 'X-Api-Key', value: 'abc', enabled: true }],
      }),
    });
    expect(saved.ok).toBe(true);
    expect(saved.value.spec.headers).toEqual([]);
    const refused = await harness.call('saved.save', {
      name: 'Leaky',
      folder: '',
      spec: spec('/api/v1/roles', { body: `{"k":"${key()}"}`, method: 'POST' }),
    });
    expect(refused.problem.code).toBe('KEY_IN_REQUEST');

    harness.dialogs.nextSave = path.join(harness.home, 'export.json');
    expect((await harness.call('saved.exportFile')).ok).toBe(true);
    const exported = JSON.parse(await readFile(harness.dialogs.nextSave, 'utf8'));
    expect(exported.requests).toEqual([
      { name: 'Roles', folder: 'Everyday', spec: saved.value.spec },
    ]);

    const sentBefore = sandbox.requests.length;
    harness.dialogs.nextOpen = path.join(harness.home, 'export.json');
    const imported = await harness.call('saved.importFile');
    expect(imported.value).toMatchObject({ imported: 1 });
    expect(sandbox.requests.length).toBe(sentBefore);
    await expectNoKeyInDataFolder();
  });
});

describe('importing a saved-requests file someone else made', () => {
  it('says which credential rows it removed, never their values, and leaves out what is broken', async () => {
    const foreignToken = `foreign-token-${Date.now()}`;
    const file = path.join(harness.home, 'from-a-colleague.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'veza-desk-requests',
        version: 1,
        exportedAt: '2026-11-01T09:00:00.000Z',
        requests: [
          {
            name: 'Teams',
            folder: 'Shared',
            spec: {
              ...spec('/api/v1/teams'),
              headers: [
                { name: 'Authorization', value: `Bearer ${foreignToken}`, enabled: true },
                { name: 'Accept', value: 'application/json', enabled: true },
              ],
              query: [{ name: 'api_key', value: foreignToken, enabled: true }],
            },
          },
          { name: 'Broken', spec: { method: 'TELEPORT' } },
        ],
      }),
    );
    harness.dialogs.nextOpen = file;
    const imported = await harness.call('saved.importFile');
    expect(imported.ok, JSON.stringify(imported.problem)).toBe(true);
    expect(imported.value.imported).toBe(1);
    expect(imported.value.notes).toEqual([
      '"Teams": removed header "Authorization", query parameter "api_key" (Veza Desk adds the key from the keychain).',
      'Request 2 was left out: it is not a valid request.',
    ]);
    const teams = (await harness.call('saved.list')).value.requests.find(
      (request: { name: string }) => request.name === 'Teams',
    );
    expect(teams.spec.headers).toEqual([
      { name: 'Accept', value: 'application/json', enabled: true },
    ]);
    expect(JSON.stringify(imported)).not.toContain(foreignToken);
    expect(await readFile(path.join(harness.home, 'saved-requests.json'), 'utf8')).not.toContain(
      foreignToken,
    );
  });
});

describe("import from curl: the seed's own examples fill the composer and send", () => {
  it.each([
    'curl -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/providers"',
    "curl -X GET 'https://<url>/api/v1/providers/custom' \\\n-H 'authorization: Bearer <token>'",
  ])('%s', async (command) => {
    const outcome = importCurl(command);
    if (!outcome.ok) throw new Error(outcome.reason);
    const app = await send(outcome.spec);
    expect(app.status).toBe(200);
    expect(curlBashSnippet(outcome.spec)).toContain(outcome.spec.path);
  });
});

async function expectNoKeyInDataFolder() {
  const files = await readdir(harness.home, { recursive: true, withFileTypes: true });
  for (const file of files.filter((entry) => entry.isFile())) {
    const text = await readFile(path.join(file.parentPath, file.name), 'latin1');
    expect(text.includes(key()), `${file.name} holds the key`).toBe(false);
  }
}
