import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIntegrationsService,
  type IntegrationsService,
} from '../../../src/main/core/integrations/integrations-service';
import { createTransport } from '../../../src/main/core/transport';
import { createInstanceClient } from '../../../src/main/core/veza/instance-client';
import type {
  DataSourceHealth,
  InstanceIntegrations,
} from '../../../src/shared/integrations/integration-health';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeDraft } from '../../support/profile-fixtures';
import { fakeLookup } from '../../support/network/lookups';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// The integrations service against the simulated Veza over real HTTP on 127.0.0.1, each key
// read from the real keychain (with-keychain.sh), through the one instance client.
describe('integration health through the service', () => {
  let h: ProfileHarness;
  let sandbox: Sandbox;
  let service: IntegrationsService;
  const ids = { working: '', waiting: '', failing: '', off: '', stale: '' };
  const failure = {
    reason: 'EXTRACTION_FAILED',
    message: 'Access denied while listing users',
    resolution: 'Check that the integration credentials have read access, then retry.',
    request_id: '7f3c2a9e0b1d4c5e8f6a7b8c9d0e1f2a',
  };

  const addInstance = async (name: string, key: string) =>
    (
      await h.profiles.create(makeDraft({ name, address: sandbox.url, colour: '#12805c' }), {
        apiKey: key,
        acceptAsIs: false,
      })
    ).id;

  const sourceOf = (read: InstanceIntegrations, id: string): DataSourceHealth | undefined =>
    read.providers.flatMap((provider) => provider.dataSources).find((source) => source.id === id);

  beforeAll(async () => {
    h = await openProfileHarness();
    sandbox = await startSandbox();
    service = createIntegrationsService({
      instances: createInstanceClient({ profiles: h.profiles }),
      openTransport: () => createTransport({ env: {}, lookup: fakeLookup(['localhost']) }),
    });
    const sources = sandbox.integrations.dataSources();
    const pick = (index: number) => sources[index]?.id as string;
    [ids.working, ids.waiting, ids.failing, ids.off, ids.stale] = [1, 2, 3, 4, 5].map(pick) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const on = { state: 'ENABLED', effective_state: 'ENABLED' } as const;
    sandbox.integrations.setDataSource(ids.working, {
      ...on,
      status: 'SUCCESS',
      syncedHoursAgo: 1,
    });
    sandbox.integrations.setDataSource(ids.waiting, {
      ...on,
      status: 'PENDING',
      syncedHoursAgo: 2,
    });
    sandbox.integrations.setDataSource(ids.failing, { ...on, syncedHoursAgo: 3 });
    sandbox.integrations.recordFailure(ids.failing, failure);
    sandbox.integrations.setDataSource(ids.off, {
      status: 'SUCCESS',
      state: 'DISABLED',
      syncedHoursAgo: 500,
    });
    sandbox.integrations.setDataSource(ids.stale, { ...on, status: 'SUCCESS', syncedHoursAgo: 30 });
  });
  afterAll(async () => {
    await sandbox.close();
    await h.close();
  });

  it('an admin key sees every data source, each status in words, and the stale one', async () => {
    const read = await service.read(await addInstance('Acme admin', sandbox.keys.admin));
    expect(read.reach).toEqual({ level: 'full', words: '' });
    expect(read.complete).toBe(true);
    expect(read.providers.flatMap((p) => p.dataSources)).toHaveLength(
      sandbox.integrations.dataSources().length,
    );
    expect(sourceOf(read, ids.working)).toMatchObject({
      status: 'working',
      stale: false,
      lastError: null,
    });
    expect(sourceOf(read, ids.waiting)).toMatchObject({ status: 'waiting', stale: false });
    expect(sourceOf(read, ids.off)).toMatchObject({ status: 'switched off', stale: false });
    expect(sourceOf(read, ids.stale)).toMatchObject({ status: 'working', stale: true });
    expect(Date.parse(sourceOf(read, ids.stale)?.syncedAt ?? '')).toBeLessThan(
      Date.now() - 29 * 3_600_000,
    );
  });

  it('a failing source carries its latest INTEGRATIONS event with Veza’s reason and request id', async () => {
    const read = await service.read(await addInstance('Acme operator', sandbox.keys.operator));
    const failing = sourceOf(read, ids.failing);
    expect(failing?.status).toBe('failing');
    expect(failing?.lastError).toEqual({
      reason: failure.reason,
      message: failure.message,
      resolution: failure.resolution,
      requestId: failure.request_id,
    });
    expect(failing?.events[0]).toMatchObject({ severity: 'ERROR', name: 'Extraction failed' });
  });

  it('the threshold is the caller’s: 2 hours makes the 3-hour-old failing source stale too', async () => {
    const read = await service.read(await addInstance('Acme strict', sandbox.keys.admin), {
      staleHours: 2,
    });
    expect(read.staleHours).toBe(2);
    expect(sourceOf(read, ids.failing)?.stale).toBe(true);
    expect(sourceOf(read, ids.working)?.stale).toBe(false);
  });

  it('a team key sees nothing, and is told which key would see more', async () => {
    const read = await service.read(await addInstance('Acme team key', sandbox.keys.team));
    expect(read.providers).toEqual([]);
    expect(read.reach.level).toBe('none');
    expect(read.reach.words).toMatch(/team key/);
    expect(read.reach.words).toMatch(/personal key of an admin or operator in the root team/);
  });

  it('a personal key of a team limited to one provider sees that provider only: partial', async () => {
    const failing = sandbox.integrations.dataSources().find((s) => s.id === ids.failing);
    const team = sandbox.control.createTeam('Okta owners', 'Only one provider', {
      providerIds: [failing?.provider_id as string],
    });
    const user = sandbox.control.createUser({
      name: 'Lena Limited',
      roles: ['operator'],
      teamIds: [team.id],
    });
    const key = sandbox.control.createPersonalKey({ userId: user.id, teamId: team.id });
    const read = await service.read(await addInstance('Acme limited', key.key));
    expect(read.reach.level).toBe('partial');
    expect(read.reach.words).toMatch(/Okta owners, sees only the providers given to it/);
    expect(read.providers.map((p) => p.id)).toEqual([failing?.provider_id]);
    expect(sourceOf(read, ids.failing)?.lastError?.requestId).toBe(failure.request_id);
  });

  it('a personal key of a team given no provider sees none', async () => {
    const team = sandbox.control.createTeam('Nothing yet', 'No providers', { providerIds: [] });
    const user = sandbox.control.createUser({
      name: 'Nina None',
      roles: ['viewer'],
      teamIds: [team.id],
    });
    const key = sandbox.control.createPersonalKey({ userId: user.id, teamId: team.id });
    const read = await service.read(await addInstance('Acme none', key.key));
    expect(read.reach.level).toBe('none');
    expect(read.providers).toEqual([]);
  });

  it('the demo instance as seeded: every failing source has its event, some are stale', async () => {
    const demo = await startSandbox();
    try {
      const profiles = h.profiles;
      const id = (
        await profiles.create(makeDraft({ name: 'Demo', address: demo.url, colour: '#12805c' }), {
          apiKey: demo.keys.admin,
          acceptAsIs: false,
        })
      ).id;
      const read = await service.read(id);
      const all = read.providers.flatMap((p) => p.dataSources);
      const statuses = new Set(all.map((source) => source.status));
      expect([...statuses].sort()).toEqual(['failing', 'switched off', 'waiting', 'working']);
      const failing = all.filter((source) => source.status === 'failing');
      expect(failing.length).toBeGreaterThan(0);
      for (const source of failing) expect(source.lastError?.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(all.some((source) => source.stale)).toBe(true);
    } finally {
      await demo.close();
    }
  });
});

describe('integration health when Veza’s paging cannot end', () => {
  it('a list whose last page repeats its token is PAGING_FAILED, not a crash', async () => {
    const h = await openProfileHarness();
    const sandbox = await startSandbox();
    try {
      sandbox.configure({ repeatTokenOnLastPage: true, emptyPageWhileHasMore: false });
      // Events enough for two pages of 100, so the last page's token repeats.
      const [first] = sandbox.integrations.dataSources();
      for (let index = 0; index < 120; index += 1)
        sandbox.integrations.recordFailure(first?.id as string, {
          reason: 'PARSE_FAILED',
          message: 'The extracted data could not be parsed',
          resolution: 'Retry the extraction.',
        });
      const service = createIntegrationsService({
        instances: createInstanceClient({ profiles: h.profiles }),
        openTransport: () => createTransport({ env: {}, lookup: fakeLookup(['localhost']) }),
      });
      const { id } = await h.profiles.create(
        makeDraft({ name: 'Looping', address: sandbox.url, colour: '#12805c' }),
        { apiKey: sandbox.keys.admin, acceptAsIs: false },
      );
      await expect(service.read(id)).rejects.toMatchObject({ problem: { code: 'PAGING_FAILED' } });
    } finally {
      await sandbox.close();
      await h.close();
    }
  });
});
