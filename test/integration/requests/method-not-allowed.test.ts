import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { makeDraft } from '../../support/profile-fixtures';

// A call sent with a method its path does not take: the simulated Veza answers 405, as an API
// gateway does, and the workspace says so in words instead of "the request was refused".
let veza: Sandbox;
beforeAll(async () => {
  veza = await startSandbox();
});
afterAll(() => veza.close());

let h: ProfileHarness;
beforeEach(async () => {
  h = await openProfileHarness();
});
afterEach(() => h.close());

describe('a method the path does not take', () => {
  it('is HTTP_METHOD_NOT_ALLOWED, naming the path, with Veza’s own advice', async () => {
    const created = await h.call('profiles.create', {
      draft: makeDraft({ address: veza.url }),
      key: { apiKey: veza.keys.admin, acceptAsIs: false },
    });
    const sent = await h.call('requests.send', {
      profileId: created.value.id,
      spec: { method: 'DELETE', path: '/api/v1/users/self', query: [], headers: [] },
      requestId: crypto.randomUUID(),
    });
    expect(sent.value.status).toBe(405);
    expect(sent.value.problem.code).toBe('HTTP_METHOD_NOT_ALLOWED');
    expect(sent.value.problem.title).toBe('This call does not take that method');
    expect(sent.value.problem.explanation).toContain('/api/v1/users/self');
    expect(sent.value.problem.detail.serverResolution).toMatch(/^Use /);
  });
});
