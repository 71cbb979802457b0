import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { makeDraft, makeFakeKey } from '../../support/profile-fixtures';

// A gateway that quotes the Authorization header back (in a Veza-style refusal, in a header,
// in a large answer): the instance client masks the key before any service reads the answer,
// so team-key errors, rotation errors, request results and history never carry it.
let server: http.Server;
let origin: string;
const seen: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const authorization = req.headers.authorization ?? '';
    seen.push(authorization);
    const key = authorization.replace(/^Bearer /, '');
    const headers = { 'content-type': 'application/json', 'x-echo': authorization };
    if (req.url?.startsWith('/big')) {
      res.writeHead(200, headers);
      res.end(JSON.stringify({ values: Array.from({ length: 2000 }, (_, i) => `${i} ${key}`) }));
      return;
    }
    res.writeHead(403, headers);
    res.end(
      JSON.stringify({
        code: 'PermissionDenied',
        message: `Permission denied for ${authorization}`,
        request_id: 'r-1',
        details: [
          {
            '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
            reason: 'DENIED',
            message: `key ${encodeURIComponent(key)} may not do this`,
            resolution: `Ask an admin about ${key}`,
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let h: ProfileHarness;
beforeEach(async () => {
  h = await openProfileHarness();
  seen.length = 0;
});
afterEach(() => h.close());

async function filesWith(folder: string, key: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file, 'utf8')).includes(key)) hits.push(file);
  }
  return hits;
}

describe('a key echoed by the server', () => {
  it('reaches no team-key, rotation, request or history text', async () => {
    const key = makeFakeKey();
    const created = await h.call('profiles.create', {
      draft: makeDraft({ address: origin }),
      key: { apiKey: key, acceptAsIs: false },
    });
    const id = created.value.id as string;
    const answers = [
      await h.call('keys.listTeamKeys', { profileId: id }),
      await h.call('keys.createTeamKey', {
        profileId: id,
        name: 'ci',
        teamId: 't-1',
        saveAs: { kind: 'none' },
        copyOnce: true,
      }),
      await h.call('keys.revokeTeamKey', { profileId: id, keyId: 'k-1' }),
      await h.call('keys.rotateTeamKey', { profileId: id, keyId: 'k-1', holderProfileId: id }),
      await h.call('requests.send', {
        profileId: id,
        spec: { method: 'GET', path: '/api/v1/teams', query: [], headers: [] },
        requestId: crypto.randomUUID(),
      }),
      await h.call('requests.send', {
        profileId: id,
        spec: { method: 'GET', path: '/big', query: [], headers: [] },
        requestId: crypto.randomUUID(),
      }),
      await h.call('doctor.verify', { id }),
    ];
    // The server did get the key (so the test can fail) and quoted it back.
    expect(seen.every((authorization) => authorization === `Bearer ${key}`)).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(5);

    const refusal = answers[0];
    expect(refusal).toMatchObject({ ok: false, problem: { code: 'FORBIDDEN_ROLE' } });
    expect(refusal?.problem.detail.serverMessage).toContain('[redacted]');
    const sent = answers[4]?.value;
    expect(sent.headers).toContainEqual({ name: 'x-echo', value: 'Bearer [redacted]' });
    expect(sent.problem.code).toBe('FORBIDDEN_ROLE');
    const big = answers[5]?.value;
    expect(big.body.kind).toBe('file');

    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(key);
    expect(JSON.stringify(h.events)).not.toContain(key);
    expect(await filesWith(h.home, key)).toEqual([]);
    // The large body was written, masked, under bodies/.
    const bodyFiles = await readdir(path.join(h.home, 'bodies'));
    expect(bodyFiles.length).toBeGreaterThan(0);
  });
});
