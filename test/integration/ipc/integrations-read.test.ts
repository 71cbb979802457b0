import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { calls } from '../../../src/shared/ipc/contract';
import type {
  DataSourceHealth,
  InstanceIntegrations,
} from '../../../src/shared/integrations/integration-health';
import { integrationsLimits } from '../../../src/shared/integrations/integrations-schema';
import { makeDraft } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// 'integrations.read' as the window calls it: through the real dispatcher (sender check,
// argument schema, result schema) and the real services over the keychain, against the
// simulated Veza on 127.0.0.1.
describe('integrations.read through the IPC contract', () => {
  let h: ProfileHarness;
  let sandbox: Sandbox;
  const failure = {
    reason: 'EXTRACTION_FAILED',
    message: 'Access denied while listing users',
    resolution: 'Check that the integration credentials have read access, then retry.',
    request_id: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  };
  let failingId = '';
  let longNameId = '';

  const addInstance = async (name: string, key: string) =>
    (
      await h.profiles.create(makeDraft({ name, address: sandbox.url, colour: '#12805c' }), {
        apiKey: key,
        acceptAsIs: false,
      })
    ).id;
  const sources = (read: InstanceIntegrations): DataSourceHealth[] =>
    read.providers.flatMap((provider) => provider.dataSources);

  beforeAll(async () => {
    h = await openProfileHarness();
    sandbox = await startSandbox();
    const [first, second] = sandbox.integrations.dataSources();
    failingId = first?.id as string;
    longNameId = second?.id as string;
    sandbox.integrations.setDataSource(failingId, {
      state: 'ENABLED',
      effective_state: 'ENABLED',
      syncedHoursAgo: 3,
    });
    sandbox.integrations.recordFailure(failingId, failure);
    // A name far past what the contract lets cross: main clips it rather than fail the answer.
    Object.assign(sandbox.integrations.setDataSource(longNameId, { syncedHoursAgo: 1 }), {
      name: `Very long ${'n'.repeat(5000)}`,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await h.close();
  });

  it('answers the model within the contract: a failing source with Veza’s reason and request id', async () => {
    const answer = await h.call('integrations.read', {
      profileId: await addInstance('Acme', sandbox.keys.admin),
    });
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    const read = answer.value as InstanceIntegrations;
    expect(calls['integrations.read'].result.safeParse(read).success).toBe(true);
    expect(read.reach).toEqual({ level: 'full', words: '' });
    expect(read.staleHours).toBe(24);
    expect(sources(read)).toHaveLength(sandbox.integrations.dataSources().length);
    const failing = sources(read).find((source) => source.id === failingId);
    expect(failing).toMatchObject({
      status: 'failing',
      lastError: {
        reason: failure.reason,
        message: failure.message,
        resolution: failure.resolution,
        requestId: failure.request_id,
      },
    });
    expect(failing?.events[0]?.error?.requestId).toBe(failure.request_id);
    const long = sources(read).find((source) => source.id === longNameId);
    expect(long?.name).toHaveLength(integrationsLimits.name);
    expect(long?.name.endsWith('…')).toBe(true);
  });

  it('takes the stale threshold from the window: 2 hours makes the 3-hour-old source stale', async () => {
    const profileId = await addInstance('Acme strict', sandbox.keys.admin);
    const answer = await h.call('integrations.read', { profileId, staleHours: 2 });
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(answer.value.staleHours).toBe(2);
    expect(sources(answer.value).find((source) => source.id === failingId)?.stale).toBe(true);
  });

  it('refuses a threshold outside an hour to a year, and sends nothing', async () => {
    const profileId = await addInstance('Acme bounds', sandbox.keys.admin);
    for (const staleHours of [0, 8761, 1.5, -3, '24']) {
      const answer = await h.call('integrations.read', { profileId, staleHours });
      expect(answer.ok).toBe(false);
      expect(answer.problem.code).toBe('IPC_INVALID_ARGUMENT');
    }
    const atTheEdges = await Promise.all(
      [1, 8760].map((staleHours) => h.call('integrations.read', { profileId, staleHours })),
    );
    expect(atTheEdges.map((answer) => answer.ok)).toEqual([true, true]);
  });

  it('a team key is less reach, not a failure: the answer says so in words', async () => {
    const answer = await h.call('integrations.read', {
      profileId: await addInstance('Acme team key', sandbox.keys.team),
    });
    expect(answer.ok, JSON.stringify(answer.problem)).toBe(true);
    expect(answer.value.reach.level).toBe('none');
    expect(answer.value.reach.words).toMatch(/team key/);
    expect(answer.value.providers).toEqual([]);
  });

  it('an instance that is not saved is a problem as data, not a crash', async () => {
    const answer = await h.call('integrations.read', { profileId: crypto.randomUUID() });
    expect(answer.ok).toBe(false);
    expect(answer.problem.code).not.toBe('INTERNAL_ERROR');
  });
});
