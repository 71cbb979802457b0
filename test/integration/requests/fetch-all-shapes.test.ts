import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import type { RequestSpec } from '../../../src/shared/requests/request-spec';
import { responseBodyPath } from '../../../src/shared/requests/response-body-url';
import { makeDraft } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
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
} from './support/sandbox-lists';

// "Fetch all pages" in the request workspace (requests.fetchAllPages through the real
// dispatcher, keychain and transport) over every list shape of issue 15, against the
// simulated Veza on 127.0.0.1. Each walk is compared with what the simulator holds, read by one
// plain request (support/sandbox-lists.ts), and its page requests counted in the simulator's
// own request log. Switches are set per test and put back after each.
let sandbox: Sandbox;
let harness: ProfileHarness;
let sandboxId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  harness = await openProfileHarness();
  const made = await harness.call('profiles.create', {
    draft: makeDraft({ name: 'Sandbox', address: sandbox.url }),
    key: { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
  });
  expect(made.ok, JSON.stringify(made.problem)).toBe(true);
  sandboxId = made.value.id as string;
});
afterEach(() => resetSandboxSettings(sandbox));
afterAll(async () => {
  for (const profile of harness.profiles.state().profiles) await harness.secrets.delete(profile.id);
  await harness?.close();
  await sandbox?.close();
});

const spec = (path: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  path,
  query: [],
  headers: [],
  ...extra,
});
const pageSize = (size: number) => ({
  query: [{ name: 'page_size', value: String(size), enabled: true }],
});

/** Fetch all pages as the window asks for it; the merged document parsed, and the page requests. */
async function fetchAll(request: RequestSpec) {
  const { result: answer, requests } = await requestsDuring(sandbox, request.path, () =>
    harness.call('requests.fetchAllPages', {
      profileId: sandboxId,
      spec: request,
      requestId: crypto.randomUUID(),
    }),
  );
  if (!answer.ok) return { answer, document: undefined, requests };
  const body = answer.value.body as { kind: string; base64?: string; ref?: string };
  // A large merged body is a file the window fetches from the page's origin (main's route).
  const text =
    body.kind === 'inline'
      ? Buffer.from(body.base64 ?? '', 'base64').toString()
      : await (await harness.pageRoute('GET', responseBodyPath(body.ref ?? '')))?.text();
  const document = JSON.parse(text ?? 'null') as Record<string, unknown>;
  return { answer, document, requests };
}

describe('fetch all pages over every list shape, against the simulator', () => {
  it('provider types: not paged, both lists kept as the simulator sent them, one request', async () => {
    const held = await readSandbox(sandbox, '/api/v1/providers/types');
    const { answer, document, requests } = await fetchAll(spec('/api/v1/providers/types'));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(Object.keys(held)).toEqual(['provider_types', 'unregistered_custom_provider_types']);
    expect(document).toEqual(held);
    const types = held.provider_types as unknown[];
    expect(answer.value.paging).toEqual({ pages: 1, items: types.length, stoppedBy: 'end' });
    expect(requests).toHaveLength(1);
  });

  it('events: three pages without has_more, every event once and in order under "events"', async () => {
    sandbox.configure({ emptyPageWhileHasMore: false });
    const { events, pageSize: size } = await eventsInThreePages(sandbox);
    const { answer, document, requests } = await fetchAll(
      spec('/api/preview/events', pageSize(size)),
    );
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(Object.keys(document ?? {})).toEqual(['events']);
    expect(document?.events).toEqual(events);
    expect(answer.value.paging).toEqual({ pages: 3, items: events.length, stoppedBy: 'end' });
    expect(requests).toHaveLength(3);
  });

  it('a count (number_value, a string): the answer as it is, and a plain send reads it too', async () => {
    const { path, held } = await savedQueryCount(sandbox);
    expect(held).toEqual({ result_type: 'number', number_value: expect.stringMatching(/^\d+$/) });
    const { answer, document, requests } = await fetchAll(spec(path));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(document).toEqual(held);
    expect(answer.value.paging).toMatchObject({ pages: 1, stoppedBy: 'end' });
    expect(requests).toHaveLength(1);
    const sent = await harness.call('requests.send', {
      profileId: sandboxId,
      spec: spec(path),
      requestId: crypto.randomUUID(),
    });
    expect(sent.ok).toBe(true);
    expect(sent.value.problem).toBeUndefined();
  });

  it('VQL: pages by AFTER CURSOR in the place VQL gives it, every row once and in order', async () => {
    const rows = await allVqlRows(sandbox, 'OktaUser');
    expect(rows.length).toBeGreaterThan(2 * 7);
    const { answer, document, requests } = await fetchAll(
      spec('/api/v1/assessments/vql:nodes', {
        method: 'POST',
        body: JSON.stringify({ query: 'SHOW OktaUser LIMIT 7;' }),
      }),
    );
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(Object.keys(document ?? {})).toEqual(['path_values']);
    expect(document?.path_values).toEqual(rows);
    const pages = Math.ceil(rows.length / 7);
    expect(answer.value.paging).toEqual({ pages, items: rows.length, stoppedBy: 'end' });
    expect(requests.map((request) => request.method)).toEqual(Array(pages).fill('POST'));
  });

  it('team keys with page_size=3: three pages without has_more, the middle one not ASCII', async () => {
    const { pageSize: size, held, remove } = await threePagesOfTeamKeys(sandbox);
    try {
      const { answer, document, requests } = await fetchAll(
        spec('/api/preview/teamkeys', pageSize(size)),
      );
      expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
      expect(Object.keys(document ?? {})).toEqual(['values']);
      expect(document?.values).toEqual(held);
      expect(document?.values).toContainEqual(expect.objectContaining({ name: nonAsciiKeyName }));
      expect(answer.value.paging).toEqual({ pages: 3, items: held.length, stoppedBy: 'end' });
      expect(requests).toHaveLength(3);
    } finally {
      remove();
    }
  });

  it('providers without page_size: pages of 25, with the quirks, every provider once and in order', async () => {
    const { providers, requests: pages } = await providersInPagesOf25(sandbox);
    const { answer, document, requests } = await fetchAll(spec('/api/v1/providers'));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(Object.keys(document ?? {})).toEqual(['values']);
    expect(document?.values).toEqual(providers);
    expect(answer.value.paging).toEqual({ pages, items: providers.length, stoppedBy: 'end' });
    expect(requests).toHaveLength(pages);
  });

  it('a list whose last page repeats its token: PAGING_FAILED, not an endless walk', async () => {
    sandbox.configure({ repeatTokenOnLastPage: true, emptyPageWhileHasMore: false });
    const { pageSize: size } = await eventsInThreePages(sandbox);
    const { answer, requests } = await fetchAll(spec('/api/preview/events', pageSize(size)));
    expect(answer.ok).toBe(false);
    expect(answer.problem).toMatchObject({ code: 'PAGING_FAILED' });
    expect(answer.problem.detail.raw).toMatch(/earlier page again after page 3/);
    expect(requests).toHaveLength(3);
  });
});
