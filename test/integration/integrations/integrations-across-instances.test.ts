import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIntegrationsService,
  type IntegrationsService,
} from '../../../src/main/core/integrations/integrations-service';
import { createTransport } from '../../../src/main/core/transport';
import { createInstanceClient } from '../../../src/main/core/veza/instance-client';
import {
  integrationsVerdict,
  sourcesNeedingCare,
} from '../../../src/shared/integrations/failing-across-instances';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { freePort } from '../../support/network/free-port';
import { fakeLookup } from '../../support/network/lookups';
import { makeDraft } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// Integration health across instances: three simulated Veza instances over real HTTP on
// 127.0.0.1 (one all well, two with a failing source at different times), a team key that
// sees nothing and an instance that does not answer, each key from the real keychain.
describe('integration health across instances', () => {
  let h: ProfileHarness;
  const sandboxes: Sandbox[] = [];
  let service: IntegrationsService;
  const instances: { profileId: string; profileName: string }[] = [];
  const failingIds: string[] = [];

  const add = async (name: string, address: string, key: string) => {
    const { id } = await h.profiles.create(makeDraft({ name, address, colour: '#12805c' }), {
      apiKey: key,
      acceptAsIs: false,
    });
    instances.push({ profileId: id, profileName: name });
  };

  /** Every data source working and fresh; then the listed ones failing that many hours ago. */
  const shape = (sandbox: Sandbox, failingHoursAgo: number[]) => {
    const on = { state: 'ENABLED', effective_state: 'ENABLED' } as const;
    const sources = sandbox.integrations.dataSources();
    for (const source of sources)
      sandbox.integrations.setDataSource(source.id, {
        ...on,
        status: 'SUCCESS',
        syncedHoursAgo: 1,
      });
    failingHoursAgo.forEach((hours, index) => {
      const source = sources[index] as { id: string };
      sandbox.integrations.setDataSource(source.id, { ...on, syncedHoursAgo: hours });
      sandbox.integrations.recordFailure(
        source.id,
        {
          reason: 'EXTRACTION_FAILED',
          message: `Failed ${hours} hours ago`,
          resolution: 'Check the integration credentials, then retry.',
          request_id: `${String(hours).padStart(2, '0')}${'a'.repeat(30)}`,
        },
        hours,
      );
      failingIds.push(source.id);
    });
  };

  beforeAll(async () => {
    h = await openProfileHarness();
    for (let i = 0; i < 3; i += 1) sandboxes.push(await startSandbox());
    const [well, older, newer] = sandboxes as [Sandbox, Sandbox, Sandbox];
    shape(well, []);
    shape(older, [5]);
    shape(newer, [2]);
    await add('Acme EU', well.url, well.keys.admin);
    await add('Acme US', older.url, older.keys.admin);
    await add('Acme Lab', newer.url, newer.keys.admin);
    await add('Acme team key', newer.url, newer.keys.team);
    await add('Acme gone', `http://127.0.0.1:${await freePort()}`, well.keys.admin);
    service = createIntegrationsService({
      instances: createInstanceClient({ profiles: h.profiles }),
      openTransport: () => createTransport({ env: {}, lookup: fakeLookup(['localhost']) }),
    });
  });
  afterAll(async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await h.close();
  });

  it('reads every instance; one that cannot be read keeps its place with its problem', async () => {
    const reads = await service.readAll(instances);
    expect(reads.map((read) => read.profileName)).toEqual(instances.map((i) => i.profileName));
    expect(reads.map(integrationsVerdict)).toEqual([
      'all well',
      'failing',
      'failing',
      'not visible',
      'not read',
    ]);
    expect(reads[4]?.problem?.code).toBe('TCP_REFUSED');
  });

  it('lists every failing data source of every instance, most recent first', async () => {
    const rows = sourcesNeedingCare(await service.readAll(instances));
    expect(rows.map((row) => [row.profileName, row.source.id])).toEqual([
      ['Acme Lab', failingIds[1]],
      ['Acme US', failingIds[0]],
    ]);
    expect(rows[0]?.source.lastError?.message).toBe('Failed 2 hours ago');
    expect(rows[0]?.since).toBe(rows[0]?.source.events[0]?.timestamp);
  });
});
