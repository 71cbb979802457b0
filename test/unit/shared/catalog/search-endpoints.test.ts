import { describe, expect, it } from 'vitest';
import { findEndpoint, searchEndpoints } from '../../../../src/shared/catalog/search-endpoints';
import { fillPathTemplate, matchPathTemplate } from '../../../../src/shared/catalog/path-template';
import { vezaEndpoints } from '../../../../src/shared/catalog/veza-endpoints';

const ids = (query: string) => searchEndpoints(query).map((endpoint) => endpoint.id);

describe('searchEndpoints', () => {
  it('lists the whole catalogue for an empty query', () => {
    expect(searchEndpoints('  ')).toHaveLength(vezaEndpoints.length);
  });

  it('completes a partial path, shortest first', () => {
    const found = ids('/api/v1/providers/cu');
    expect(found[0]).toBe('customProviders.list');
    expect(found).toContain('dataSources.pushCsv');
    expect(found).not.toContain('providers.list');
  });

  it('finds the template of a concrete path with IDs in it, first', () => {
    expect(ids('/api/v1/providers/custom/0c4f/datasources/77')[0]).toBe('dataSources.get');
    expect(ids('/api/v1/providers/custom/0c4f/datasources/77:push')).toEqual(['dataSources.push']);
  });

  it('narrows by a method typed first', () => {
    expect(ids('DELETE /api/v1/providers/custom/abc')).toEqual(['customProviders.delete']);
    expect(ids('post data source')).toEqual([
      'dataSources.create',
      'dataSources.push',
      'dataSources.pushParts',
      'dataSources.pushCsv',
    ]);
  });

  it('matches plain words in titles and descriptions, every word must match', () => {
    expect(ids('who')[0]).toBe('users.self');
    expect(ids('list data sources').slice(0, 2).sort()).toEqual([
      'dataSources.list',
      'providers.dataSources',
    ]);
    expect(ids('revoke team')[0]).toBe('teamKeys.revoke');
    expect(ids('access review')[0]).toMatch(/^reviews\./);
    expect(ids('zebra providers')).toEqual([]);
  });
});

describe('path templates', () => {
  it('reads the IDs of a concrete path, stopping at an action suffix', () => {
    expect(
      matchPathTemplate(
        '/api/v1/providers/custom/{id}/datasources/{ds}:push',
        '/api/v1/providers/custom/p1/datasources/d2:push',
      ),
    ).toEqual({ id: 'p1', ds: 'd2' });
    expect(
      matchPathTemplate('/api/v1/providers/custom/{id}', '/api/v1/providers/custom/p1/datasources'),
    ).toBeUndefined();
  });

  it('encodes each value as one segment, so an ID cannot change the call', () => {
    expect(fillPathTemplate('/api/v1/teams/{id}', { id: '../users/1?x' })).toBe(
      '/api/v1/teams/..%2Fusers%2F1%3Fx',
    );
    expect(fillPathTemplate('/api/v1/providers/{id}:enable', {})).toBe(
      '/api/v1/providers/{id}:enable',
    );
  });

  it('finds the catalogue entry of a request', () => {
    expect(findEndpoint('GET', '/api/v1/providers?page_size=10')?.id).toBe('providers.list');
    expect(findEndpoint('PUT', '/api/v1/providers/xyz:disable')?.id).toBe('providers.disable');
    expect(findEndpoint('POST', '/api/v1/providers')).toBeUndefined();
  });
});
