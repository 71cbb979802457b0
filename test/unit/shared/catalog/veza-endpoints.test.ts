import { describe, expect, it } from 'vitest';
import { vezaEndpoints } from '../../../../src/shared/catalog/veza-endpoints';
import { pathTemplateParams } from '../../../../src/shared/catalog/path-template';

// The calls of the endpoint table in ../shared/veza-api.md, written out as that table lists them,
// and those its "Checked against Veza's published docs" section adds (integration health,
// events, audit log).
const documentedCalls = [
  'GET /api/v1/providers/datasources',
  'GET /api/v1/providers/datasources/{id}/parse_status',
  'GET /api/preview/events',
  'GET /api/preview/system/audit',
  'GET /api/v1/users/self',
  'GET /api/v1/providers',
  'GET /api/v1/providers/types',
  'PUT /api/v1/providers/{id}:enable',
  'PUT /api/v1/providers/{id}:disable',
  'GET /api/v1/providers/custom',
  'POST /api/v1/providers/custom',
  'GET /api/v1/providers/custom/templates',
  'GET /api/v1/providers/custom/{id}',
  'PATCH /api/v1/providers/custom/{id}',
  'DELETE /api/v1/providers/custom/{id}',
  'POST /api/v1/providers/custom/{id}:icon',
  'GET /api/v1/providers/custom/{id}/datasources',
  'POST /api/v1/providers/custom/{id}/datasources',
  'GET /api/v1/providers/custom/{id}/datasources/{ds}',
  'DELETE /api/v1/providers/custom/{id}/datasources/{ds}',
  'POST /api/v1/providers/custom/{id}/datasources/{ds}:push',
  'POST /api/v1/providers/custom/{id}/datasources/{ds}:parts',
  'POST /api/v1/providers/custom/{id}/datasources/{ds}:push_csv',
  'GET /api/v1/assessments/queries',
  'POST /api/v1/assessments/queries',
  'GET /api/v1/assessments/queries/{id}',
  'DELETE /api/v1/assessments/queries/{id}',
  'GET /api/v1/assessments/queries/{id}:nodes',
  'GET /api/v1/assessments/queries/{id}:result',
  'POST /api/v1/assessments/query_spec:nodes',
  'POST /api/v1/assessments/query_spec:result',
  'POST /api/v1/assessments/vql:nodes',
  'GET /api/v1/teams',
  'POST /api/v1/teams',
  'GET /api/v1/teams/{id}',
  'PUT /api/v1/teams/{id}',
  'PATCH /api/v1/teams/{id}',
  'DELETE /api/v1/teams/{id}',
  'POST /api/v1/users',
  'GET /api/v1/users/{id}',
  'PATCH /api/v1/users/{id}',
  'DELETE /api/v1/users/{id}',
  'GET /api/v1/roles',
  'GET /api/preview/teamkeys',
  'POST /api/preview/teamkeys',
  'PATCH /api/preview/teamkeys/{id}',
  'DELETE /api/preview/teamkeys/{id}',
  'POST /api/preview/teamkeys/{id}:revoke',
  'POST /api/preview/teamkeys/{id}:reinstate',
  'GET /api/preview/awf/workflows',
  'GET /api/preview/awf/certifications',
  'GET /api/preview/awf/certifications/{id}/results',
];

const calls = vezaEndpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);

describe('the Veza endpoint catalogue', () => {
  it('has every documented call, once, and nothing else', () => {
    expect([...calls].sort()).toEqual([...documentedCalls].sort());
    expect(new Set(vezaEndpoints.map((endpoint) => endpoint.id)).size).toBe(vezaEndpoints.length);
  });

  it('describes every path parameter the template has, in plain words', () => {
    for (const endpoint of vezaEndpoints) {
      expect(
        endpoint.pathParams.map((param) => param.name),
        endpoint.id,
      ).toEqual(pathTemplateParams(endpoint.path));
      expect(endpoint.title.length, endpoint.id).toBeGreaterThan(5);
      expect(endpoint.description, endpoint.id).toMatch(/\.$/);
    }
  });

  it('gives example bodies that are valid JSON', () => {
    for (const endpoint of vezaEndpoints.filter((candidate) => candidate.exampleBody)) {
      expect(() => JSON.parse(endpoint.exampleBody ?? ''), endpoint.id).not.toThrow();
    }
  });

  it('offers paging parameters on paged lists', () => {
    const pagedWithoutToken = vezaEndpoints.filter(
      (endpoint) =>
        endpoint.pagedList && !endpoint.queryParams.some((param) => param.name === 'page_token'),
    );
    expect(pagedWithoutToken.map((endpoint) => endpoint.id)).toEqual([]);
  });

  it('lets team keys call exactly what Veza’s list says (users-teams/team-api-keys)', () => {
    const teamCalls = vezaEndpoints
      .filter((endpoint) => endpoint.teamKeyAllowed)
      .map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    // Create / Push / Delete / Get Custom Provider Data Source, List Custom Provider Templates,
    // List Custom Providers, List Custom Provider Data Sources, Push CSV, Get User.
    expect(teamCalls.sort()).toEqual(
      [
        'POST /api/v1/providers/custom/{id}/datasources',
        'POST /api/v1/providers/custom/{id}/datasources/{ds}:push',
        'DELETE /api/v1/providers/custom/{id}/datasources/{ds}',
        'GET /api/v1/providers/custom/{id}/datasources/{ds}',
        'GET /api/v1/providers/custom/templates',
        'GET /api/v1/providers/custom',
        'GET /api/v1/providers/custom/{id}/datasources',
        'POST /api/v1/providers/custom/{id}/datasources/{ds}:push_csv',
        'GET /api/v1/users/self',
        // Get User: users/self is this call with the id "self".
        'GET /api/v1/users/{id}',
      ].sort(),
    );
  });

  it('marks writes, except the read-only query runs that Veza takes as POST', () => {
    const readOnlyPosts = vezaEndpoints.filter(
      (endpoint) => endpoint.method === 'POST' && !endpoint.writes,
    );
    expect(readOnlyPosts.map((endpoint) => endpoint.path)).toEqual([
      '/api/v1/assessments/query_spec:nodes',
      '/api/v1/assessments/query_spec:result',
      '/api/v1/assessments/vql:nodes',
    ]);
    expect(vezaEndpoints.filter((e) => e.method === 'GET' && e.writes)).toEqual([]);
    expect(
      vezaEndpoints.filter((e) => e.preview).every((e) => e.path.startsWith('/api/preview/')),
    ).toBe(true);
  });
});
