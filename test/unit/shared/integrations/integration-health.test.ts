import { describe, expect, it } from 'vitest';
import { buildIntegrations } from '../../../../src/shared/integrations/build-integrations';
import { explainIntegrationError } from '../../../../src/shared/integrations/explain-integration-error';
import {
  allWell,
  countHealth,
  healthStatusOf,
  isStale,
  onlyNeedingCare,
  vezaTime,
} from '../../../../src/shared/integrations/integration-health';

const now = new Date('2026-12-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

describe('healthStatusOf', () => {
  it.each([
    [{ status: 'SUCCESS', state: 'ENABLED', effective_state: 'ENABLED' }, 'working'],
    [{ status: 'PENDING', state: 'ENABLED', effective_state: 'ENABLED' }, 'waiting'],
    [{ status: 'ERROR', state: 'ENABLED', effective_state: 'ENABLED' }, 'failing'],
    [{ status: 'ERROR', state: 'DISABLED', effective_state: 'DISABLED' }, 'switched off'],
    [{ status: 'SUCCESS', state: 'ENABLED', effective_state: 'DISABLED' }, 'switched off'],
    [{ status: 'failed' }, 'failing'],
    [{ status: 'IN_PROGRESS' }, 'waiting'],
    [{ status: 3 }, 'waiting'],
    [{}, 'waiting'],
  ])('%o reads as %s', (source, words) => {
    expect(healthStatusOf(source)).toBe(words);
  });
});

describe('vezaTime', () => {
  it('reads a time, and none for empty, unreadable or Go zero times', () => {
    expect(vezaTime('2022-01-13T20:53:23Z')).toBe('2022-01-13T20:53:23.000Z');
    expect(vezaTime('')).toBeNull();
    expect(vezaTime('soon')).toBeNull();
    expect(vezaTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(vezaTime(undefined)).toBeNull();
  });
});

describe('isStale', () => {
  it('is stale past the threshold when switched on, whatever Veza says', () => {
    expect(isStale({ status: 'working', syncedAt: hoursAgo(25) }, now)).toBe(true);
    expect(isStale({ status: 'working', syncedAt: hoursAgo(23) }, now)).toBe(false);
    expect(isStale({ status: 'working', syncedAt: hoursAgo(3) }, now, 2)).toBe(true);
    expect(isStale({ status: 'switched off', syncedAt: hoursAgo(900) }, now)).toBe(false);
  });
  it('a source never synced is stale unless it waits for its first run', () => {
    expect(isStale({ status: 'waiting', syncedAt: null }, now)).toBe(false);
    expect(isStale({ status: 'working', syncedAt: null }, now)).toBe(true);
  });
});

describe('buildIntegrations', () => {
  const providers = [
    { id: 'p1', name: 'AWS prod', type: 'AWS' },
    { id: 'p2', name: 'Okta', type: 'OKTA' },
  ];
  const source = (id: string, status: string, providerId: string, synced: string, extra = {}) => ({
    id,
    name: `Source ${id}`,
    datasource_type: 'EXTRACTOR',
    agent_type: 'AWS_EC2',
    status,
    provider_id: providerId,
    state: 'ENABLED',
    effective_state: 'ENABLED',
    synced_at: synced,
    parsed_at: synced,
    ...extra,
  });
  const error = {
    reason: 'EXTRACTION_FAILED',
    metadata: {},
    message: 'Access denied while listing users',
    resolution: 'Check that the integration credentials have read access, then retry.',
    request_id: 'abc123',
  };
  const events = [
    {
      id: 'e1',
      timestamp: hoursAgo(5),
      severity: 'ERROR',
      name: 'old',
      message: 'm',
      entity_id: 'd2',
      error: { ...error, request_id: 'old' },
    },
    {
      id: 'e2',
      timestamp: hoursAgo(1),
      severity: 'ERROR',
      name: 'new',
      message: 'm',
      entity_id: 'd2',
      error,
    },
    {
      id: 'e3',
      timestamp: hoursAgo(1),
      severity: 'INFO',
      name: 'ok',
      message: 'm',
      entity_id: 'd1',
    },
    {
      id: 'e4',
      timestamp: hoursAgo(2),
      severity: 'ERROR',
      name: 'by name',
      message: 'm',
      entity_name: 'Source d5',
      error: { reason: 7 },
    },
  ];
  const built = buildIntegrations({
    providers,
    dataSources: [
      source('d1', 'SUCCESS', 'p1', hoursAgo(1)),
      source('d2', 'ERROR', 'p1', hoursAgo(2)),
      source('d3', 'SUCCESS', 'p2', hoursAgo(48)),
      source('d4', 'PENDING', 'oaa-1', '', { parsed_at: '' }),
      source('d5', 'ERROR', 'p2', hoursAgo(2)),
    ],
    events,
    now,
  });

  it('groups data sources under their providers, an unknown provider by its id', () => {
    expect(built.map((p) => [p.id, p.dataSources.map((s) => s.id)])).toEqual([
      ['p1', ['d1', 'd2']],
      ['p2', ['d3', 'd5']],
      ['oaa-1', ['d4']],
    ]);
    expect(built[2]?.dataSources[0]).toMatchObject({
      status: 'waiting',
      syncedAt: null,
      parsedAt: null,
      stale: false,
    });
  });

  it('a failing source carries its events newest first and the newest error as lastError', () => {
    const failing = built[0]?.dataSources[1];
    expect(failing?.events.map((event) => event.id)).toEqual(['e2', 'e1']);
    expect(failing?.lastError).toEqual({
      reason: 'EXTRACTION_FAILED',
      message: 'Access denied while listing users',
      resolution: 'Check that the integration credentials have read access, then retry.',
      requestId: 'abc123',
    });
    expect(built[0]?.dataSources[0]?.events).toEqual([]);
    expect(built[1]?.dataSources[1]?.lastError).toEqual({
      reason: '7',
      message: '',
      resolution: '',
      requestId: '',
    });
  });

  it('counts, tells all well, and keeps only what needs care', () => {
    expect(countHealth(built)).toEqual({
      dataSources: 5,
      working: 2,
      waiting: 1,
      failing: 2,
      switchedOff: 0,
      stale: 1,
    });
    expect(allWell(built)).toBe(false);
    expect(allWell(built.slice(2))).toBe(true);
    expect(onlyNeedingCare(built).flatMap((p) => p.dataSources.map((s) => s.id))).toEqual([
      'd2',
      'd3',
      'd5',
    ]);
  });

  it('the threshold is the caller’s', () => {
    const strict = buildIntegrations({
      providers,
      dataSources: [source('d1', 'SUCCESS', 'p1', hoursAgo(3))],
      events: [],
      now,
      staleHours: 2,
    });
    expect(strict[0]?.dataSources[0]?.stale).toBe(true);
  });
});

describe('explainIntegrationError', () => {
  it('uses Veza’s resolution as what to do, and the reason for who can do it', () => {
    const words = explainIntegrationError({
      reason: 'EXTRACTION_FAILED',
      message: 'Access denied while listing users',
      resolution: 'Check the credentials, then retry.',
      requestId: 'r',
    });
    expect(words.whatToDo).toBe('Veza says: Check the credentials, then retry.');
    expect(words.meaning).toMatch(/refused/);
  });
  it('claims nothing for a reason it cannot read', () => {
    const words = explainIntegrationError({
      reason: '7',
      message: '',
      resolution: '',
      requestId: '',
    });
    expect(words.meaning).toMatch(/no more than its message/);
    expect(words.whatToDo).toMatch(/new sync/);
    expect(words.whoCanDo).toMatch(/Veza admin/);
  });
  it.each(['OAA_PUSH_FAILED', 'PARSE_FAILED', 'CONNECTION_TIMEOUT'])(
    '%s has words of its own',
    (reason) => {
      expect(
        explainIntegrationError({ reason, message: '', resolution: '', requestId: '' }).meaning,
      ).not.toMatch(/no more/);
    },
  );
});
