import { describe, expect, it } from 'vitest';
import type {
  DataSourceHealth,
  HealthStatus,
  ProviderHealth,
} from '../../../../src/shared/integrations/integration-health';
import {
  chooseRows,
  rowsOf,
  statusIcon,
  statusLabel,
} from '../../../../src/shared/integrations/integration-rows';
import {
  clipIntegrations,
  instanceIntegrationsSchema,
  integrationsLimits,
} from '../../../../src/shared/integrations/integrations-schema';

const now = Date.parse('2026-12-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

const source = (
  name: string,
  status: HealthStatus,
  syncedHoursAgo: number | null,
  stale = false,
): DataSourceHealth => ({
  id: `id-${name}`,
  name,
  type: 'AWS',
  status,
  veza: { status: '', state: '', effectiveState: '' },
  syncedAt: syncedHoursAgo === null ? null : hoursAgo(syncedHoursAgo),
  parsedAt: null,
  stale,
  lastError: null,
  events: [],
});

const providers: ProviderHealth[] = [
  {
    id: 'p-aws',
    name: 'AWS Production',
    type: 'AWS',
    dataSources: [
      source('billing', 'working', 1),
      source('ledger', 'failing', 2),
      source('archive', 'switched off', 500),
    ],
  },
  {
    id: 'p-okta',
    name: 'Okta',
    type: 'OKTA',
    dataSources: [
      source('users', 'working', 30, true),
      source('groups', 'waiting', null),
      source('apps', 'failing', 5),
    ],
  },
  { id: 'p-empty', name: 'Empty', type: 'GITHUB', dataSources: [] },
];
const names = (rows: ReturnType<typeof rowsOf>) => rows.map((row) => row.source.name);
const all = { failingOnly: false, search: '', sort: 'status' } as const;

describe('the rows of the Integrations tab', () => {
  it('one row per data source, each with its provider, keys unique', () => {
    const rows = rowsOf(providers);
    expect(names(rows)).toEqual(['billing', 'ledger', 'archive', 'users', 'groups', 'apps']);
    expect(rows[3]?.provider).toEqual({ id: 'p-okta', name: 'Okta', type: 'OKTA' });
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('by status: failing, then stale, waiting, working, switched off; by name within each', () => {
    expect(names(chooseRows(rowsOf(providers), all))).toEqual([
      'apps',
      'ledger',
      'users',
      'groups',
      'billing',
      'archive',
    ]);
  });

  it('by age: never synced first, then the longest since a sync', () => {
    expect(names(chooseRows(rowsOf(providers), { ...all, sort: 'age' }))).toEqual([
      'groups',
      'archive',
      'users',
      'apps',
      'ledger',
      'billing',
    ]);
  });

  it('Failing only keeps the failing ones; the search reads source and provider names, any case', () => {
    const rows = rowsOf(providers);
    expect(names(chooseRows(rows, { ...all, failingOnly: true }))).toEqual(['apps', 'ledger']);
    expect(names(chooseRows(rows, { ...all, search: '  OKTA ' }))).toEqual([
      'apps',
      'users',
      'groups',
    ]);
    expect(names(chooseRows(rows, { ...all, search: 'ledg' }))).toEqual(['ledger']);
    expect(names(chooseRows(rows, { ...all, failingOnly: true, search: 'okta' }))).toEqual([
      'apps',
    ]);
    expect(chooseRows(rows, { ...all, search: 'nothing like it' })).toEqual([]);
  });

  it('every status has its word and a sign, so none rests on colour alone', () => {
    const statuses: HealthStatus[] = ['working', 'waiting', 'failing', 'switched off'];
    expect(statuses.map(statusLabel)).toEqual(['Working', 'Waiting', 'Failing', 'Switched off']);
    expect(new Set(statuses.map((status) => statusIcon[status])).size).toBe(4);
  });
});

describe('clipIntegrations', () => {
  it('cuts long texts and caps long lists to the contract, and says the answer is incomplete', () => {
    const long = 'x'.repeat(integrationsLimits.text + 50);
    const many = Array.from({ length: integrationsLimits.dataSourcesPerProvider + 1 }, (_, i) =>
      source(`s${i}`, 'working', 1),
    );
    const failing = {
      ...source('n'.repeat(5000), 'failing', 1),
      lastError: { reason: 'R', message: long, resolution: long, requestId: 'r'.repeat(300) },
    };
    const read = {
      reach: { level: 'partial' as const, words: long },
      providers: [{ id: 'p', name: 'P', type: 'AWS', dataSources: [failing, ...many] }],
      checkedAt: new Date(now).toISOString(),
      staleHours: 24,
      complete: true,
    };
    expect(instanceIntegrationsSchema.safeParse(read).success).toBe(false);
    const clipped = clipIntegrations(read);
    expect(instanceIntegrationsSchema.safeParse(clipped).success).toBe(true);
    expect(clipped.complete).toBe(false);
    expect(clipped.providers[0]?.dataSources).toHaveLength(
      integrationsLimits.dataSourcesPerProvider,
    );
    expect(clipped.providers[0]?.dataSources[0]?.lastError?.requestId).toHaveLength(
      integrationsLimits.id,
    );
    expect(clipped.reach.words.endsWith('…')).toBe(true);
  });

  it('leaves an answer within bounds as it was', () => {
    const read = {
      reach: { level: 'full' as const, words: '' },
      providers,
      checkedAt: new Date(now).toISOString(),
      staleHours: 24,
      complete: true,
    };
    expect(clipIntegrations(read)).toEqual(read);
  });
});
