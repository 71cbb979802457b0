import { describe, expect, it } from 'vitest';
import { readIntegrations } from '../../../../../src/main/core/integrations/read-integrations';
import { ProblemError } from '../../../../../src/main/core/problem-error';
import type { VezaCall } from '../../../../../src/main/core/veza/list-all-pages';

// The reach rules on answers Veza could give that the simulator does not make: events refused
// while the lists are allowed, and another failure that must stay a failure.
const now = new Date('2026-12-02T12:00:00Z');
const answers: Record<string, unknown> = {
  '/api/v1/users/self': {
    value: { id: 'u1', api_key: { type: 'PERSONAL' }, team: { id: 't1', name: 'Platform' } },
  },
  '/api/v1/providers': { values: [{ id: 'p1', name: 'Okta', type: 'OKTA' }], has_more: false },
  '/api/v1/providers/custom': { values: [], has_more: false },
  '/api/v1/providers/datasources': {
    values: [{ id: 'd1', name: 'Okta', provider_id: 'p1', status: 'ERROR', state: 'ENABLED' }],
    has_more: false,
  },
  '/api/v1/teams': { values: [{ id: 't1', policy_type: 'UNBOUND' }], has_more: false },
};

function fakeVeza(refuse: string, code: 'FORBIDDEN_ROLE' | 'SERVER_ERROR'): VezaCall {
  return async (_method, path) => {
    const bare = path.split('?')[0] as string;
    if (bare === refuse) throw ProblemError.of(code, { status: 403 });
    return answers[bare] ?? { events: [] };
  };
}

describe('readIntegrations reach', () => {
  it('events refused: the sources are shown, reach partial, failures without a reason', async () => {
    const read = await readIntegrations(fakeVeza('/api/preview/events', 'FORBIDDEN_ROLE'), { now });
    expect(read.reach.level).toBe('partial');
    expect(read.reach.words).toMatch(/does not let this key read its events/);
    expect(read.providers[0]?.dataSources[0]).toMatchObject({ status: 'failing', lastError: null });
  });

  it('a failure that is not a refusal stays a failure', async () => {
    await expect(
      readIntegrations(fakeVeza('/api/v1/providers/datasources', 'SERVER_ERROR'), { now }),
    ).rejects.toBeInstanceOf(ProblemError);
  });
});
