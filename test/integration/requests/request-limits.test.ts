import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBodyFiles } from '../../../src/main/core/requests/body-files';
import { openHistoryStore, type HistoryStore } from '../../../src/main/core/requests/history-store';
import { createRequestService } from '../../../src/main/core/requests/request-service';
import { createTransport } from '../../../src/main/core/transport';
import { createInstanceClient } from '../../../src/main/core/veza/instance-client';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { formatSize } from '../../../src/shared/format/format-size';
import { calls } from '../../../src/shared/ipc/contract';
import {
  historyRequestBodyLimit,
  pagingLimits,
  responseHeaderRowsMax,
} from '../../../src/shared/requests/request-records';
import { requestLimits, type RequestSpec } from '../../../src/shared/requests/request-spec';
import { fakeLookup } from '../../support/network/lookups';
import { startHttpServer, type TestServer } from '../../support/network/servers';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// The request workspace's bounds (issue 14), over real HTTP on 127.0.0.1: a body over the
// limit never leaves the window, a large body is sent whole but kept in history only in part,
// a flood of answer headers is cut to the contract, and "Fetch all pages" stops at its page and
// byte limits with a problem that says how far it got.

let sandbox: Sandbox;
let echo: TestServer;
let harness: ProfileHarness;
let sandboxId: string;
let echoId: string;
/** What the echo server received, newest last. */
const received: { method: string; url: string; bodyBytes: number }[] = [];
/** How many values of one header the echo server answers with. */
let echoHeaderValues = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
  echo = await startHttpServer((request, response) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', bodyBytes });
      response.setHeader('content-type', 'application/json');
      if (echoHeaderValues > 0)
        response.setHeader(
          'x-many',
          Array.from({ length: echoHeaderValues }, (_, i) => String(i)),
        );
      response.end(JSON.stringify({ value: { bodyBytes } }));
    });
  });
  harness = await openProfileHarness();
  const create = async (name: string, address: string, apiKey?: string) => {
    const made = await harness.call('profiles.create', {
      draft: { name, address, colour: '#2563eb', production: false, notes: '' },
      ...(apiKey ? { key: { apiKey, acceptAsIs: false } } : {}),
    });
    expect(made.ok, JSON.stringify(made.problem)).toBe(true);
    return made.value.id as string;
  };
  sandboxId = await create('Sandbox', sandbox.url, sandbox.keys.admin);
  echoId = await create('Echo', `http://127.0.0.1:${echo.port}`);
});
afterAll(async () => {
  await harness?.close();
  await echo?.close();
  await sandbox?.close();
});
beforeEach(() => {
  received.length = 0;
  echoHeaderValues = 0;
  // No empty page in the middle: every page holds page_size values.
  sandbox.configure({ tokenOnLastPage: true, emptyPageWhileHasMore: false });
});

const post = (body: string): RequestSpec => ({
  method: 'POST',
  path: '/api/v1/echo',
  query: [],
  headers: [{ name: 'content-type', value: 'application/json', enabled: true }],
  body,
});
const send = (spec: RequestSpec, profileId = echoId) =>
  harness.call('requests.send', { profileId, spec, requestId: crypto.randomUUID() });

describe('request bodies', () => {
  it('a body over the limit is refused at the contract: nothing is sent, nothing kept', async () => {
    const before = (await harness.call('history.list', {})).value.total;
    const answer = await send(post('x'.repeat(requestLimits.body + 1)));
    expect(answer.ok).toBe(false);
    expect(answer.problem.code).toBe('IPC_INVALID_ARGUMENT');
    expect(answer.problem.detail.raw).toContain('larger than 10 MB');
    expect(received).toEqual([]);
    expect((await harness.call('history.list', {})).value.total).toBe(before);
  });

  it('a body at the limit is sent whole; history keeps its first 64 KB, marked cut', async () => {
    // Two-byte characters, so the cut has to fall between characters, not inside one.
    const body = `{"text":"${'é'.repeat(requestLimits.body / 2 - 6)}"}`;
    expect(body.length).toBeLessThanOrEqual(requestLimits.body);
    const answer = await send(post(body));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(received.at(-1)?.bodyBytes).toBe(Buffer.byteLength(body));

    const entry = (await harness.call('history.get', { id: answer.value.historyId })).value;
    expect(entry.requestBodyCut).toBe(true);
    const kept = entry.spec.body as string;
    expect(body.startsWith(kept)).toBe(true);
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(historyRequestBodyLimit);
    expect(Buffer.byteLength(kept)).toBeGreaterThan(historyRequestBodyLimit - 4);
    expect(kept).not.toContain('\uFFFD');

    // The file on disk is small: the 10 MB body is not in it.
    const file = path.join(harness.home, 'history.json');
    expect((await stat(file)).size).toBeLessThan(4 * historyRequestBodyLimit);
    expect(await readFile(file, 'utf8')).toMatch(/"requestBodyCut":\s*true/);
  });

  it('a small body is kept whole, without the mark', async () => {
    const body = '{"query_type": "SOURCE_TO_DESTINATION"}';
    const answer = await send(post(body));
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    const entry = (await harness.call('history.get', { id: answer.value.historyId })).value;
    expect(entry.spec.body).toBe(body);
    expect(entry.requestBodyCut).toBeUndefined();
  });
});

describe('answers within the contract', () => {
  it('a flood of answer headers is cut to the contract, not turned into a failure', async () => {
    echoHeaderValues = responseHeaderRowsMax + 500;
    const answer = await send({ method: 'GET', path: '/api/v1/echo', query: [], headers: [] });
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(answer.value.headers).toHaveLength(responseHeaderRowsMax);
    const entry = (await harness.call('history.get', { id: answer.value.historyId })).value;
    expect(entry.headers).toHaveLength(responseHeaderRowsMax);
  });
});

describe('Fetch all pages stops at its limits', () => {
  let folder: string;
  let history: HistoryStore;
  const transport = createTransport({ env: {}, lookup: fakeLookup(['localhost']) });
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'veza-paging-limits-'));
    history = await openHistoryStore(folder, createBodyFiles(folder));
  });
  afterAll(async () => {
    await transport.close();
    await rm(folder, { recursive: true, force: true });
  });

  const pageSize = 10;
  const nodes: RequestSpec = {
    method: 'POST',
    path: '/api/v1/assessments/query_spec:nodes',
    query: [{ name: 'page_size', value: String(pageSize), enabled: true }],
    headers: [],
    body: '{"query_type": "SOURCE_TO_DESTINATION"}',
  };

  /** The walk through a request service with these limits, checked against the contract. */
  async function fetchAll(limits: { pages?: number; bytes?: number }) {
    const service = createRequestService({
      instances: createInstanceClient({ profiles: harness.profiles }),
      transport,
      history,
      bodies: createBodyFiles(folder),
      pagingLimits: limits,
    });
    const progress: { pages: number; items: number }[] = [];
    const answer = await service.sendAllPages(
      { profileId: sandboxId, spec: nodes },
      (step) => progress.push(step),
      new AbortController().signal,
    );
    const parsed = calls['requests.fetchAllPages'].result.parse(answer);
    const body = answer.body.kind === 'inline' ? Buffer.from(answer.body.base64, 'base64') : null;
    return { answer: parsed, progress, body };
  }

  /** The sizes of the list's first pages, straight from the sandbox over HTTP. */
  async function pageSizes(count: number): Promise<number[]> {
    const sizes: number[] = [];
    let token: string | undefined;
    for (let i = 0; i < count; i += 1) {
      const url = new URL(`${sandbox.url}${nodes.path}`);
      url.searchParams.set('page_size', String(pageSize));
      if (token) url.searchParams.set('page_token', token);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sandbox.keys.admin}`,
          'content-type': 'application/json',
        },
        body: nodes.body,
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      sizes.push(bytes.length);
      token = (JSON.parse(bytes.toString()) as { next_page_token?: string }).next_page_token;
    }
    return sizes;
  }

  it('the limits are 10,000 pages and 256 MB of pages', () => {
    expect(pagingLimits).toEqual({ pages: 10_000, bytes: 256 * 1024 * 1024 });
  });

  it('at the page limit: the pages fetched are the answer, and a problem says how far it got', async () => {
    const { answer, progress, body } = await fetchAll({ pages: 3 });
    expect(answer.paging).toEqual({ pages: 3, items: 3 * pageSize, stoppedBy: 'maxPages' });
    expect(progress.at(-1)).toEqual({ pages: 3, items: 3 * pageSize });
    expect(JSON.parse(String(body)).values).toHaveLength(3 * pageSize);
    expect(answer.problem?.code).toBe('PAGING_LIMIT_REACHED');
    expect(answer.problem?.explanation).toContain(`after 3 pages (${3 * pageSize} items,`);
    expect(answer.problem?.explanation).toContain('at its limit of 3 pages');
    // History shows the same problem when the entry is opened again.
    expect(history.get(answer.historyId).problem?.code).toBe('PAGING_LIMIT_REACHED');
  });

  it('at the byte limit: the page that would go over is not merged', async () => {
    const [first, second, third] = (await pageSizes(3)) as [number, number, number];
    const { answer, body } = await fetchAll({ bytes: first + second + third - 1 });
    expect(answer.paging).toEqual({ pages: 2, items: 2 * pageSize, stoppedBy: 'maxBytes' });
    expect(JSON.parse(String(body)).values).toHaveLength(2 * pageSize);
    expect(answer.problem?.code).toBe('PAGING_LIMIT_REACHED');
    expect(answer.problem?.detail.facts).toMatchObject({
      pages: '2',
      items: String(2 * pageSize),
      size: formatSize(first + second),
      limit: formatSize(first + second + third - 1),
    });
  });

  it('a first page over the byte limit: nothing merged, and it says so', async () => {
    const { answer, body } = await fetchAll({ bytes: 1 });
    expect(answer.paging).toEqual({ pages: 0, items: 0, stoppedBy: 'maxBytes' });
    expect(JSON.parse(String(body))).toEqual({ values: [] });
    expect(answer.problem?.explanation).toContain('after 0 pages (0 items');
  });

  it('within the limits the whole list comes, without a problem', async () => {
    const { answer } = await fetchAll({});
    expect(answer.paging?.stoppedBy).toBe('end');
    expect(answer.paging?.items).toBeGreaterThan(300);
    expect(answer.problem).toBeUndefined();
  });
});
