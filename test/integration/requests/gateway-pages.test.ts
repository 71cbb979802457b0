import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { startNginx, type Nginx } from '../../support/network/nginx';
import { makeDraft } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// The request workspace behind a real nginx that answers itself: its page for a 401 or 403 is
// not Veza refusing the key, its 502 is Veza out of the gateway's reach, and the answer's own
// status and page stay there for the user to read.
let veza: Sandbox;
let h: ProfileHarness;
const gateways: Nginx[] = [];
beforeAll(async () => {
  veza = await startSandbox();
  h = await openProfileHarness();
});
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  for (const profile of h.profiles.state().profiles)
    await h.call('profiles.delete', { id: profile.id });
});
afterAll(async () => {
  await h.close();
  await veza.close();
});

async function sendBehind(location: string) {
  const gateway = await startNginx(`location / { ${location} }`);
  gateways.push(gateway);
  const created = await h.call('profiles.create', {
    draft: makeDraft({ address: gateway.url }),
    key: { apiKey: veza.keys.admin, acceptAsIs: false },
  });
  expect(created.ok, JSON.stringify(created.problem)).toBe(true);
  const sent = await h.call('requests.send', {
    profileId: created.value.id,
    spec: { method: 'GET', path: '/api/v1/providers', query: [], headers: [] },
    requestId: crypto.randomUUID(),
  });
  expect(sent.ok, JSON.stringify(sent.problem)).toBe(true);
  return sent.value;
}

describe('a gateway page in the request workspace', () => {
  it.each([
    [
      401,
      'auth_basic "Staff only"; auth_basic_user_file /dev/null; proxy_pass http://127.0.0.1:9;',
      '401 Authorization Required',
    ],
    [403, 'return 403;', '403 Forbidden'],
  ])(
    '%i from nginx is GATEWAY_REFUSED, naming nginx, the page kept',
    async (status, location, title) => {
      const sent = await sendBehind(location);
      expect(sent.status).toBe(status);
      expect(sent.problem.code).toBe('GATEWAY_REFUSED');
      expect(sent.problem.detail.facts).toMatchObject({ answerer: 'nginx', title });
      expect(sent.body.kind).toBe('inline');
      expect(Buffer.from(sent.body.base64 as string, 'base64').toString()).toContain(title);
    },
  );

  it('502 from nginx is GATEWAY_UNAVAILABLE', async () => {
    const sent = await sendBehind('proxy_pass http://127.0.0.1:9;');
    expect(sent.status).toBe(502);
    expect(sent.problem.code).toBe('GATEWAY_UNAVAILABLE');
    expect(sent.problem.explanation).toMatch(/^nginx in front of the instance/);
  });
});
