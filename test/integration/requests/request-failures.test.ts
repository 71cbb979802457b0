import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../src/shared/requests/request-spec';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { startHttpServer, type TestServer } from '../../support/network/servers';

// What the request workspace says when a server's paging goes round in a circle, and when its
// own history file is damaged: each a Problem, produced for real.
const key = Buffer.from('veza-desk-test:paging:0123456789abcdef').toString('base64');
let server: TestServer;
let harness: ProfileHarness;
let profileId: string;

beforeAll(async () => {
  // A list whose every page says "more" and hands back the same token: a loop.
  server = await startHttpServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({ values: [{ id: 'n1' }], has_more: true, next_page_token: 'same' }),
    );
  });
  harness = await openProfileHarness();
  const created = await harness.call('profiles.create', {
    draft: {
      name: 'Looping',
      address: `http://127.0.0.1:${server.port}`,
      colour: '#2457c5',
      production: false,
      notes: '',
    },
    key: { apiKey: key, acceptAsIs: false },
  });
  profileId = created.value.id;
});
afterAll(async () => {
  await harness.close();
  await server.close();
});

const spec: RequestSpec = { method: 'GET', path: '/api/v1/providers', query: [], headers: [] };

describe('saving a response to a file', () => {
  // Inline (small) and body-file (large, streamed by main) answers take different ways.
  it.each([
    ['small', [{ id: 'n1', name: 'Ünïcode ✓' }]],
    ['large', Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, name: `Ünïcode ✓ ${i}` }))],
  ])(
    'writes a %s answer, byte for byte, where the user chose in main’s dialog; cancel writes nothing',
    async (_size, values) => {
      const body = JSON.stringify({ values, has_more: false });
      const answering = await startHttpServer((_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(body);
      });
      const h = await openProfileHarness();
      const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-save-'));
      try {
        const created = await h.call('profiles.create', {
          draft: {
            name: 'Answering',
            address: `http://127.0.0.1:${answering.port}`,
            colour: '#2457c5',
            production: false,
            notes: '',
          },
          key: { apiKey: key, acceptAsIs: false },
        });
        const sent = await h.call('requests.send', {
          profileId: created.value.id,
          spec,
          requestId: crypto.randomUUID(),
        });
        expect(sent.ok).toBe(true);
        h.dialogs.nextSave = undefined;
        expect(
          await h.call('requests.saveBody', { historyId: sent.value.historyId }),
        ).toMatchObject({
          ok: true,
          value: { cancelled: true },
        });
        const target = path.join(folder, 'answer.json');
        h.dialogs.nextSave = target;
        const saved = await h.call('requests.saveBody', { historyId: sent.value.historyId });
        expect(saved).toMatchObject({ ok: true, value: { cancelled: false } });
        expect(await readFile(target, 'utf8')).toBe(body);
        expect(await readdir(folder)).toEqual(['answer.json']);
      } finally {
        await h.close();
        await answering.close();
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});

describe('request workspace failures', () => {
  it('a list whose token never changes stops with PAGING_FAILED, not forever', async () => {
    const answer = await harness.call('requests.fetchAllPages', {
      profileId,
      spec,
      requestId: crypto.randomUUID(),
    });
    expect(answer).toMatchObject({ ok: false, problem: { code: 'PAGING_FAILED' } });
    expect(JSON.stringify(answer)).not.toContain(key);
  });

  it('a damaged history file is set aside and reported as DATA_FILE_DAMAGED', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'veza-history-'));
    try {
      await writeFile(path.join(home, 'history.json'), '{"version": 1, "items": [');
      const reopened = await openProfileHarness(home);
      try {
        const listed = await reopened.call('history.list', {});
        expect(JSON.stringify(listed)).toContain('DATA_FILE_DAMAGED');
        expect((await readdir(home)).some((name) => name.startsWith('history.json.damaged-'))).toBe(
          true,
        );
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
