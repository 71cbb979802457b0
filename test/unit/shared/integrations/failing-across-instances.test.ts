import { describe, expect, it } from 'vitest';
import {
  integrationsVerdict,
  sourcesNeedingCare,
  type InstanceIntegrationsRead,
} from '../../../../src/shared/integrations/failing-across-instances';
import type {
  DataSourceHealth,
  InstanceIntegrations,
} from '../../../../src/shared/integrations/integration-health';
import { makeProblem } from '../../../../src/shared/problems/make-problem';

const source = (id: string, changes: Partial<DataSourceHealth> = {}): DataSourceHealth => ({
  id,
  name: id,
  type: 'OKTA',
  status: 'working',
  veza: { status: 'SUCCESS', state: 'ENABLED', effectiveState: 'ENABLED' },
  syncedAt: '2026-12-01T10:00:00.000Z',
  parsedAt: '2026-12-01T10:00:00.000Z',
  stale: false,
  lastError: null,
  events: [],
  ...changes,
});

const instance = (
  name: string,
  dataSources: DataSourceHealth[],
  level: 'full' | 'none' = 'full',
): InstanceIntegrationsRead => ({
  profileId: `id-${name}`,
  profileName: name,
  integrations: {
    reach: { level, words: '' },
    providers: [{ id: `p-${name}`, name: 'Okta', type: 'OKTA', dataSources }],
    checkedAt: '2026-12-02T10:00:00.000Z',
    staleHours: 24,
    complete: true,
  } satisfies InstanceIntegrations,
});

const event = (timestamp: string) => ({
  id: timestamp,
  timestamp,
  severity: 'ERROR',
  name: 'Extraction failed',
  message: '',
  error: null,
});

describe('integrationsVerdict', () => {
  it('is the worst state: failing over stale over all well; no reach and no read say so', () => {
    expect(integrationsVerdict(instance('a', [source('1')]))).toBe('all well');
    expect(integrationsVerdict(instance('a', [source('1', { stale: true })]))).toBe('stale');
    expect(
      integrationsVerdict(
        instance('a', [source('1', { stale: true }), source('2', { status: 'failing' })]),
      ),
    ).toBe('failing');
    expect(integrationsVerdict(instance('a', [], 'none'))).toBe('not visible');
    expect(
      integrationsVerdict({
        profileId: 'x',
        profileName: 'x',
        problem: makeProblem('TCP_REFUSED'),
      }),
    ).toBe('not read');
  });
});

describe('sourcesNeedingCare', () => {
  it('keeps failing and stale sources only, newest trouble first, failing first on a tie', () => {
    const rows = sourcesNeedingCare([
      instance('EU', [
        source('ok'),
        source('stale', { stale: true, syncedAt: '2026-11-30T08:00:00.000Z' }),
        source('old', { status: 'failing', events: [event('2026-12-01T09:00:00.000Z')] }),
      ]),
      instance('US', [
        source('tie', { stale: true, syncedAt: '2026-12-02T07:00:00.000Z' }),
        source('new', { status: 'failing', events: [event('2026-12-02T07:00:00.000Z')] }),
        source('never', { status: 'failing', syncedAt: null }),
      ]),
    ]);
    expect(rows.map((row) => `${row.profileName}/${row.source.id}`)).toEqual([
      'US/new',
      'US/tie',
      'EU/old',
      'EU/stale',
      'US/never',
    ]);
    expect(rows[0]).toMatchObject({
      provider: { name: 'Okta' },
      since: '2026-12-02T07:00:00.000Z',
    });
  });
});

describe('sourcesNeedingCare keys', () => {
  it('are unique (a source id twice) and stay the same when another instance lands', () => {
    const eu = instance('EU', [
      source('twice', { status: 'failing', events: [event('2026-12-01T09:00:00.000Z')] }),
      source('twice', { status: 'failing', events: [event('2026-12-01T08:00:00.000Z')] }),
    ]);
    const first = sourcesNeedingCare([eu]);
    expect(new Set(first.map((row) => row.key)).size).toBe(2);
    const us = instance('US', [
      source('newer', { status: 'failing', events: [event('2026-12-02T09:00:00.000Z')] }),
    ]);
    const both = sourcesNeedingCare([eu, us]);
    expect(both.map((row) => row.source.id)).toEqual(['newer', 'twice', 'twice']);
    expect(both.slice(1).map((row) => row.key)).toEqual(first.map((row) => row.key));
  });
});
