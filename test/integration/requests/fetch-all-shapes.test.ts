import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import type { RequestSpec } from '../../../src/shared/requests/request-spec';
import { responseBodyPath } from '../../../src/shared/requests/response-body-url';
import { makeFakeKey } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { startDocumentedVeza, type DocumentedVeza } from './support/documented-veza';

// "Fetch all pages" in the request workspace (requests.fetchAllPages through the real
// dispatcher, keychain and transport) over every list shape Veza documents, on 127.0.0.1:
// the simulator where it produces the shape, a server answering the documented JSON where it
// does not yet (support/documented-veza.ts).
let sandbox: Sandbox;
let veza: DocumentedVeza;
let harness: ProfileHarness;
let documentedId: string;
let sandboxId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  veza = await startDocumentedVeza(makeFakeKey());
  harness = await openProfileHarness();
  const create = async (name: string, address: string, apiKey: string) => {
    const made = await harness.call('profiles.create', {
      draft: { name, address, colour: '#2563eb', production: false, notes: '' },
      key: { apiKey, acceptAsIs: false },
    });
    expect(made.ok, JSON.stringify(made.problem)).toBe(true);
    return made.value.id as string;
  };
  documentedId = await create('Documented', veza.url, veza.key);
  sandboxId = await create('Sandbox', sandbox.url, sandbox.keys.admin as string);
});
afterAll(async () => {
  for (const profile of harness.profiles.state().profiles) await harness.secrets.delete(profile.id);
  await harness?.close();
  await veza?.close();
  await sandbox?.close();
});

const spec = (path: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  path,
  query: [],
  headers: [],
  ...extra,
});

/** Fetch all pages as the window asks for it; the merged document parsed. */
async function fetchAll(request: RequestSpec, profileId = documentedId) {
  const answer = await harness.call('requests.fetchAllPages', {
    profileId,
    spec: request,
    requestId: crypto.randomUUID(),
  });
  if (!answer.ok) return { answer, document: undefined };
  const body = answer.value.body as { kind: string; base64?: string; ref?: string };
  // A large merged body is a file the window fetches from the page's origin (main's route).
  const text =
    body.kind === 'inline'
      ? Buffer.from(body.base64 ?? '', 'base64').toString()
      : await (await harness.pageRoute('GET', responseBodyPath(body.ref ?? '')))?.text();
  const document = JSON.parse(text ?? 'null') as Record<string, unknown>;
  return { answer, document };
}

const requestsTo = (path: string) =>
  veza.server.requests.filter((request) => request.url.split('?')[0] === path);

describe('fetch all pages over every documented shape', () => {
  it('provider types: not paged, both lists kept, one request', async () => {
    const before = requestsTo('/api/v1/providers/types').length;
    const { answer, document } = await fetchAll(spec('/api/v1/providers/types'));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(document).toEqual({
      provider_types: [
        expect.objectContaining({ type: 'AWS' }),
        expect.objectContaining({ type: 'OKTA' }),
        expect.objectContaining({ type: 'GITHUB' }),
      ],
      unregistered_custom_provider_types: [],
    });
    expect(answer.value.paging).toEqual({ pages: 1, items: 3, stoppedBy: 'end' });
    expect(requestsTo('/api/v1/providers/types').length - before).toBe(1);
  });

  it('events: three pages without has_more, merged under "events"', async () => {
    const { answer, document } = await fetchAll(spec('/api/preview/events'));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(Object.keys(document ?? {})).toEqual(['events']);
    expect((document?.events as { id: string }[]).map((event) => event.id)).toEqual(
      Array.from({ length: veza.counts.events }, (_, i) => `ev-${i + 1}`),
    );
    expect(answer.value.paging).toEqual({ pages: 3, items: 7, stoppedBy: 'end' });
  });

  it('a count (number_value): the answer as it is, and a plain send reads it too', async () => {
    const { answer, document } = await fetchAll(spec('/api/v1/assessments/queries/q-1:result'));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(document).toEqual({ result_type: 'number', number_value: '6' });
    const sent = await harness.call('requests.send', {
      profileId: documentedId,
      spec: spec('/api/v1/assessments/queries/q-1:result'),
      requestId: crypto.randomUUID(),
    });
    expect(sent.ok).toBe(true);
    expect(sent.value.problem).toBeUndefined();
  });

  it('VQL: pages by AFTER CURSOR in the query text, never page_token', async () => {
    const before = requestsTo('/api/v1/assessments/vql:nodes').length;
    const { answer, document } = await fetchAll(
      spec('/api/v1/assessments/vql:nodes', {
        method: 'POST',
        body: JSON.stringify({ query: 'SHOW AwsIamRole LIMIT 50;' }),
      }),
    );
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    const values = document?.path_values as { source: { id: string } }[];
    expect(values.map((node) => node.source.id)).toEqual(
      Array.from({ length: veza.counts.vql }, (_, i) => `role-${i + 1}`),
    );
    expect(Object.keys(document ?? {})).toEqual(['path_values']);
    expect(answer.value.paging).toEqual({ pages: 3, items: 120, stoppedBy: 'end' });
    const sent = requestsTo('/api/v1/assessments/vql:nodes').slice(before);
    expect(sent.map((request) => request.url)).toEqual(
      Array(3).fill('/api/v1/assessments/vql:nodes'),
    );
  });

  it('VQL on the simulator: AFTER CURSOR in the place VQL gives it, every node once', async () => {
    const vql = (query: string) =>
      spec('/api/v1/assessments/vql:nodes', { method: 'POST', body: JSON.stringify({ query }) });
    const { answer, document } = await fetchAll(vql('SHOW OktaUser LIMIT 7;'), sandboxId);
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    const direct = await fetch(`${sandbox.url}/api/v1/assessments/vql:nodes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.keys.admin}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ query: 'SHOW OktaUser LIMIT 100000;' }),
    });
    const all = ((await direct.json()) as { path_values: unknown[] }).path_values;
    expect(all.length).toBeGreaterThan(7);
    expect(document?.path_values).toEqual(all);
    expect(answer.value.paging.pages).toBe(Math.ceil(all.length / 7));
  });

  it('team keys: three pages without has_more', async () => {
    const { answer, document } = await fetchAll(
      spec('/api/preview/teamkeys', { query: [{ name: 'page_size', value: '3', enabled: true }] }),
    );
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect((document?.values as { id: string }[]).map((k) => k.id)).toEqual(
      Array.from({ length: veza.counts.teamKeys }, (_, i) => `tk-${i + 1}`),
    );
    expect(answer.value.paging).toEqual({ pages: 3, items: 7, stoppedBy: 'end' });
  });

  it('providers: pages of 25 by default, every provider once', async () => {
    const before = requestsTo('/api/v1/providers').length;
    const { answer, document } = await fetchAll(spec('/api/v1/providers'));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    const ids = (document?.values as { id: string }[]).map((provider) => provider.id);
    expect(ids).toHaveLength(veza.counts.providers);
    expect(new Set(ids).size).toBe(ids.length);
    expect(answer.value.paging).toEqual({ pages: 3, items: 60, stoppedBy: 'end' });
    expect(
      requestsTo('/api/v1/providers')
        .slice(before)
        .map((r) => r.url),
    ).toEqual([
      '/api/v1/providers',
      '/api/v1/providers?page_token=25',
      '/api/v1/providers?page_token=50',
    ]);
  });

  it('providers on the simulator, pages of 25 with its quirks: every provider once', async () => {
    const { answer, document } = await fetchAll(
      spec('/api/v1/providers', { query: [{ name: 'page_size', value: '25', enabled: true }] }),
      sandboxId,
    );
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    const direct = await fetch(`${sandbox.url}/api/v1/providers?page_size=100`, {
      headers: { authorization: `Bearer ${sandbox.keys.admin}` },
    });
    const firstHundred = ((await direct.json()) as { values: { id: string }[] }).values;
    const ids = (document?.values as { id: string }[]).map((provider) => provider.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, firstHundred.length)).toEqual(firstHundred.map((p) => p.id));
    expect(answer.value.paging.stoppedBy).toBe('end');
  });

  it('a list whose last page repeats its token: PAGING_FAILED, not an endless walk', async () => {
    const before = requestsTo('/api/v1/looping').length;
    const { answer } = await fetchAll(spec('/api/v1/looping'));
    expect(answer.ok).toBe(false);
    expect(answer.problem).toMatchObject({ code: 'PAGING_FAILED' });
    expect(answer.problem.detail.raw).toMatch(/earlier page again after page 2/);
    expect(requestsTo('/api/v1/looping').length - before).toBe(2);
  });
});
